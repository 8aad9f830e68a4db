package org.ecomonitor.io.hj212;

import org.ecomonitor.i18n.Messages;

import java.util.Locale;

/**
 * A line, or one pollutant of a packet, that was not read, and why: where (source and line), what (reason, and the
 * pollutant when only it was rejected) and the detailed message of the failure.
 *
 * @param source    file name or other source label
 * @param line      1-based line number
 * @param pollutant the pollutant code when only this pollutant was rejected, null when the whole line was
 * @param cause     the failure, with reason and message arguments
 * @param text      the start of the line, for showing it
 */
public record Hj212Rejection(String source, int line, String pollutant, Hj212FormatException cause, String text) {

    public Hj212Reason reason() {
        return cause.reason();
    }

    /** "file, line n: what went wrong" in the given language. */
    public String message(Locale locale) {
        return Messages.get(locale, "hj212.rejected", source, line, cause.getMessage(locale));
    }

    public String message() {
        return message(Messages.locale());
    }
}
