package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A CSV file as a {@link TableSource}: encoding detected ({@link TextEncoding}), separator detected from the
 * header line (comma, semicolon or tab), RFC 4180 quoting (quoted cells may hold separators, doubled quotes and
 * line breaks), blank lines skipped, line numbers as an editor shows them. Streams: memory does not grow with
 * the file.
 * <p>
 * Hand-written rather than Apache Commons CSV: readings files have millions of lines and this reader, which
 * splits unquoted lines without a state machine, halves the parsing cost of an import (ImportBenchmark).
 */
public final class CsvTable implements TableSource {

    private final Path file;
    private final String name;
    private final BufferedReader reader;
    private final char separator;
    private final Charset charset;
    private final List<String> header;
    private long lineNumber;

    public CsvTable(Path file, Charset forcedCharset) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.charset = forcedCharset != null ? forcedCharset : TextEncoding.detect(file).charset();
        this.reader = TextEncoding.open(file, this.charset);
        try {
            String first = reader.readLine();
            lineNumber = 1;
            while (first != null && first.isBlank()) {
                first = reader.readLine();
                lineNumber++;
            }
            if (first == null) {
                throw new UserException("io.empty_table", name);
            }
            separator = separatorOf(first);
            List<String> cells = new ArrayList<>();
            for (String c : split(first, lineNumber)) {
                cells.add(c.trim());
            }
            header = List.copyOf(cells);
        } catch (CharacterCodingException e) {
            close();
            throw new UserException(e, "io.encoding_broken", file, lineNumber + 1);
        } catch (IOException e) {
            close();
            throw new UserException(e, "io.read_failed", file, e.getMessage());
        }
    }

    private static char separatorOf(String line) {
        int commas = 0;
        int semis = 0;
        int tabs = 0;
        for (int i = 0; i < line.length(); i++) {
            switch (line.charAt(i)) {
                case ',' -> commas++;
                case ';' -> semis++;
                case '\t' -> tabs++;
                default -> {
                }
            }
        }
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        return semis > commas ? ';' : ',';
    }

    /** Splits one record starting with {@code line}, reading further lines while a quoted cell is open. */
    private String[] split(String line, long startLine) throws IOException {
        String[] fast = fastSplit(line);
        if (fast != null) {
            return fast;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String current = line;
        int i = 0;
        while (true) {
            if (i >= current.length()) {
                if (!quoted) {
                    break;
                }
                String next = reader.readLine();
                if (next == null) {
                    throw new UserException("io.csv_unclosed_quote", name, startLine);
                }
                lineNumber++;
                cell.append('\n');
                current = next;
                i = 0;
                continue;
            }
            char c = current.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < current.length() && current.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells.toArray(String[]::new);
    }

    /** Cell boundaries of the current line (reused: millions of lines). */
    private int[] separators = new int[32];

    /**
     * Splits a line without quotes in one pass; returns null when the line has a quote (then {@link #split} with its
     * state machine handles it) or is blank.
     */
    private String[] fastSplit(String line) {
        int n = line.length();
        int count = 0;
        boolean blank = true;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == separator) {
                if (count == separators.length) {
                    separators = java.util.Arrays.copyOf(separators, count * 2);
                }
                separators[count++] = i;
            } else if (c == '"') {
                return null;
            } else if (blank && c > ' ') {
                blank = false;
            }
        }
        if (blank && count == 0) {
            return BLANK;
        }
        String[] cells = new String[count + 1];
        int start = 0;
        for (int k = 0; k < count; k++) {
            cells[k] = strip(line, start, separators[k]);
            start = separators[k] + 1;
        }
        cells[count] = strip(line, start, n);
        return cells;
    }

    private static final String[] BLANK = new String[0];

    private static String strip(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Row pending;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (pending == null && !done) {
                    String line;
                    try {
                        line = reader.readLine();
                        if (line == null) {
                            done = true;
                            return false;
                        }
                        lineNumber++;
                        long start = lineNumber;
                        String[] cells = split(line, start);
                        if (cells.length == 0 || (cells.length == 1 && cells[0].isEmpty())) {
                            continue;
                        }
                        pending = new Row(start, cells);
                    } catch (CharacterCodingException e) {
                        long bad = TextEncoding.lineOfFirstMalformed(file, charset);
                        throw new UserException(e, "io.encoding_broken", file, bad > 0 ? bad : lineNumber + 1);
                    } catch (IOException e) {
                        throw new UserException(e, "io.read_failed", file, e.getMessage());
                    }
                }
                return pending != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = pending;
                pending = null;
                return r;
            }
        };
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing to save
        }
    }
}
