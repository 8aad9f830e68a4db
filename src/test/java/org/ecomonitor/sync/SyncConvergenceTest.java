package org.ecomonitor.sync;

import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.ecomonitor.sync.SyncTestKit.BIJIANG;
import static org.ecomonitor.sync.SyncTestKit.WANSHAN;
import static org.ecomonitor.sync.SyncTestKit.snapshot;
import static org.ecomonitor.sync.SyncTestKit.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two workstations and one server (SQLite): offline edits on both converge; a concurrent edit is a conflict. */
class SyncConvergenceTest {

    @TempDir
    Path dir;
    ServerDatabase db;
    SyncServer server;
    URI url;

    @BeforeEach
    void start() {
        db = ServerDatabase.open(databaseSpec());
        SyncTestKit.users(db);
        server = SyncTestKit.server(db);
        url = SyncTestKit.url(server);
    }

    /** The server database of each test: a SQLite file here, a PostgreSQL database in the subclass. */
    protected String databaseSpec() {
        return "sqlite:" + dir.resolve("server.db");
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void offlineEditsOnTwoWorkstationsConvergeAndConflictsResolveBothWays() throws Exception {
        try (ProjectStore a = ProjectStore.create(dir.resolve("a.gpkg"));
             ProjectStore b = ProjectStore.create(dir.resolve("b.gpkg"))) {
            SyncTestKit.station(a, "S1", "碧江一号", BIJIANG, Map.of("level", "national"));
            SyncTestKit.station(a, "S2", "万山二号", WANSHAN, Map.of());
            SyncTestKit.importReadings(a, dir, List.of("S1", "S2"), List.of("PM2.5", "SO2"), 500, 1);
            SyncClient ca = SyncTestKit.client(a, url, "ana");
            SyncClient cb = SyncTestKit.client(b, url, "ana");
            assertEquals(2 + 2000, ca.pending());
            SyncClient.Report first = sync(ca);
            assertEquals(2002, first.pushed());
            assertEquals(0, ca.pending());
            SyncClient.Report pulled = sync(cb);
            assertEquals(2, pulled.pulledStations());
            assertEquals(2000, pulled.pulledReadings());
            assertEquals(snapshot(a), snapshot(b), "an empty store pulls everything");
            assertTrue(a.alarms().count() > 0, "the import raised alarms");
            assertEquals(a.alarms().count(), pulled.newAlarms(), "the alarm rules ran on the pulled readings as on the imported ones");
            assertEquals(a.alarms().count(), b.alarms().count());

            // offline edits on both: different rows
            SyncTestKit.station(a, "S1", "碧江一号站", BIJIANG, Map.of("level", "national"));
            SyncTestKit.station(b, "S3", "铜仁三号", BIJIANG, Map.of("river", "锦江"));
            SyncTestKit.importReadings(b, dir, List.of("S3"), List.of("PM10"), 100, 2);
            SyncTestKit.exec(a, "UPDATE readings SET value = 999, flag = 'C' WHERE t = (SELECT min(t) FROM readings)");
            SyncTestKit.exec(b, "DELETE FROM readings WHERE station_id = (SELECT fid FROM stations WHERE code = 'S2') "
                    + "AND t = (SELECT max(t) FROM readings)");
            sync(ca);
            sync(cb);
            sync(ca);
            assertEquals(snapshot(a), snapshot(b), "offline edits converge");
            assertEquals(3, snapshot(a).stations());
            assertEquals(2000 + 100 - 2, snapshot(a).readings(), "the deletion of both parameters at one instant reached both");

            // a concurrent edit of one station: the second pusher gets a conflict; theirs
            SyncTestKit.station(a, "S1", "A 改名", BIJIANG, Map.of("level", "national"));
            SyncTestKit.station(b, "S1", "B 改名", BIJIANG, Map.of("level", "provincial"));
            sync(ca);
            SyncClient.Report conflicted = sync(cb);
            assertEquals(1, conflicted.newConflicts());
            List<Conflicts.Conflict> open = cb.conflicts().open();
            assertEquals(1, open.size());
            Conflicts.Conflict cf = open.get(0);
            assertEquals("station", cf.entity());
            assertEquals("S1", cf.key());
            assertEquals("B 改名", cf.mine().get("name"));
            assertEquals("A 改名", cf.theirs().get("name"));
            assertEquals("ana", cf.theirUser());
            assertTrue(cf.differing().contains("name") && cf.differing().contains("attributes.level"), cf.differing().toString());
            assertEquals("B 改名", b.stations().find("S1").orElseThrow().name(), "the client keeps its own until the user chooses");
            cb.conflicts().resolve(cf.id(), Conflicts.Resolution.THEIRS);
            assertEquals(0, cb.openConflicts());
            sync(cb);
            sync(ca);
            assertEquals("A 改名", b.stations().find("S1").orElseThrow().name());
            assertEquals(snapshot(a), snapshot(b));

            // again, resolved by the other side: mine
            SyncTestKit.station(a, "S1", "A 再改", BIJIANG, Map.of("level", "national"));
            SyncTestKit.station(b, "S1", "B 再改", BIJIANG, Map.of("level", "national"));
            sync(ca);
            sync(cb);
            cf = cb.conflicts().open().get(0);
            cb.conflicts().resolve(cf.id(), Conflicts.Resolution.MINE);
            sync(cb);
            sync(ca);
            assertEquals("B 再改", a.stations().find("S1").orElseThrow().name(), "mine was pushed over theirs");
            assertEquals(snapshot(a), snapshot(b));

            // field by field: name from theirs, attribute from mine
            SyncTestKit.station(a, "S1", "A 第三次", BIJIANG, Map.of("level", "national"));
            SyncTestKit.station(b, "S1", "B 第三次", BIJIANG, Map.of("level", "county"));
            sync(ca);
            sync(cb);
            cf = cb.conflicts().open().get(0);
            cb.conflicts().resolve(cf.id(), Conflicts.Resolution.fields(Map.of("name", Conflicts.Side.THEIRS,
                    "attributes.level", Conflicts.Side.MINE)));
            sync(cb);
            sync(ca);
            var s1 = a.stations().find("S1").orElseThrow();
            assertEquals("A 第三次", s1.name());
            assertEquals("county", s1.attribute("level"));
            assertEquals(snapshot(a), snapshot(b));
            assertEquals(0, ca.pending() + cb.pending());
        }
    }

    @Test
    void recordsOfOtherToolsSyncWithScopesAndConflicts() {
        try (ProjectStore a = ProjectStore.create(dir.resolve("a.gpkg"));
             ProjectStore b = ProjectStore.create(dir.resolve("b.gpkg"));
             ProjectStore t = ProjectStore.create(dir.resolve("t.gpkg"))) {
            a.inTransaction(() -> {
                a.records().put("layout_points", "P1", BIJIANG, "{\"lon\":109.2,\"lat\":27.7,\"design\":\"D1\"}");
                a.records().put("layout_points", "P2", WANSHAN, "{\"lon\":109.1,\"lat\":27.5}");
                a.records().put("alarm_acks", "S1/2024-01-01T00:00Z/PM2.5", BIJIANG, "{\"by\":\"ana\",\"note\":\"已核实\"}");
                return null;
            });
            SyncClient ca = SyncTestKit.client(a, url, "ana");
            SyncClient cb = SyncTestKit.client(b, url, "ana");
            assertEquals(3, ca.pending());
            sync(ca);
            SyncClient.Report r = sync(cb);
            assertEquals(3, r.pulledRecords());
            assertEquals("{\"by\":\"ana\",\"note\":\"已核实\"}",
                    b.records().get("alarm_acks", "S1/2024-01-01T00:00Z/PM2.5").orElseThrow().body());
            assertEquals(2, sync(SyncTestKit.client(t, url, "tom")).pulledRecords());
            assertEquals(2, t.records().list("layout_points").size() + t.records().list("alarm_acks").size(),
                    "tom (Bijiang) gets the Bijiang point and acknowledgement, not the Wanshan point");

            b.inTransaction(() -> b.records().delete("layout_points", "P2"));
            a.inTransaction(() -> {
                a.records().put("layout_points", "P1", BIJIANG, "{\"lon\":109.25,\"lat\":27.7,\"design\":\"D1\"}");
                return null;
            });
            b.inTransaction(() -> {
                b.records().put("layout_points", "P1", BIJIANG, "{\"lon\":109.3,\"lat\":27.7,\"design\":\"D1\"}");
                return null;
            });
            sync(ca);
            sync(cb);
            Conflicts.Conflict cf = cb.conflicts().open().get(0);
            assertEquals("record", cf.entity());
            assertEquals(List.of("body"), cf.differing());
            cb.conflicts().resolve(cf.id(), Conflicts.Resolution.THEIRS);
            sync(cb);
            sync(ca);
            assertEquals(a.records().list("layout_points"), b.records().list("layout_points"));
            assertEquals(1, a.records().list("layout_points").size(), "the deletion reached A");
            assertEquals(0, ca.pending() + cb.pending());
        }
    }
}
