package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.Messages;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Something a reader or writer repaired, guessed or skipped, said in the bundles' words (key and arguments, like
 * {@link org.ecomonitor.i18n.UserException}) so the user learns about it in his language instead of never.
 */
public record ShapefileWarning(String key, List<Object> args) {

    public ShapefileWarning {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static ShapefileWarning of(String key, Object... args) {
        return new ShapefileWarning(key, Arrays.asList(args));
    }

    /** The text in the application's current language. */
    public String message() {
        return Messages.get(key, args.toArray());
    }

    public String message(Locale locale) {
        return Messages.get(locale, key, args.toArray());
    }

    @Override
    public String toString() {
        return key + " " + args;
    }
}
