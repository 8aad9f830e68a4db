package org.ecomonitor.sync;

import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.ecomonitor.sync.SyncTestKit.BIJIANG;
import static org.ecomonitor.sync.SyncTestKit.WANSHAN;
import static org.ecomonitor.sync.SyncTestKit.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two stateless server instances (each with its own connection pool) on one PostgreSQL database, one workstation
 * each, pushing at the same time: both converge to the same state, and no change is skipped by a pull cursor.
 */
class TwoInstancesPostgresTest {

    @TempDir
    Path dir;

    @Test
    void twoInstancesOnOnePostgresConverge() throws Exception {
        String spec = PostgresFixture.newDatabase();
        try (ServerDatabase db1 = ServerDatabase.open(spec);
             ServerDatabase db2 = ServerDatabase.open(spec)) {
            SyncTestKit.users(db1);
            try (SyncServer s1 = SyncTestKit.server(db1);
                 SyncServer s2 = SyncTestKit.server(db2);
                 ProjectStore a = ProjectStore.create(dir.resolve("a.gpkg"));
                 ProjectStore b = ProjectStore.create(dir.resolve("b.gpkg"))) {
                SyncClient ca = SyncTestKit.client(a, SyncTestKit.url(s1), "ana").tuning(700, 1000, 3000, SyncTestKit.seconds(30));
                SyncClient cb = SyncTestKit.client(b, SyncTestKit.url(s2), "ana").tuning(700, 1000, 3000, SyncTestKit.seconds(30));
                SyncTestKit.station(a, "A1", "甲一", BIJIANG, Map.of());
                SyncTestKit.station(b, "B1", "乙一", WANSHAN, Map.of());
                SyncTestKit.importReadings(a, dir, List.of("A1"), List.of("PM2.5", "O3"), 3000, 1);
                SyncTestKit.importReadings(b, dir, List.of("B1"), List.of("PM10", "CO"), 3000, 2);
                for (int round = 0; round < 3; round++) {
                    CompletableFuture<SyncClient.Report> fa = CompletableFuture.supplyAsync(() -> SyncTestKit.sync(ca));
                    CompletableFuture<SyncClient.Report> fb = CompletableFuture.supplyAsync(() -> SyncTestKit.sync(cb));
                    fa.join();
                    fb.join();
                    SyncTestKit.station(a, "A" + (round + 2), "甲" + round, BIJIANG, Map.of());
                    SyncTestKit.station(b, "B1", "乙一 第" + round + "版", WANSHAN, Map.of());
                }
                SyncTestKit.sync(ca);
                SyncTestKit.sync(cb);
                SyncTestKit.sync(ca);
                assertEquals(snapshot(a), snapshot(b));
                assertEquals(5, snapshot(a).stations());
                assertEquals(12_000, snapshot(a).readings());
                assertEquals("乙一 第2版", a.stations().find("B1").orElseThrow().name());
            }
        }
    }
}
