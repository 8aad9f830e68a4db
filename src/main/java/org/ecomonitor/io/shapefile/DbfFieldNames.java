package org.ecomonitor.io.shapefile;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes DBF field names from column names: characters other than letters, digits and '_' become '_', the name is
 * cut to at most 10 bytes in the table's charset without splitting a character, and a name already taken (ignoring
 * case) gets a suffix "_1", "_2" ... within the same 10 bytes. "monitoring_station" gives "monitoring";
 * a second one gives "monitori_1".
 */
final class DbfFieldNames {

    static final int MAX_BYTES = 10;

    private DbfFieldNames() {
    }

    static List<String> of(List<String> names, Charset charset) {
        List<String> result = new ArrayList<>(names.size());
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String clean = clean(name);
            String base = cut(clean, MAX_BYTES, charset);
            String candidate = base;
            for (int i = 1; taken.contains(candidate.toUpperCase(Locale.ROOT)); i++) {
                String suffix = "_" + i;
                candidate = cut(clean, MAX_BYTES - suffix.length(), charset) + suffix;
            }
            taken.add(candidate.toUpperCase(Locale.ROOT));
            result.add(candidate);
        }
        return result;
    }

    private static String clean(String name) {
        StringBuilder b = new StringBuilder();
        name.trim().codePoints().forEach(c -> b.appendCodePoint(Character.isLetterOrDigit(c) || c == '_' ? c : '_'));
        return b.isEmpty() ? "FIELD" : b.toString();
    }

    /** The longest prefix of whole characters that fits in {@code bytes} bytes. */
    static String cut(String s, int bytes, Charset charset) {
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            String ch = new String(Character.toChars(c));
            int n = ch.getBytes(charset).length;
            if (used + n > bytes) {
                break;
            }
            b.append(ch);
            used += n;
            i += ch.length();
        }
        return b.toString();
    }
}
