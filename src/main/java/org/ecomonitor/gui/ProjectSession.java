package org.ecomonitor.gui;

import org.ecomonitor.store.ProjectStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An open project: its store and the one background thread that uses it (the store is not thread-safe, and
 * nothing touches it on the FX thread). Work is queued with {@link #call} and its result comes back as a future.
 * Work holds the store's monitor while it runs, as the sync client's thread does when it uses the same store.
 */
public final class ProjectSession implements AutoCloseable {

    /** Work on the store, run on the session's thread. */
    @FunctionalInterface
    public interface StoreWork<T> {
        T run(ProjectStore store) throws Exception;
    }

    private final Path path;
    private final ExecutorService worker;
    private volatile ProjectStore store;
    private volatile CompletableFuture<ProjectLoader.Layers> prefetched;

    private ProjectSession(Path path) {
        this.path = path.toAbsolutePath().normalize();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "store-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (or, when missing, creates) the store on a new session thread. */
    public static CompletableFuture<ProjectSession> open(Path path) {
        ProjectSession s = new ProjectSession(path);
        return s.call(st -> s).thenApply(x -> x).whenComplete((r, e) -> {
            if (e != null) {
                s.worker.shutdown();
            }
        });
    }

    public Path path() {
        return path;
    }

    /** Runs work on the store's thread (opening the store first when it is not open yet). */
    public <T> CompletableFuture<T> call(StoreWork<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                if (store == null) {
                    store = Files.exists(path) ? ProjectStore.open(path) : ProjectStore.create(path);
                }
                ProjectStore st = store;
                T result;
                // the sync thread uses the store too, under its monitor (see SyncClient)
                synchronized (st) {
                    result = work.run(st);
                }
                f.complete(result);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Starts reading the layers right after the store opens (at launch, while the window is still being built);
     * {@link #takePrefetched} hands the result to the first reader.
     */
    public void prefetchLayers(org.ecomonitor.gui.map.StyleFiles styles) {
        prefetched = call(st -> ProjectLoader.load(st, styles));
    }

    /** The layers read by {@link #prefetchLayers}, once; null when none were prefetched. */
    public CompletableFuture<ProjectLoader.Layers> takePrefetched() {
        CompletableFuture<ProjectLoader.Layers> f = prefetched;
        prefetched = null;
        return f;
    }

    /** Closes the store after the queued work. */
    @Override
    public void close() {
        worker.execute(() -> {
            ProjectStore st = store;
            if (st != null) {
                synchronized (st) {
                    st.close();
                }
                store = null;
            }
        });
        worker.shutdown();
    }
}
