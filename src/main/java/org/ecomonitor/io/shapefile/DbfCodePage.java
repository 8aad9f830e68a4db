package org.ecomonitor.io.shapefile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the two ways a shapefile names its text encoding to Java charsets: the .cpg file's text ("UTF-8", "GBK",
 * "936", "ANSI 936", "GB2312" ...) and the dBASE language driver byte. All Simplified Chinese code pages are read with
 * GB18030, their superset. The driver byte 0x57 means "the writer's ANSI code page", which is not knowable from the
 * file, so like 0x00 it maps to nothing.
 */
final class DbfCodePage {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** Language driver byte of GBK (code page 936) tables, as ArcGIS writes it. */
    static final int LDID_GBK = 0x4D;

    private static final Map<Integer, String> LDID = Map.ofEntries(
            Map.entry(0x01, "IBM437"), Map.entry(0x02, "IBM850"), Map.entry(0x03, "windows-1252"),
            Map.entry(0x4D, "GB18030"), Map.entry(0x7A, "GB18030"),
            Map.entry(0x4E, "x-windows-949"), Map.entry(0x79, "x-windows-949"),
            Map.entry(0x4F, "x-windows-950"), Map.entry(0x78, "x-windows-950"),
            Map.entry(0x13, "windows-31j"), Map.entry(0x7B, "windows-31j"),
            Map.entry(0x58, "windows-1252"), Map.entry(0x59, "windows-1252"),
            Map.entry(0x64, "IBM852"), Map.entry(0x65, "IBM866"),
            Map.entry(0xC8, "windows-1250"), Map.entry(0xC9, "windows-1251"),
            Map.entry(0xCA, "windows-1254"), Map.entry(0xCB, "windows-1253"));

    private static final Map<String, Charset> CHINESE = Map.ofEntries(
            Map.entry("GBK", GB18030), Map.entry("CP936", GB18030), Map.entry("MS936", GB18030),
            Map.entry("936", GB18030), Map.entry("ANSI936", GB18030), Map.entry("WINDOWS936", GB18030),
            Map.entry("GB2312", GB18030), Map.entry("GB231280", GB18030), Map.entry("EUCCN", GB18030),
            Map.entry("20936", GB18030), Map.entry("GB18030", GB18030), Map.entry("54936", GB18030),
            Map.entry("UTF8", StandardCharsets.UTF_8), Map.entry("65001", StandardCharsets.UTF_8));

    private DbfCodePage() {
    }

    /** The charset a .cpg text names, or null when it names none this JVM knows. */
    static Charset fromCpg(String text) {
        String t = text.replace("\uFEFF", "").trim();
        if (t.isEmpty()) {
            return null;
        }
        String key = t.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        Charset chinese = CHINESE.get(key);
        if (chinese != null) {
            return chinese;
        }
        String digits = key.startsWith("ANSI") || key.startsWith("OEM") ? key.replaceAll("^(ANSI|OEM)", "") : key;
        if (digits.matches("8859\\d{1,2}")) {
            return lookup("ISO-8859-" + digits.substring(4));
        }
        if (digits.matches("\\d{3,5}")) {
            Charset windows = lookup("windows-" + digits);
            return windows != null ? windows : lookup("x-windows-" + digits) != null
                    ? lookup("x-windows-" + digits) : lookup("IBM" + digits);
        }
        return lookup(t);
    }

    /** The charset of a language driver byte, or null for 0x00, 0x57 (ANSI) and bytes not in the table. */
    static Charset fromLanguageDriver(int ldid) {
        String name = LDID.get(ldid);
        return name == null ? null : lookup(name);
    }

    /** The language driver byte to write for a charset: 0x4D for the GBK family, 0x00 (declared by .cpg) else. */
    static int languageDriverFor(Charset charset) {
        return isChinese(charset) ? LDID_GBK : 0x00;
    }

    /** The .cpg text to write beside a table in this charset. */
    static String cpgFor(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "UTF-8";
        }
        return switch (charset.name()) {
            case "GBK", "x-mswin-936" -> "GBK";
            case "GB2312" -> "GB2312";
            default -> charset.name();
        };
    }

    static boolean isChinese(Charset charset) {
        String n = charset.name();
        return n.equals("GB18030") || n.equals("GBK") || n.equals("GB2312") || n.equals("x-mswin-936");
    }

    private static Charset lookup(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
