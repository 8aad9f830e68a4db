package org.ecomonitor.sync;

import org.ecomonitor.io.AlarmService;
import com.fasterxml.jackson.databind.JsonNode;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The workstation's side of sync, for one project store: log in (the token is stored, never the password), then
 * {@link #sync} pushes the outbox in batches and pulls the server's changes in pages. Both halves resume where they
 * stopped: a push batch in flight is sent again and acknowledged without being applied twice; a pull continues from
 * the last stored page's cursor. Protocol: {@code org/ecomonitor/sync/PROTOCOL.md}.
 * <p>
 * The store is not thread-safe: every method here holds the store's monitor ({@code synchronized (store)}) while
 * it uses it, and other threads that use the same store while sync may run must do the same.
 */
public final class SyncClient {

    private final ProjectStore store;
    private final SyncSettings settings;
    private final Outbox outbox;
    private final Conflicts conflicts;
    private volatile ServerConnection connection;
    private int pushBatch = 20_000;
    private int pullPage = 50_000;
    private long pullLimit = 1_000_000;
    private Duration requestTimeout = Duration.ofMinutes(10);

    public SyncClient(ProjectStore store) {
        this.store = store;
        this.settings = new SyncSettings(store);
        this.outbox = new Outbox(store, settings);
        this.conflicts = new Conflicts(store);
    }

    public ProjectStore store() {
        return store;
    }

    public SyncSettings settings() {
        return settings;
    }

    public Conflicts conflicts() {
        return conflicts;
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * Changes per push batch, rows per pull page (one local transaction) and per pull response, and the request
     * timeout (tests make them small to cut streams in the middle).
     */
    public SyncClient tuning(int pushBatch, int pullPage, long pullLimit, Duration requestTimeout) {
        this.pushBatch = pushBatch;
        this.pullPage = pullPage;
        this.pullLimit = pullLimit;
        this.requestTimeout = requestTimeout;
        this.connection = null;
        return this;
    }

    /** Sets the server (its base URL, e.g. {@code https://host:8443/}) and the user of this store. */
    public void configure(URI server, String user) {
        synchronized (store) {
            settings.configure(server.toString(), user);
        }
        connection = null;
    }

    /** True once a server and user are set. */
    public boolean configured() {
        synchronized (store) {
            return settings.server().isPresent() && settings.user().isPresent();
        }
    }

    private ServerConnection connection() {
        ServerConnection c = connection;
        if (c == null) {
            String server;
            synchronized (store) {
                server = settings.server().orElseThrow(() -> new UserException("sync.not_configured", store.path()));
            }
            c = new ServerConnection(URI.create(server));
            c.requestTimeout(requestTimeout);
            connection = c;
        }
        return c;
    }

    /** The cheap connectivity probe: true when the server answers its health check. */
    public boolean serverReachable() {
        return configured() && connection().healthy();
    }

    /** Logs in with the configured user; stores the token only. */
    public void login(char[] password) {
        String user;
        synchronized (store) {
            user = settings.user().orElseThrow(() -> new UserException("sync.not_configured", store.path()));
        }
        ServerConnection.Login login = connection().login(user, password);
        synchronized (store) {
            settings.token(login.token(), login.expiresMs());
        }
    }

    /** True while a token that has not expired is stored (the server may still have revoked it). */
    public boolean loggedIn() {
        synchronized (store) {
            return settings.token().isPresent();
        }
    }

    /** Revokes the token on the server (when reachable) and forgets it. */
    public void logout() {
        Optional<String> token;
        synchronized (store) {
            token = settings.token();
        }
        try {
            token.ifPresent(t -> connection().logout(t));
        } catch (SyncException e) {
            // forget it anyway
        }
        synchronized (store) {
            settings.token(null, 0);
        }
    }

    /** What a sync did. */
    public record Report(int batches, long pushed, int newConflicts, boolean replayedBatch, long pulledStations,
                         long pulledReadings, long skipped, String cursor, long pulledRecords, int newAlarms) {
    }

    /**
     * Pushes every pending change, then pulls everything new; throws {@link SyncException} when the server cannot be
     * reached or refuses (what was stored before the failure stays stored, and the next sync continues from there).
     */
    public Report sync(Progress progress) {
        String token;
        synchronized (store) {
            token = settings.token().orElseThrow(() -> new SyncException(SyncException.Kind.LOGIN_REQUIRED, 401, "unauthenticated",
                    null, "sync.login_required", settings.server().orElse("?"), settings.user().orElse("?")));
        }
        try {
            int conflictsBefore;
            synchronized (store) {
                conflictsBefore = conflicts.openCount();
            }
            long[] pushed = push(token, progress);
            Report pulled = pull(token, progress);
            synchronized (store) {
                store.inTransaction(() -> {
                    settings.put(SyncSettings.LAST_SYNC, Long.toString(System.currentTimeMillis()));
                    return null;
                });
                // the alarm rules run on the readings the pull brought, as after an import
                int alarms = 0;
                if (!pullTouched.isEmpty()) {
                    alarms = store.inTransaction(() -> new AlarmService(store).evaluate(pullTouched, pullParameters, progress)).size();
                }
                return new Report((int) pushed[0], pushed[1], conflicts.openCount() - conflictsBefore, pushed[2] > 0,
                        pulled.pulledStations(), pulled.pulledReadings(), pulled.skipped(), pulled.cursor(),
                        pulled.pulledRecords(), alarms);
            }
        } catch (SyncException e) {
            if (e.kind() == SyncException.Kind.LOGIN_REQUIRED) {
                synchronized (store) {
                    settings.token(null, 0);
                }
            }
            throw e;
        }
    }

    /** Returns {batches, changes, replayed batches}. */
    private long[] push(String token, Progress progress) {
        long[] result = new long[3];
        long total;
        synchronized (store) {
            total = outbox.pending();
        }
        progress.start(Messages.get("sync.progress.push"), total);
        boolean restarted = false;
        while (true) {
            progress.checkCancelled();
            Optional<Outbox.Batch> next;
            String client;
            synchronized (store) {
                next = outbox.next(pushBatch);
                client = settings.clientId();
            }
            if (next.isEmpty()) {
                return result;
            }
            Outbox.Batch batch = next.get();
            JsonNode answer;
            try {
                answer = connection().push(token, batch.request(client));
            } catch (SyncException e) {
                if ("sync_diverged".equals(e.code()) && !restarted) {
                    synchronized (store) {
                        outbox.restartUnderNewClientId();
                    }
                    restarted = true;
                    continue;
                }
                throw e;
            }
            synchronized (store) {
                outbox.acknowledged(batch, answer, conflicts);
            }
            result[0]++;
            result[1] += batch.size();
            if (answer.path("replayed").asBoolean()) {
                result[2]++;
            }
            progress.update(result[1]);
        }
    }

    /** What the last pull stored, for the alarm rules (station to time span, and its parameters). */
    private final java.util.Map<String, long[]> pullTouched = new java.util.HashMap<>();
    private final java.util.Map<String, java.util.Set<String>> pullParameters = new java.util.HashMap<>();

    private Report pull(String token, Progress progress) {
        pullTouched.clear();
        pullParameters.clear();
        long stations = 0;
        long records = 0;
        long readings = 0;
        long skipped = 0;
        String cursor;
        progress.start(Messages.get("sync.progress.pull"), -1);
        long done = 0;
        while (true) {
            progress.checkCancelled();
            PendingKeys pending;
            synchronized (store) {
                cursor = settings.get(SyncSettings.CURSOR).orElse("0.0.0");
                pending = outbox.pendingKeys();
            }
            boolean more;
            PullApplier applier;
            try (InputStream in = connection().pull(token, cursor, pullPage, pullLimit)) {
                synchronized (store) {
                    applier = new PullApplier(store, settings, conflicts, pending, offset(progress, done), -1);
                    more = applier.apply(in);
                }
            } catch (IOException e) {
                throw connection().offline(e);
            } finally {
                synchronized (store) {
                    pending.close();
                }
            }
            applier.touched.forEach((code, r) -> pullTouched.merge(code, r,
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
            applier.touchedParameters.forEach((code, ps) -> pullParameters.computeIfAbsent(code, k -> new java.util.HashSet<>()).addAll(ps));
            stations += applier.stations;
            records += applier.records;
            readings += applier.readings;
            skipped += applier.skipped;
            done += applier.done;
            if (!more) {
                synchronized (store) {
                    cursor = settings.get(SyncSettings.CURSOR).orElse("0.0.0");
                }
                return new Report(0, 0, 0, false, stations, readings, skipped, cursor, records, 0);
            }
        }
    }

    /** Progress of one pull response, reported as the total of all responses so far. */
    private static Progress offset(Progress p, long before) {
        return new Progress() {
            @Override
            public void start(String task, long total) {
                p.start(task, total);
            }

            @Override
            public void update(long done) {
                p.update(before + done);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    /** Local changes not yet pushed. */
    public long pending() {
        synchronized (store) {
            return outbox.pending();
        }
    }

    /** Epoch ms of the last complete sync, or 0. */
    public long lastSync() {
        synchronized (store) {
            return settings.lastSync();
        }
    }

    public int openConflicts() {
        synchronized (store) {
            return conflicts.openCount();
        }
    }
}
