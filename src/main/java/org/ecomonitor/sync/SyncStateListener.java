package org.ecomonitor.sync;

/**
 * Told of every change of the {@link SyncState}. Called on the sync thread: a GUI hands the state to its own
 * thread (JavaFX: Platform.runLater) and returns quickly.
 */
@FunctionalInterface
public interface SyncStateListener {
    void changed(SyncState state);
}
