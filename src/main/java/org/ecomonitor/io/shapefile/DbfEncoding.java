package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.Messages;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Which character set a DBF's text was decoded with, and why, so the user can be told (and can choose another when
 * the guess was wrong).
 *
 * @param charset     the decoder (GBK, CP936 and GB2312 are all read with GB18030, their superset)
 * @param source      how it was chosen
 * @param declaration what the file said: the .cpg text, the language driver byte as "0x4D", or null for nothing
 */
public record DbfEncoding(Charset charset, Source source, String declaration) {

    public enum Source {
        /** the .cpg file named it */
        CPG,
        /** the language driver byte (LDID, byte 29 of the header) named it */
        LANGUAGE_DRIVER,
        /** the file declared nothing usable and its text is valid UTF-8 */
        DETECTED,
        /** the file declared nothing usable, so GBK, the usual encoding of Chinese data, was assumed */
        DEFAULT,
        /** the file declared {@link #declaration()} but its text does not decode with it; this one does */
        CORRECTED,
        /** the caller chose it */
        CHOSEN
    }

    /** A sentence for the user, e.g. "GB18030 (from the .cpg file: 936)". */
    public String describe(Locale locale) {
        return Messages.get(locale, "dbf.encoding." + source.name().toLowerCase(Locale.ROOT), charset.name(),
                declaration == null ? "-" : declaration);
    }

    public String describe() {
        return describe(Messages.locale());
    }
}
