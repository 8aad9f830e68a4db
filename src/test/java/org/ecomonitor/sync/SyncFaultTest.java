package org.ecomonitor.sync;

import org.ecomonitor.model.Progress;
import org.ecomonitor.server.Role;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.ecomonitor.server.UserDirectory;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.ecomonitor.sync.SyncTestKit.BIJIANG;
import static org.ecomonitor.sync.SyncTestKit.PASSWORD;
import static org.ecomonitor.sync.SyncTestKit.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Killing the server (a child JVM, SIGKILL) in the middle of a push and of a pull, and cutting connections in the
 * middle of a response with a loopback proxy: syncing again converges, nothing lost, nothing applied twice.
 */
class SyncFaultTest {

    static final List<String> PARAMETERS = List.of("PM2.5", "PM10", "SO2", "NO2");

    @TempDir
    Path dir;

    /** The server database of each test: a SQLite file here, a PostgreSQL database in the subclass. */
    protected String databaseSpec() {
        return "sqlite:" + dir.resolve("server.db");
    }

    /**
     * A progress that kills the server once {@code after} items are done: right after a push batch was acknowledged
     * or a pull page stored, while the client is between two requests or in the middle of a response stream.
     */
    static Progress killer(ServerProcess server, long after, AtomicBoolean killed) {
        return new Progress() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void update(long done) {
                if (done >= after && killed.compareAndSet(false, true)) {
                    try {
                        server.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    static long serverCount(ServerDatabase db, String sql) {
        return db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    @Test
    void killingTheServerMidPushAndMidPullLosesAndDuplicatesNothing() throws Exception {
        String dbSpec = databaseSpec();
        try (ServerDatabase db = ServerDatabase.open(dbSpec)) {
            new UserDirectory(db).add("ana", Role.ANALYST, Set.of(), PASSWORD.toCharArray(), "test");
        }
        int port = ServerProcess.freePort();
        URI url = SyncTestKit.url(port);
        try (ServerProcess server = new ServerProcess(dbSpec, port).start(dir);
             ProjectStore a = ProjectStore.create(dir.resolve("a.gpkg"));
             ProjectStore b = ProjectStore.create(dir.resolve("b.gpkg"))) {
            SyncTestKit.station(a, "S1", "一号", BIJIANG, Map.of());
            SyncTestKit.station(a, "S2", "二号", BIJIANG, Map.of());
            SyncTestKit.importReadings(a, dir, List.of("S1", "S2"), PARAMETERS, 1500, 5);   // 12,000 readings
            SyncClient ca = SyncTestKit.client(a, url, "ana").tuning(500, 1000, 2000, Duration.ofSeconds(30));

            // kill mid-push
            for (long after : new long[]{4_000}) {
                AtomicBoolean killed = new AtomicBoolean();
                assertThrows(SyncException.class, () -> ca.sync(killer(server, after, killed)));
                assertTrue(killed.get());
                server.start(dir);
            }
            SyncTestKit.sync(ca);
            assertEquals(0, ca.pending());

            // kill mid-pull
            SyncClient cb = SyncTestKit.client(b, url, "ana").tuning(500, 1000, 2000, Duration.ofSeconds(30));
            for (long after : new long[]{5_000}) {
                AtomicBoolean killed = new AtomicBoolean();
                assertThrows(SyncException.class, () -> cb.sync(killer(server, after, killed)));
                assertTrue(killed.get());
                server.start(dir);
            }
            SyncTestKit.sync(cb);
            assertEquals(snapshot(a), snapshot(b), "counts and checksums equal");
            assertEquals(12_000, snapshot(b).readings());
        }
        try (ServerDatabase db = ServerDatabase.open(dbSpec)) {
            assertEquals(12_000, serverCount(db, "SELECT count(*) FROM readings"));
            assertEquals(1, serverCount(db, "SELECT max(version) FROM readings"), "no reading was applied twice");
            assertEquals(0, serverCount(db, "SELECT count(*) FROM reading_history"));
        }
    }

    @Test
    void connectionsCutMidResponseByAProxyConverge() throws Exception {
        try (ServerDatabase db = ServerDatabase.open(databaseSpec())) {
            new UserDirectory(db).add("ana", Role.ANALYST, Set.of(), PASSWORD.toCharArray(), "test");
            try (SyncServer server = SyncTestKit.server(db);
                 LoopbackProxy proxy = new LoopbackProxy(server.port());
                 ProjectStore a = ProjectStore.create(dir.resolve("a.gpkg"));
                 ProjectStore b = ProjectStore.create(dir.resolve("b.gpkg"))) {
                URI url = SyncTestKit.url(proxy.port());
                SyncTestKit.station(a, "S1", "一号", BIJIANG, Map.of());
                SyncTestKit.importReadings(a, dir, List.of("S1"), PARAMETERS, 2500, 7);   // 10,000 readings
                SyncClient ca = SyncTestKit.client(a, url, "ana").tuning(1000, 1000, 1_000_000, Duration.ofSeconds(20));

                // the answer to the third push is lost: the server applied it, the client did not hear
                proxy.cutAnswerTo("POST /api/push", 3);
                assertThrows(SyncException.class, () -> SyncTestKit.sync(ca));
                assertEquals(1, proxy.cuts());
                SyncClient.Report again = SyncTestKit.sync(ca);
                assertTrue(again.replayedBatch(), "the batch in flight is sent again and acknowledged, not applied again");
                assertEquals(0, ca.pending());
                assertEquals(1, serverCount(db, "SELECT max(version) FROM readings"));

                // a pull cut in the middle of its stream, twice
                SyncClient cb = SyncTestKit.client(b, url, "ana").tuning(1000, 1000, 1_000_000, Duration.ofSeconds(20));
                proxy.cutResponseAfter(30_000);
                assertThrows(SyncException.class, () -> SyncTestKit.sync(cb));
                long partial = snapshot(b).readings();
                assertTrue(partial > 0 && partial < 10_000, "some pages were stored: " + partial);
                proxy.cutResponseAfter(20_000);
                assertThrows(SyncException.class, () -> SyncTestKit.sync(cb));
                SyncTestKit.sync(cb);
                assertEquals(3, proxy.cuts());
                assertEquals(snapshot(a), snapshot(b));
            }
        }
    }
}
