package org.ecomonitor.gui.analysis;

import javafx.application.Platform;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.gui.ProjectSession;
import org.ecomonitor.gui.TaskProgress;
import org.ecomonitor.i18n.UserException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Where the analysis dialogs' long work runs: store work on the project's own thread ({@link ProjectSession}), and
 * computations that need no store (a layout method, metrics after an edit, file exports) on a thread of their
 * own, so that the store stays free for the map. Either way the work reports to a {@link TaskProgress} that the
 * status bar shows with its cancel button (the dialog shows it too), and the future completes on the FX thread.
 */
final class BackgroundWork {

    private static final ExecutorService COMPUTE = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "analysis-worker");
        t.setDaemon(true);
        return t;
    });

    private BackgroundWork() {
    }

    /** Runs store work on the project's thread, shown in the status bar until it ends. */
    static <T> CompletableFuture<T> onStore(MainWindow window, TaskProgress progress, ProjectSession.StoreWork<T> work) {
        ProjectSession session = window.session();
        if (session == null) {
            return CompletableFuture.failedFuture(new UserException("gui.analysis.no_project"));
        }
        window.status().track(progress);
        return finishOnFx(window, progress, session.call(work));
    }

    /** Runs a computation on an analysis thread, shown in the status bar until it ends. */
    static <T> CompletableFuture<T> compute(MainWindow window, TaskProgress progress, Supplier<T> work) {
        window.status().track(progress);
        return finishOnFx(window, progress, CompletableFuture.supplyAsync(work, COMPUTE));
    }

    /** Reads on the project's thread, then computes on an analysis thread, shown in the status bar until it ends. */
    static <S, T> CompletableFuture<T> storeThenCompute(MainWindow window, TaskProgress progress,
                                                        CompletableFuture<S> read, java.util.function.Function<S, T> work) {
        window.status().track(progress);
        return finishOnFx(window, progress, read.thenApplyAsync(work, COMPUTE));
    }

    /** The executor of {@link #compute}, for chaining after store work. */
    static ExecutorService computeThreads() {
        return COMPUTE;
    }

    static <T> CompletableFuture<T> finishOnFx(MainWindow window, TaskProgress progress, CompletableFuture<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        work.whenComplete((r, e) -> Platform.runLater(() -> {
            window.status().done(progress);
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(r);
            }
        }));
        return done;
    }
}
