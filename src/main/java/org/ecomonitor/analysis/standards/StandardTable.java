package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.UserException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standard's table as shipped in {@code org/ecomonitor/standards/*.csv}: a header line and rows of cells
 * (RFC 4180 quoting). Cells are read as text; {@link Row#number} parses a number and names file, line and
 * column when it cannot.
 */
final class StandardTable {

    private static final String FOLDER = "/org/ecomonitor/standards/";

    final String file;
    final List<Row> rows;

    private StandardTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** One row: cells by column name, and the line it came from. */
    record Row(String file, int line, Map<String, String> cells) {

        String text(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw new UserException("standards.error.column", file, line, column);
            }
            return v.trim();
        }

        /** The cell as a number; NaN when the cell is empty. */
        double number(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new UserException(e, "standards.error.number", file, line, column, v);
            }
        }
    }

    static StandardTable load(String file) {
        InputStream in = StandardTable.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new UserException("standards.error.missing", file);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = parse(r.readLine());
            List<Row> rows = new ArrayList<>();
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = parse(line);
                if (cells.size() != header.size()) {
                    throw new UserException("standards.error.cells", file, lineNo, cells.size(), header.size());
                }
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    map.put(header.get(i), cells.get(i));
                }
                rows.add(new Row(file, lineNo, map));
            }
            return new StandardTable(file, List.copyOf(rows));
        } catch (IOException e) {
            throw new UserException(e, "standards.error.missing", file);
        }
    }

    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        if (line == null) {
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
