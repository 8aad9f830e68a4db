package org.ecomonitor.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.ecomonitor.model.CancelledException;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.ReadingKey;
import org.ecomonitor.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/**
 * Stores a pull stream in the project, page by page: each page (the rows up to a cursor line) is one local
 * transaction that also stores the cursor, so the local cursor never runs ahead of the rows it stands for, and a
 * stream cut anywhere loses at most the page being read (the next pull asks for it again).
 * <p>
 * A row is written only when its version is newer than the local one, and never over a local change still in the
 * outbox or an open conflict (an open conflict gets the newer server copy as "theirs"). Rows from the server carry
 * their {@code sync_version}, which the outbox triggers ignore; deletions are applied with recording switched off.
 * The stream is parsed token by token: memory does not grow with its length.
 */
final class PullApplier {

    private final ProjectStore store;
    private final SyncSettings settings;
    private final Conflicts conflicts;
    private final PendingKeys pending;
    private final Map<String, Long> stationIds;
    private final Map<String, Long> parameterIds;
    private final Progress progress;
    private final long total;
    long stations;
    long records;
    long readings;
    long skipped;
    long done;
    /** Station code to {first, last} instant of the readings this pull stored, and their parameters (alarm rules). */
    final java.util.Map<String, long[]> touched = new java.util.HashMap<>();
    final java.util.Map<String, java.util.Set<String>> touchedParameters = new java.util.HashMap<>();

    PullApplier(ProjectStore store, SyncSettings settings, Conflicts conflicts, PendingKeys pending, Progress progress, long total) {
        this.store = store;
        this.settings = settings;
        this.conflicts = conflicts;
        this.pending = pending;
        this.stationIds = store.stations().idsByCode();
        this.parameterIds = store.parameters().idsByCode();
        this.progress = progress;
        this.total = total;
    }

    /** Reads one response; returns true when the server has more after it. */
    boolean apply(InputStream in) throws IOException {
        Connection c = store.connection();
        try (JsonParser p = ServerConnection.JSON.getFactory().createParser(in);
             PreparedStatement upsert = c.prepareStatement("INSERT INTO readings(id, station_id, parameter_id, t, value, flag, "
                     + "import_id, sync_version) VALUES (?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT(id) DO UPDATE SET t = excluded.t, "
                     + "value = excluded.value, flag = excluded.flag, sync_version = excluded.sync_version "
                     + "WHERE excluded.sync_version > readings.sync_version");
             PreparedStatement delete = c.prepareStatement("DELETE FROM readings WHERE id = ? AND sync_version < ?")) {
            boolean[] more = {false};
            boolean[] ended = {false};
            while (!ended[0]) {
                // one page: a transaction ending at a cursor line (or the end line)
                boolean gotPage = store.inTransaction(() -> {
                    settings.put(SyncSettings.RECORDING, "0");
                    int batched = 0;
                    while (true) {
                        JsonToken tok = p.nextToken();
                        if (tok == null) {
                            // the stream stopped without an end line: the connection was cut; roll this page back
                            throw new IOException("pull stream ended before its end line");
                        }
                        if (tok == JsonToken.START_ARRAY) {
                            batched += reading(p, upsert, delete);
                            if (batched >= 2000) {
                                upsert.executeBatch();
                                batched = 0;
                            }
                            continue;
                        }
                        JsonNode line = ServerConnection.JSON.readTree(p);
                        String type = line.path("t").asText();
                        switch (type) {
                            case "station" -> {
                                upsert.executeBatch();
                                batched = 0;
                                station(c, line);
                            }
                            case "record" -> {
                                upsert.executeBatch();
                                batched = 0;
                                record(c, line);
                            }
                            case "cursor", "end" -> {
                                upsert.executeBatch();
                                settings.put(SyncSettings.CURSOR, line.path("cursor").asText());
                                settings.put(SyncSettings.RECORDING, null);
                                if ("end".equals(type)) {
                                    more[0] = line.path("more").asBoolean();
                                    ended[0] = true;
                                }
                                return true;
                            }
                            default -> {
                                // a line kind this client does not know (records, begin): skipped
                            }
                        }
                    }
                });
                if (gotPage) {
                    progress.update(done);
                    if (progress.isCancelled()) {
                        throw new CancelledException();
                    }
                }
            }
            return more[0];
        } catch (StoreException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** One reading array [station, parameter, t, value, flag, version, deleted]; returns 1 when batched. */
    private int reading(JsonParser p, PreparedStatement upsert, PreparedStatement delete) throws IOException, SQLException {
        p.nextToken();
        String station = p.getText();
        p.nextToken();
        String parameter = p.getText();
        p.nextToken();
        long t = p.getLongValue();
        JsonToken vt = p.nextToken();
        double value = vt == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue();
        p.nextToken();
        String flag = p.getText();
        p.nextToken();
        long version = p.getLongValue();
        p.nextToken();
        boolean deleted = p.getIntValue() != 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();   // fields a later protocol version may add
        }
        done++;
        Long sid = stationIds.get(station);
        if (sid == null || !ReadingKey.inRange(t)) {
            skipped++;
            return 0;   // a station this store does not have (deleted here): not stored
        }
        long pid = parameterId(parameter);
        long id = ReadingKey.of(sid, pid, t);
        if (!pending.isEmpty() && pending.reading(id)) {
            skipped++;
            return 0;
        }
        if (!pending.isEmpty() || deleted) {
            String key = station + "\t" + parameter + "\t" + t;
            if (conflicts.hasOpen("reading", key)) {
                JsonNode data = ServerConnection.JSON.createObjectNode().put("flag", flag)
                        .put("value", Double.isNaN(value) ? null : value);
                conflicts.refreshTheirs("reading", key, data, deleted, version, null, 0);
                skipped++;
                return 0;
            }
        }
        readings++;
        if (deleted) {
            delete.setLong(1, id);
            delete.setLong(2, version);
            delete.executeUpdate();
            return 0;
        }
        long[] range = touched.computeIfAbsent(station, k -> new long[]{t, t});
        range[0] = Math.min(range[0], t);
        range[1] = Math.max(range[1], t);
        touchedParameters.computeIfAbsent(station, k -> new java.util.HashSet<>()).add(parameter);
        upsert.setLong(1, id);
        upsert.setLong(2, sid);
        upsert.setLong(3, pid);
        upsert.setLong(4, t);
        if (Double.isNaN(value)) {
            upsert.setNull(5, Types.REAL);
        } else {
            upsert.setDouble(5, value);
        }
        upsert.setString(6, flag);
        upsert.setLong(7, version);
        upsert.addBatch();
        return 1;
    }

    private long parameterId(String code) throws SQLException {
        Long id = parameterIds.get(code);
        if (id != null) {
            return id;
        }
        // a parameter this store's catalogue lacks: add it by code, so its readings are kept
        try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO parameters(code, name_en) VALUES (?, ?)")) {
            ps.setString(1, code);
            ps.setString(2, code);
            ps.executeUpdate();
        }
        parameterIds.clear();
        parameterIds.putAll(store.parameters().idsByCode());
        return parameterIds.get(code);
    }

    private void station(Connection c, JsonNode line) throws SQLException {
        done++;
        String code = line.path("code").asText();
        long version = line.path("v").asLong();
        boolean deleted = line.path("del").asBoolean();
        Long fid = stationIds.get(code);
        if (conflicts.refreshTheirs("station", code, line.path("data"), deleted, version, line.path("by").asText(null),
                line.path("at").asLong()) || fid != null && pending.station(fid, code) || fid == null && pending.station(-1, code)) {
            skipped++;
            return;
        }
        if (fid != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT sync_version FROM stations WHERE fid = ?")) {
                ps.setLong(1, fid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= version) {
                        skipped++;
                        return;
                    }
                }
            }
        }
        stations++;
        if (deleted) {
            if (fid != null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM stations WHERE fid = ?")) {
                    ps.setLong(1, fid);
                    ps.executeUpdate();
                }
                stationIds.remove(code);
            }
            return;
        }
        Station s = StationJson.station(code, line.path("data"));
        store.stations().upsert(s);
        try (PreparedStatement ps = c.prepareStatement("UPDATE stations SET sync_version = ? WHERE code = ?")) {
            ps.setLong(1, version);
            ps.setString(2, code);
            ps.executeUpdate();
        }
        if (fid == null) {
            stationIds.put(code, store.stations().idsByCode().get(code));
        }
    }

    private void record(Connection c, JsonNode line) throws SQLException {
        done++;
        String collection = line.path("collection").asText();
        String key = line.path("key").asText();
        String both = collection + "\t" + key;
        long version = line.path("v").asLong();
        boolean deleted = line.path("del").asBoolean();
        String adcode = line.path("adcode").isNull() ? null : line.path("adcode").asText(null);
        long rowid = -1;
        long local = -1;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rowid, sync_version FROM sync_records WHERE collection = ? AND key = ?")) {
            ps.setString(1, collection);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rowid = rs.getLong(1);
                    local = rs.getLong(2);
                }
            }
        }
        if (conflicts.refreshTheirs("record", both, RecordJson.data(adcode, line.path("body")), deleted, version,
                line.path("by").asText(null), line.path("at").asLong()) || pending.record(rowid, both) || local >= version) {
            skipped++;
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(deleted
                ? "DELETE FROM sync_records WHERE collection = ? AND key = ?"
                : "INSERT INTO sync_records(collection, key, adcode, body, sync_version) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT(collection, key) DO UPDATE SET adcode = excluded.adcode, body = excluded.body, "
                + "sync_version = excluded.sync_version")) {
            ps.setString(1, collection);
            ps.setString(2, key);
            if (!deleted) {
                ps.setString(3, adcode);
                ps.setString(4, RecordJson.text(line.path("body")));
                ps.setLong(5, version);
            }
            ps.executeUpdate();
        }
        records++;
    }

    long total() {
        return total;
    }
}
