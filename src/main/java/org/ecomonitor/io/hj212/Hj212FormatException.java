package org.ecomonitor.io.hj212;

import org.ecomonitor.i18n.UserException;

/** A packet that breaks HJ 212-2017, with the reason as an enum and the details as message arguments. */
public class Hj212FormatException extends UserException {

    private final Hj212Reason reason;

    public Hj212FormatException(Hj212Reason reason, Object... args) {
        super(reason.key(), args);
        this.reason = reason;
    }

    public Hj212Reason reason() {
        return reason;
    }
}
