package org.ecomonitor.sync;

import org.ecomonitor.model.Progress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a workstation in sync by itself: a background thread probes the server's health endpoint (cheap, no
 * login), backing off from {@code minBackoff} to {@code maxBackoff} while it gets no answer; when connected it
 * syncs whenever local changes wait or {@code interval} has passed since the last sync, and at once on
 * {@link #syncNow()}. Every change of its {@link SyncState} goes to the listeners (on this thread; no JavaFX here).
 * <pre>
 *   AutoSync auto = new AutoSync(new SyncClient(store));
 *   auto.addListener(state -&gt; Platform.runLater(() -&gt; statusBar.show(state)));
 *   auto.start();
 *   ...  auto.syncNow();   // the "sync now" button
 *   auto.close();          // when the project closes
 * </pre>
 */
public final class AutoSync implements AutoCloseable {

    private final SyncClient client;
    private final Duration interval;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final List<SyncStateListener> listeners = new CopyOnWriteArrayList<>();
    private final Object wake = new Object();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile boolean running;
    private volatile SyncState state = new SyncState(SyncState.Status.OFFLINE, null, 0, 0, 0, 0, 0, null);
    private Thread thread;

    public AutoSync(SyncClient client) {
        this(client, Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    public AutoSync(SyncClient client, Duration interval, Duration minBackoff, Duration maxBackoff) {
        this.client = client;
        this.interval = interval;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    public void addListener(SyncStateListener l) {
        listeners.add(l);
        l.changed(state);
    }

    public void removeListener(SyncStateListener l) {
        listeners.remove(l);
    }

    public SyncState state() {
        return state;
    }

    public SyncClient client() {
        return client;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "ecomonitor-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a sync as soon as the server answers (the "sync now" button; also after a login). */
    public void syncNow() {
        requested.set(true);
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Stops a running sync at its next page or batch. */
    public void cancelSync() {
        cancel.set(true);
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        cancel.set(true);
        synchronized (wake) {
            wake.notifyAll();
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void publish(SyncState s) {
        state = s;
        for (SyncStateListener l : listeners) {
            try {
                l.changed(s);
            } catch (RuntimeException e) {
                // a listener's failure must not stop sync
            }
        }
    }

    private SyncState counted(SyncState.Status status, String message) {
        return new SyncState(status, null, 0, 0, client.lastSync(), client.pending(), client.openConflicts(), message);
    }

    private void loop() {
        Duration backoff = minBackoff;
        while (running) {
            Duration wait = interval;
            try {
                if (!client.configured()) {
                    publish(counted(SyncState.Status.NOT_CONFIGURED, null));
                } else if (!client.serverReachable()) {
                    publish(counted(SyncState.Status.OFFLINE, null));
                    wait = backoff;
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                } else {
                    backoff = minBackoff;
                    if (!client.loggedIn()) {
                        publish(counted(SyncState.Status.LOGIN_REQUIRED, null));
                    } else {
                        long pending = client.pending();
                        boolean due = requested.getAndSet(false) || pending > 0
                                || System.currentTimeMillis() - client.lastSync() >= interval.toMillis();
                        if (due) {
                            runSync(pending);
                        } else {
                            publish(counted(SyncState.Status.ONLINE, null));
                        }
                    }
                }
            } catch (RuntimeException e) {
                publish(counted(SyncState.Status.ERROR, e.getMessage()));
            }
            sleep(wait);
        }
    }

    private void runSync(long pending) {
        cancel.set(false);
        long last = client.lastSync();
        int conflicts = client.openConflicts();
        publish(new SyncState(SyncState.Status.SYNCING, "push", 0, pending, last, pending, conflicts, null));
        Progress progress = new Progress() {
            private volatile String phase = "push";
            private volatile long total = pending;

            @Override
            public void start(String task, long t) {
                phase = task;
                total = t;
                publish(new SyncState(SyncState.Status.SYNCING, phase, 0, t, last, pending, conflicts, null));
            }

            @Override
            public void update(long done) {
                publish(new SyncState(SyncState.Status.SYNCING, phase, done, total, last, pending, conflicts, null));
            }

            @Override
            public boolean isCancelled() {
                return cancel.get() || !running;
            }
        };
        try {
            client.sync(progress);
            publish(counted(SyncState.Status.ONLINE, null));
        } catch (SyncException e) {
            SyncState.Status s = switch (e.kind()) {
                case OFFLINE -> SyncState.Status.OFFLINE;
                case LOGIN_REQUIRED -> SyncState.Status.LOGIN_REQUIRED;
                default -> SyncState.Status.ERROR;
            };
            publish(counted(s, e.getMessage()));
        } catch (org.ecomonitor.model.CancelledException e) {
            publish(counted(SyncState.Status.ONLINE, null));
        }
    }

    private void sleep(Duration d) {
        synchronized (wake) {
            if (!running || requested.get()) {
                return;
            }
            try {
                wake.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
