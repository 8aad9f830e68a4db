package org.ecomonitor.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ecomonitor.i18n.UserException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A CSV file as a {@link TableSource}: encoding detected ({@link TextEncoding}), separator detected from the
 * header line (comma, semicolon or tab), quotes per RFC 4180 (Apache Commons CSV), blank lines skipped.
 * Streams: memory does not grow with the file.
 */
public final class CsvTable implements TableSource {

    private final Path file;
    private final String name;
    private final BufferedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    public CsvTable(Path file, Charset forcedCharset) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.reader = TextEncoding.open(file, forcedCharset);
        try {
            reader.mark(1 << 16);
            String first = reader.readLine();
            char sep = ',';
            if (first != null) {
                long commas = first.chars().filter(c -> c == ',').count();
                long semis = first.chars().filter(c -> c == ';').count();
                long tabs = first.chars().filter(c -> c == '\t').count();
                if (tabs > commas && tabs >= semis) {
                    sep = '\t';
                } else if (semis > commas) {
                    sep = ';';
                }
            }
            reader.reset();
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            records = parser.iterator();
            if (!records.hasNext()) {
                throw new UserException("io.empty_table", name);
            }
            CSVRecord h = records.next();
            List<String> cells = new ArrayList<>();
            for (String c : h) {
                cells.add(c.trim());
            }
            header = List.copyOf(cells);
        } catch (CharacterCodingException e) {
            close();
            throw new UserException(e, "io.encoding_broken", file, 1);
        } catch (IOException | UncheckedIOException e) {
            close();
            throw wrap(e, 1);
        }
    }

    private UserException wrap(Exception e, long line) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new UserException(e, "io.encoding_broken", file, line);
        }
        if (e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated token finished")) {
            return new UserException(e, "io.csv_unclosed_quote", name, line);
        }
        return new UserException(e, "io.read_failed", file, cause.getMessage());
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
            private long embeddedNewlines;
            private Row pending;

            @Override
            public boolean hasNext() {
                while (pending == null) {
                    CSVRecord r;
                    try {
                        if (!records.hasNext()) {
                            return false;
                        }
                        r = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw wrap(e, parser.getCurrentLineNumber() + 1);
                    }
                    String[] cells = new String[r.size()];
                    boolean blank = true;
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = r.get(i);
                        blank &= cells[i].isBlank();
                    }
                    // the line an editor shows where the record starts: its record number (blank lines count as
                    // records) plus the line breaks quoted inside earlier records
                    long line = r.getRecordNumber() + embeddedNewlines;
                    for (String c : cells) {
                        embeddedNewlines += c.chars().filter(ch -> ch == '\n').count();
                    }
                    if (!blank) {
                        pending = new Row(line, cells);
                    }
                }
                return true;
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
