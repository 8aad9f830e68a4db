package org.ecomonitor.analysis.layout;

import org.ecomonitor.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * Something the user should know about a layout that is nevertheless valid (a point moved off its cell centre,
 * a zone whose quota its existing points already fill). The text comes from the bundles.
 *
 * @param key  message key in {@code messages*.properties}
 * @param args {@link java.text.MessageFormat} arguments
 */
public record LayoutNotice(String key, List<Object> args) {

    public LayoutNotice {
        args = List.copyOf(args);
    }

    public static LayoutNotice of(String key, Object... args) {
        return new LayoutNotice(key, List.of(args));
    }

    /** The text in the application's current language. */
    public String message() {
        return Messages.get(key, args.toArray());
    }

    public String message(Locale locale) {
        return Messages.get(locale, key, args.toArray());
    }
}
