package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * Something the user should know about a result that is nevertheless valid (duplicates averaged, cells left
 * empty). The text comes from the bundles like a {@link org.ecomonitor.i18n.UserException}'s.
 *
 * @param key  message key in {@code messages*.properties}
 * @param args {@link java.text.MessageFormat} arguments
 */
public record InterpolationWarning(String key, List<Object> args) {

    public InterpolationWarning {
        args = List.copyOf(args);
    }

    public static InterpolationWarning of(String key, Object... args) {
        return new InterpolationWarning(key, List.of(args));
    }

    /** The text in the application's current language. */
    public String message() {
        return Messages.get(key, args.toArray());
    }

    public String message(Locale locale) {
        return Messages.get(locale, key, args.toArray());
    }
}
