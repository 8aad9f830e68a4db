package org.ecomonitor.server;

import org.ecomonitor.i18n.UserException;

/**
 * A request the server refuses: an HTTP status, a stable machine-readable code and a message from the bundles
 * (what, where, what to do). The server answers it as {@code {"error": code, "message": text}}.
 */
public final class ApiException extends UserException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String key, Object... args) {
        super(key, args);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
