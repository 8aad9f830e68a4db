package org.ecomonitor.i18n;

import java.util.Arrays;
import java.util.Locale;

/**
 * A failure the user can act on: its text comes from the bundles (key and arguments) and says what went wrong,
 * where, and what to do. The CLI prints it without a stack trace; the GUI shows it in a dialog.
 */
public class UserException extends RuntimeException {

    private final String key;
    private final Object[] args;

    public UserException(String key, Object... args) {
        this(null, key, args);
    }

    public UserException(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The message in the application's current language. */
    @Override
    public String getMessage() {
        return Messages.get(key, args);
    }

    public String getMessage(Locale locale) {
        return Messages.get(locale, key, args);
    }

    @Override
    public String toString() {
        return "UserException[" + key + " " + Arrays.toString(args) + "]";
    }
}
