package org.ecomonitor.cli;

import org.ecomonitor.model.Progress;

import java.io.PrintStream;

/**
 * Draws a progress bar on standard error when it is a terminal (nothing when output is redirected, so logs and
 * CI output stay clean). Redraws at most ten times a second.
 */
final class TerminalProgress implements Progress {

    private final PrintStream out;
    private final boolean enabled;
    private volatile String task = "";
    private volatile long total = -1;
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(boolean quiet) {
        this.out = System.err;
        this.enabled = !quiet && System.console() != null;
    }

    @Override
    public void start(String task, long total) {
        this.task = task;
        this.total = total;
        draw(0, true);
    }

    @Override
    public void update(long done) {
        draw(done, false);
    }

    private synchronized void draw(long done, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        String name = task.length() > 30 ? "…" + task.substring(task.length() - 29) : task;
        String line;
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / total);
            line = String.format("\r%-30s [%s%s] %3d%% ", name, "#".repeat(filled), " ".repeat(width - filled),
                    Math.min(100, 100 * done / total));
        } else {
            line = String.format("\r%-30s %,d ", name, done);
        }
        out.print(line);
        out.flush();
        drawn = true;
    }

    /** Clears the bar before results are printed. */
    synchronized void finish() {
        if (enabled && drawn) {
            out.print("\r" + " ".repeat(78) + "\r");
            out.flush();
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
