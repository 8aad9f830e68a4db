package org.ecomonitor.gui.sync;

import javafx.application.Platform;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.ProjectSession;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.sync.AutoSync;
import org.ecomonitor.sync.Conflicts;
import org.ecomonitor.sync.SyncClient;
import org.ecomonitor.sync.SyncState;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The open project's sync (issue 7) as the window sees it: a {@link SyncClient} on the project's store and, once a
 * server is set, an {@link AutoSync} that keeps it in sync by itself, started when the project opens and closed
 * when it closes. Its states come to the FX thread (status bar, sync log); logging in and out run on a network
 * thread, conflicts are read and resolved on the project's thread.
 */
public final class SyncController {

    /** The user's server and name as stored in the project (empty when not set). */
    public record Settings(String server, String user) {
    }

    private final SyncLog log = new SyncLog();
    private final List<Consumer<SyncState>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService network = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sync-login");
        t.setDaemon(true);
        return t;
    });
    private Duration interval = Duration.ofMinutes(5);
    private Duration minBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private ProjectSession session;
    private SyncClient client;
    private AutoSync auto;
    private SyncState state;
    /** The pull cursor last seen: when a sync moves it, the server sent changes. */
    private volatile String cursor;

    /** Changes the automatic sync's timing (tests): the interval between syncs and the offline back-off. */
    public void timing(Duration newInterval, Duration newMinBackoff, Duration newMaxBackoff) {
        interval = newInterval;
        minBackoff = newMinBackoff;
        maxBackoff = newMaxBackoff;
    }

    /** Told of every state (FX thread); null when no project or no sync is set. */
    public void addListener(Consumer<SyncState> l) {
        listeners.add(l);
    }

    public SyncLog log() {
        return log;
    }

    /** The last state (FX thread), or null. */
    public SyncState state() {
        return state;
    }

    /** True while a server is set and automatic sync runs. */
    public boolean running() {
        return auto != null;
    }

    // ---- project life

    /** A project opened: its sync client is made, and automatic sync starts when the project has a server set. */
    public CompletableFuture<Void> projectOpened(ProjectSession s) {
        session = s;
        publish(null);
        return s.call(store -> {
            SyncClient c = new SyncClient(store);
            cursor = c.settings().get(CURSOR).orElse("");
            return new Object[]{c, c.configured()};
        }).handleAsync((r, e) -> {
            if (session != s) {
                return null;
            }
            if (e != null) {
                log.note(ErrorDialogs.message(e), true);
                return null;
            }
            client = (SyncClient) r[0];
            if ((Boolean) r[1]) {
                start();
            } else {
                publish(new SyncState(SyncState.Status.NOT_CONFIGURED, null, 0, 0, 0, 0, 0, null));
            }
            return null;
        }, Platform::runLater);
    }

    /** The project closes: automatic sync stops (in the background: a request in flight may take a moment). */
    public void projectClosing() {
        AutoSync a = auto;
        auto = null;
        client = null;
        session = null;
        if (a != null) {
            network.execute(a::close);
            log.note(Messages.get("gui.sync.log.stopped"), false);
        }
        publish(null);
    }

    private void start() {
        if (auto != null || client == null) {
            return;
        }
        AutoSync a = new AutoSync(client, interval, minBackoff, maxBackoff);
        auto = a;
        // every change of status goes to the FX thread; progress within a phase at most ten times a second
        long[] lastPost = {0};
        String[] lastPhase = {null};
        a.addListener(st -> {
            long now = System.nanoTime();
            boolean progressOnly = st.status() == SyncState.Status.SYNCING && java.util.Objects.equals(st.phase(), lastPhase[0]);
            if (progressOnly && now - lastPost[0] < 100_000_000L) {
                return;
            }
            lastPost[0] = now;
            lastPhase[0] = st.status() == SyncState.Status.SYNCING ? st.phase() : null;
            Platform.runLater(() -> {
                if (auto == a) {
                    publish(st);
                }
            });
        });
        a.start();
        log.note(Messages.get("gui.sync.log.started"), false);
    }

    private void publish(SyncState s) {
        state = s;
        if (s != null) {
            log.record(s, SyncStatusIndicator.text(s) + (s.message() == null ? "" : " — " + s.message()));
        }
        for (Consumer<SyncState> l : listeners) {
            l.accept(s);
        }
    }

    // ---- settings, login, sync

    /** The server and user stored in the project. */
    public CompletableFuture<Settings> settings() {
        SyncClient c = client;
        if (session == null || c == null) {
            return CompletableFuture.completedFuture(new Settings("", ""));
        }
        return session.call(store -> new Settings(c.settings().server().orElse(""), c.settings().user().orElse("")));
    }

    /**
     * Sets the server and user, logs in (the password is wiped afterwards; only the token is stored), starts
     * automatic sync and syncs at once. Fails with the server's answer (wrong password, unreachable server ...).
     */
    public CompletableFuture<Void> login(URI server, String user, char[] password) {
        SyncClient c = client;
        if (c == null) {
            Arrays.fill(password, '\0');
            return CompletableFuture.failedFuture(new IllegalStateException("no project"));
        }
        return CompletableFuture.runAsync(() -> {
            try {
                c.configure(server, user);
                c.login(password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, network).whenCompleteAsync((r, e) -> {
            if (e != null) {
                log.note(Messages.get("gui.sync.log.login_failed", user, server, ErrorDialogs.message(e)), true);
                return;
            }
            if (c != client) {
                return;
            }
            log.note(Messages.get("gui.sync.log.logged_in", user, server), false);
            start();
            auto.syncNow();
        }, Platform::runLater);
    }

    /** Syncs as soon as the server answers; false when no server is set (the caller asks for the settings). */
    public boolean syncNow() {
        if (client == null) {
            return false;
        }
        if (auto == null) {
            return false;
        }
        log.note(Messages.get("gui.sync.log.sync_now"), false);
        auto.syncNow();
        return true;
    }

    /** Revokes the login on the server and forgets the token. */
    public CompletableFuture<Void> logout() {
        SyncClient c = client;
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(c::logout, network).whenCompleteAsync((r, e) -> {
            log.note(e == null ? Messages.get("gui.sync.log.logged_out") : ErrorDialogs.message(e), e != null);
            if (auto != null) {
                auto.syncNow();
            }
        }, Platform::runLater);
    }

    /** The sync settings' key of the pull cursor (see PROTOCOL.md). */
    private static final String CURSOR = "cursor";

    /** True when the server sent changes since the last call (the pull cursor moved): the map reads its layers again. */
    public CompletableFuture<Boolean> receivedChanges() {
        SyncClient c = client;
        if (session == null || c == null) {
            return CompletableFuture.completedFuture(false);
        }
        return session.call(store -> {
            String now = c.settings().get(CURSOR).orElse("");
            boolean moved = !now.equals(cursor);
            cursor = now;
            return moved;
        });
    }

    // ---- conflicts

    /** The open conflicts, oldest first (read on the project's thread). */
    public CompletableFuture<List<Conflicts.Conflict>> conflicts() {
        SyncClient c = client;
        if (session == null || c == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return session.call(store -> c.conflicts().open());
    }

    /** Resolves a conflict and pushes the result with a sync right after. */
    public CompletableFuture<Void> resolve(Conflicts.Conflict conflict, Conflicts.Resolution resolution) {
        SyncClient c = client;
        if (session == null || c == null) {
            return CompletableFuture.completedFuture(null);
        }
        return session.call(store -> {
            c.conflicts().resolve(conflict.id(), resolution);
            return null;
        }).thenRunAsync(() -> {
            String how = resolution.whole() == null ? Messages.get("gui.conflicts.by_field")
                    : Messages.get(resolution.whole() == Conflicts.Side.MINE ? "gui.conflicts.mine" : "gui.conflicts.theirs");
            log.note(Messages.get("gui.sync.log.resolved", conflict.entity(), conflict.key(), how), false);
            if (auto != null) {
                auto.syncNow();
            }
        }, Platform::runLater);
    }

    /** The project's sync client (null without a project). */
    public Optional<SyncClient> client() {
        return Optional.ofNullable(client);
    }

    /** Stops everything (the window closes). */
    public void close() {
        projectClosing();
        network.shutdown();
    }
}
