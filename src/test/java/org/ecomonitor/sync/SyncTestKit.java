package org.ecomonitor.sync;

import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.server.Role;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.ecomonitor.store.ProjectStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers of the sync tests: servers on loopback, users, stores with stations and readings, store checksums. */
final class SyncTestKit {

    static final String PASSWORD = "correct horse battery";
    static final String BIJIANG = "520602";
    static final String WANSHAN = "520603";

    private SyncTestKit() {
    }

    /** An in-process server on a free loopback port. */
    static SyncServer server(ServerDatabase db) {
        return SyncServer.start(db, SyncServer.Options.defaults(0).withHost("127.0.0.1"));
    }

    static void users(ServerDatabase db) {
        var users = new org.ecomonitor.server.UserDirectory(db);
        users.add("ana", Role.ANALYST, Set.of(), PASSWORD.toCharArray(), "test");
        users.add("tom", Role.FIELD, Set.of(BIJIANG), PASSWORD.toCharArray(), "test");
        users.add("wan", Role.FIELD, Set.of(WANSHAN), PASSWORD.toCharArray(), "test");
        users.add("pia", Role.PLANNER, Set.of(), PASSWORD.toCharArray(), "test");
    }

    static URI url(SyncServer s) {
        return URI.create("http://127.0.0.1:" + s.port() + "/");
    }

    static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** A client logged in as {@code user}. */
    static SyncClient client(ProjectStore store, URI server, String user) {
        SyncClient c = new SyncClient(store);
        c.configure(server, user);
        c.login(PASSWORD.toCharArray());
        return c;
    }

    static void station(ProjectStore store, String code, String name, String adcode, Map<String, String> attrs) {
        store.inTransaction(() -> store.stations().upsert(new Station(code, name, StationKind.AIR, 109.19, 27.72, adcode, null, attrs)));
    }

    /** Imports hourly readings of the parameters for the stations from a generated long CSV. */
    static void importReadings(ProjectStore store, Path dir, List<String> stations, List<String> parameters, int hours,
                               int seed) throws IOException {
        Path csv = Files.createTempFile(dir, "readings", ".csv");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("station,parameter,time,value,flag\n");
            for (String s : stations) {
                for (int h = 0; h < hours; h++) {
                    for (int p = 0; p < parameters.size(); p++) {
                        w.write(s + "," + parameters.get(p) + "," + f.format(t0.plusHours(h)) + ","
                                + ((h * 7 + p * 13 + seed) % 150 + 1) + ",N\n");
                    }
                }
            }
        }
        new Importer(store, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(csv));
    }

    /** Counts and a checksum of what sync carries: stations (content) and readings (key, value, flag). */
    record Snapshot(long stations, long readings, String checksum) {
    }

    static Snapshot snapshot(ProjectStore store) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long stations = 0;
            long readings = 0;
            try (Statement st = store.connection().createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT code, name, kind, adcode, zone, level, attributes FROM stations ORDER BY code")) {
                    while (rs.next()) {
                        stations++;
                        for (int i = 1; i <= 7; i++) {
                            md.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT s.code, p.code, r.t, r.value, r.flag FROM readings r "
                        + "JOIN stations s ON s.fid = r.station_id JOIN parameters p ON p.id = r.parameter_id "
                        + "ORDER BY s.code, p.code, r.t")) {
                    while (rs.next()) {
                        readings++;
                        md.update((rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getLong(3) + "\t" + rs.getString(4)
                                + "\t" + rs.getString(5) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return new Snapshot(stations, readings, HexFormat.of().formatHex(md.digest()));
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(ProjectStore store, String sql) {
        try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void exec(ProjectStore store, String sql, Object... args) {
        store.inTransaction(() -> {
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    static SyncClient.Report sync(SyncClient c) {
        return c.sync(Progress.NONE);
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
