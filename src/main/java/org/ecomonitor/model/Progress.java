package org.ecomonitor.model;

/**
 * How long-running work reports how far it is and learns that the user cancelled it. The CLI draws a progress
 * bar from it and the GUI a ProgressBar, over the same code. Implementations must be thread-safe.
 */
public interface Progress {

    /** A task starts: {@code total} units of work, or -1 when unknown. {@code task} is a short text for the user. */
    void start(String task, long total);

    /** {@code done} units of the current task are finished (absolute, not an increment). */
    void update(long done);

    /** True once the user asked to stop. Work checks it at least every few hundred milliseconds. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Progress that reports nowhere and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void update(long done) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
