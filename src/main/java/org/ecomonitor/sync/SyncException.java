package org.ecomonitor.sync;

import org.ecomonitor.i18n.UserException;

/**
 * A sync that could not be done, with what kind of failure it was (the client's reaction depends on it: offline
 * means try again later, a login failure asks the user for the password, a refusal shows the server's message).
 */
public final class SyncException extends UserException {

    /** What went wrong. */
    public enum Kind {
        /** The server cannot be reached (no network, server down, connection cut). */
        OFFLINE,
        /** No valid token: log in again (expired, revoked, wrong password, user disabled). */
        LOGIN_REQUIRED,
        /** The server refused what was asked (scope, role, size, rate limit): its message says why. */
        REFUSED,
        /** The server failed (5xx) or answered something that is not this protocol. */
        SERVER_ERROR
    }

    private final Kind kind;
    private final int status;
    private final String code;

    public SyncException(Kind kind, int status, String code, Throwable cause, String key, Object... args) {
        super(cause, key, args);
        this.kind = kind;
        this.status = status;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The server's error code ({@code token_expired}, {@code forbidden_scope} ...), or null. */
    public String code() {
        return code;
    }
}
