package org.ecomonitor.sync;

/**
 * What the status bar shows about sync: whether the server is reachable, whether a sync runs and how far it is,
 * when the last one finished, how many local changes wait and how many conflicts need the user.
 *
 * @param status       {@link Status}
 * @param phase        while syncing: "push" or "pull"; otherwise null
 * @param done         while syncing: items done in the phase
 * @param total        while syncing: items of the phase, or -1 when unknown
 * @param lastSyncMs   epoch ms of the last complete sync, 0 if never
 * @param pending      local changes not yet pushed
 * @param conflicts    open conflicts
 * @param message      the last failure's text (in the current language), or null
 */
public record SyncState(Status status, String phase, long done, long total, long lastSyncMs, long pending, int conflicts,
                        String message) {

    /** Connectivity and activity. */
    public enum Status {
        /** No server configured. */
        NOT_CONFIGURED,
        /** The server does not answer; retrying with back-off. */
        OFFLINE,
        /** Connected, nothing running. */
        ONLINE,
        /** A sync is running (see phase, done, total). */
        SYNCING,
        /** The token expired or was revoked: log in again. */
        LOGIN_REQUIRED,
        /** The server refused the last sync (see message). */
        ERROR
    }

    SyncState with(Status s, String message) {
        return new SyncState(s, s == Status.SYNCING ? phase : null, s == Status.SYNCING ? done : 0,
                s == Status.SYNCING ? total : 0, lastSyncMs, pending, conflicts, message);
    }
}
