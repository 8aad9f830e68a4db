package org.ecomonitor.sync;

import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.ecomonitor.sync.SyncTestKit.BIJIANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workstation notices by itself when the server comes and goes, syncs when it is there, and says so. */
class AutoSyncTest {

    @TempDir
    Path dir;

    static void await(List<SyncState> states, java.util.function.Predicate<SyncState> p, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            if (states.stream().anyMatch(p)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no state " + what + " in " + states);
    }

    @Test
    void detectsTheServerSyncsByItselfAndReportsItsState() throws Exception {
        int port = ServerProcess.freePort();
        URI url = SyncTestKit.url(port);
        try (ServerDatabase db = ServerDatabase.open("sqlite:" + dir.resolve("server.db"));
             ProjectStore store = ProjectStore.create(dir.resolve("w.gpkg"))) {
            SyncTestKit.users(db);
            SyncClient client;
            try (SyncServer ignored = SyncServer.start(db, SyncServer.Options.defaults(port).withHost("127.0.0.1"))) {
                client = SyncTestKit.client(store, url, "ana");
            }
            SyncTestKit.station(store, "S1", "离线新建", BIJIANG, Map.of());
            List<SyncState> states = new CopyOnWriteArrayList<>();
            try (AutoSync auto = new AutoSync(client, Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(400))) {
                auto.addListener(states::add);
                auto.start();
                await(states, s -> s.status() == SyncState.Status.OFFLINE && s.pending() == 1, "offline with one pending change");
                int offlineProbes = states.size();
                Thread.sleep(1000);
                assertTrue(states.size() - offlineProbes < 12, "probes back off: " + (states.size() - offlineProbes));
                try (SyncServer server = SyncServer.start(db, SyncServer.Options.defaults(port).withHost("127.0.0.1"))) {
                    await(states, s -> s.status() == SyncState.Status.SYNCING, "syncing");
                    await(states, s -> s.status() == SyncState.Status.ONLINE && s.pending() == 0 && s.lastSyncMs() > 0, "synced");
                    SyncState last = auto.state();
                    assertEquals(0, last.conflicts());
                    // the button: a sync on demand
                    states.clear();
                    auto.syncNow();
                    await(states, s -> s.status() == SyncState.Status.SYNCING, "syncing on demand");
                    await(states, s -> s.status() == SyncState.Status.ONLINE, "online again");
                    // a revoked login is noticed and reported
                    client.logout();
                    states.clear();
                    auto.syncNow();
                    await(states, s -> s.status() == SyncState.Status.LOGIN_REQUIRED, "login required");
                }
                states.clear();
                auto.syncNow();
                await(states, s -> s.status() == SyncState.Status.OFFLINE, "offline again");
            }
        }
    }
}
