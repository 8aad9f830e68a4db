package org.ecomonitor.gui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ecomonitor.model.Progress;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The GUI side of {@link Progress}: background work reports through it from any thread, and it shows on the FX
 * thread as a fraction (-1 while the total is unknown) and a text, at most ten times a second. {@link #cancel()}
 * (the status bar's cancel button) makes the work stop at its next check.
 */
public final class TaskProgress implements Progress {

    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", -1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final String title;
    private volatile String task = "";
    private volatile long total = -1;
    private volatile long done;
    private volatile boolean cancelled;
    private final AtomicBoolean posted = new AtomicBoolean();
    private volatile long lastPost;

    public TaskProgress(String title) {
        this.title = title;
        text.set(title);
    }

    public String title() {
        return title;
    }

    @Override
    public void start(String task, long total) {
        this.task = task == null ? "" : task;
        this.total = total;
        this.done = 0;
        post(true);
    }

    @Override
    public void update(long done) {
        this.done = done;
        post(false);
    }

    private void post(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastPost < 100_000_000L) {
            return;
        }
        lastPost = now;
        if (posted.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                posted.set(false);
                long t = total, d = done;
                fraction.set(t > 0 ? Math.min(1, (double) d / t) : -1);
                text.set(task.isEmpty() ? title : title + ": " + task);
            });
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        cancelled = true;
    }

    /** Done fraction 0..1, or -1 while unknown (FX thread). */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** What is being done (FX thread). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
