package org.ecomonitor.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible text comes from the bundles {@code org/ecomonitor/i18n/messages_zh_CN.properties} (Chinese)
 * and {@code messages.properties} (English, the base bundle every other locale falls back to), both UTF-8.
 * A test keeps the key sets of the two languages equal.
 */
public final class Messages {

    public static final String BUNDLE = "org.ecomonitor.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static volatile Locale current = defaultLocale();

    private Messages() {
    }

    /** zh_CN when the system language is Chinese, English otherwise. */
    public static Locale defaultLocale() {
        return "zh".equals(Locale.getDefault().getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The language the application speaks now. */
    public static Locale locale() {
        return current;
    }

    /** Switches the language (preferences, {@code --lang}). */
    public static void setLocale(Locale locale) {
        current = "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for {@code key} in the current language, with {@link MessageFormat} arguments. */
    public static String get(String key, Object... args) {
        return get(current, key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
