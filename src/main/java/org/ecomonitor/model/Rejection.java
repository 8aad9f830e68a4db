package org.ecomonitor.model;

import java.util.List;

/**
 * A row or record an import did not take, with where and why: {@code file:line} (or record number), the column
 * when one is to blame, and the reason as a message key with its arguments (the bundles give the words).
 *
 * @param file      file name as the user gave it
 * @param line      1-based line number, record number or packet number; 0 when the whole file is concerned
 * @param column    column name or null
 * @param reasonKey message key, for example {@code reject.unknown_station}
 * @param args      message arguments as text
 */
public record Rejection(String file, long line, String column, String reasonKey, List<String> args) {
    public Rejection {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Rejection of(String file, long line, String column, String reasonKey, Object... args) {
        return new Rejection(file, line, column, reasonKey,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** "file:line" or just the file. */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }
}
