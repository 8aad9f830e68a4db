package org.ecomonitor.io.shapefile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the text of DBF fields without ever producing mojibake silently.
 * <p>
 * Before reading, {@link #choose} picks the charset from the .cpg, the language driver byte and a sample of the
 * table's text: a declared charset is used when the sample decodes with it, unless the sample is also valid UTF-8
 * with at least {@value #UTF8_EVIDENCE} multi-byte characters (GBK text that happens to be valid UTF-8 is vanishingly
 * rare at that length, while UTF-8 text read as GBK decodes "cleanly" into nonsense), or unless a single-byte
 * (Western) code page is declared and the sample reads as GBK into mostly Chinese characters. Nothing declared: UTF-8
 * if the sample is valid UTF-8 with non-ASCII text, else GBK (read with GB18030).
 * <p>
 * While reading, every non-ASCII value is decoded strictly. A value that does not decode only because the writer cut
 * its last character in half loses that character, with a warning. Otherwise, unless the caller chose the charset,
 * UTF-8, then GB18030, is tried and, if it decodes, used from there on, with a warning; if neither does,
 * the value is decoded with replacement characters (U+FFFD), again with a warning naming record and field.
 */
final class DbfTextDecoder {

    static final int UTF8_EVIDENCE = 4;
    private static final List<Charset> FALLBACKS = List.of(StandardCharsets.UTF_8, DbfCodePage.GB18030);

    private final Path file;
    private final WarningLog warnings;
    private final boolean mayCorrect;
    private DbfEncoding encoding;
    private CharsetDecoder decoder;

    DbfTextDecoder(DbfEncoding encoding, Path file, WarningLog warnings) {
        this.file = file;
        this.warnings = warnings;
        this.mayCorrect = encoding.source() != DbfEncoding.Source.CHOSEN;
        use(encoding);
    }

    DbfEncoding encoding() {
        return encoding;
    }

    /** The text of {@code length} bytes at {@code offset}, trailing blanks and NULs already removed by the caller. */
    String decode(byte[] bytes, int offset, int length, int record, String field) {
        if (isAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        String text = strict(decoder, bytes, offset, length);
        if (text != null) {
            return text;
        }
        String cut = withoutBrokenTail(decoder, bytes, offset, length);
        if (cut != null) {
            warnings.add("dbf.warn.brokenCharacter", file, record, field, encoding.charset().name());
            return cut;
        }
        for (Charset other : mayCorrect ? FALLBACKS : List.<Charset>of()) {
            if (other.equals(encoding.charset())) {
                continue;
            }
            text = strict(strictDecoder(other), bytes, offset, length);
            if (text != null) {
                warnings.add("dbf.warn.encodingSwitched", file, record, field, encoding.charset().name(),
                        other.name());
                use(new DbfEncoding(other, DbfEncoding.Source.CORRECTED, encoding.declaration()));
                return text;
            }
        }
        warnings.add("dbf.warn.undecodable", file, record, field, encoding.charset().name());
        return new String(bytes, offset, length, encoding.charset());
    }

    private void use(DbfEncoding e) {
        encoding = e;
        decoder = strictDecoder(e.charset());
    }

    /**
     * Picks the charset for a table.
     *
     * @param cpg      charset named by the .cpg, or null
     * @param cpgText  the .cpg's text, or null when there is no .cpg
     * @param ldid     language driver byte
     * @param sample   the bytes of text values from the start of the table
     */
    static DbfEncoding choose(Charset cpg, String cpgText, int ldid, Sample sample, Path file, WarningLog warnings) {
        Charset declared = cpg;
        DbfEncoding.Source source = DbfEncoding.Source.CPG;
        String declaration = cpgText == null ? null : cpgText.trim();
        if (declared == null) {
            if (cpgText != null) {
                warnings.add("dbf.warn.unknownCpg", file, cpgText.trim());
            }
            declared = DbfCodePage.fromLanguageDriver(ldid);
            source = DbfEncoding.Source.LANGUAGE_DRIVER;
            declaration = String.format("0x%02X", ldid);
        }
        boolean utf8 = sample.validIn(StandardCharsets.UTF_8);
        if (declared == null) {
            return utf8 && sample.utf8MultiByteChars() > 0
                    ? new DbfEncoding(StandardCharsets.UTF_8, DbfEncoding.Source.DETECTED, declaration)
                    : new DbfEncoding(DbfCodePage.GB18030, DbfEncoding.Source.DEFAULT, declaration);
        }
        boolean declaredUtf8 = declared.equals(StandardCharsets.UTF_8);
        Charset corrected = null;
        if (!declaredUtf8 && utf8 && sample.utf8MultiByteChars() >= UTF8_EVIDENCE) {
            corrected = StandardCharsets.UTF_8;
        } else if (!sample.validIn(declared)) {
            if (!declaredUtf8 && utf8) {
                corrected = StandardCharsets.UTF_8;
            } else if (!declared.equals(DbfCodePage.GB18030) && sample.validIn(DbfCodePage.GB18030)) {
                corrected = DbfCodePage.GB18030;
            }
        } else if (declared.newEncoder().maxBytesPerChar() == 1 && sample.looksChinese(DbfCodePage.GB18030)) {
            // a Western code page decodes any GBK bytes into accented letters without complaint
            corrected = DbfCodePage.GB18030;
        }
        if (corrected != null) {
            warnings.add("dbf.warn.encodingCorrected", file, declaration, declared.name(), corrected.name());
            return new DbfEncoding(corrected, DbfEncoding.Source.CORRECTED, declaration);
        }
        return new DbfEncoding(declared, source, declaration);
    }

    static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The text, or null when the bytes are not valid in the decoder's charset. */
    static String strict(CharsetDecoder decoder, byte[] bytes, int offset, int length) {
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The text without a last character cut in half (up to three trailing non-ASCII bytes), or null. */
    static String withoutBrokenTail(CharsetDecoder decoder, byte[] bytes, int offset, int length) {
        for (int cut = 1; cut <= 3 && cut < length && bytes[offset + length - cut] < 0; cut++) {
            String text = strict(decoder, bytes, offset, length - cut);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /**
     * Non-ASCII text values from the start of a table, kept up to {@value #LIMIT} bytes, to test which charsets they
     * decode in.
     */
    static final class Sample {
        static final int LIMIT = 256 * 1024;

        private final List<byte[]> values = new ArrayList<>();
        private int size;

        boolean isFull() {
            return size >= LIMIT;
        }

        void add(byte[] bytes, int offset, int length) {
            if (!isFull() && !isAscii(bytes, offset, length)) {
                byte[] copy = new byte[length];
                System.arraycopy(bytes, offset, copy, 0, length);
                values.add(copy);
                size += length;
            }
        }

        /** True when every value decodes in the charset, forgiving a last character cut in half. */
        boolean validIn(Charset charset) {
            CharsetDecoder d = strictDecoder(charset);
            for (byte[] v : values) {
                if (strict(d, v, 0, v.length) == null && withoutBrokenTail(d, v, 0, v.length) == null) {
                    return false;
                }
            }
            return true;
        }

        /**
         * True when the values decode in {@code charset} into at least {@value #UTF8_EVIDENCE} non-ASCII characters, at
         * least half of them Chinese characters.
         */
        boolean looksChinese(Charset charset) {
            if (!validIn(charset)) {
                return false;
            }
            int nonAscii = 0;
            int han = 0;
            CharsetDecoder d = strictDecoder(charset);
            for (byte[] v : values) {
                String text = strict(d, v, 0, v.length);
                if (text == null) {
                    text = withoutBrokenTail(d, v, 0, v.length);
                }
                for (int i = 0; i < text.length(); ) {
                    int c = text.codePointAt(i);
                    i += Character.charCount(c);
                    if (c >= 0x80) {
                        nonAscii++;
                        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                            han++;
                        }
                    }
                }
            }
            return nonAscii >= UTF8_EVIDENCE && 2 * han >= nonAscii;
        }

        /** Characters beyond ASCII when the values are read as UTF-8 (meaningful when they are valid UTF-8). */
        int utf8MultiByteChars() {
            int n = 0;
            for (byte[] v : values) {
                for (byte b : v) {
                    if ((b & 0xC0) == 0xC0) {
                        n++;
                    }
                }
            }
            return n;
        }
    }
}
