package org.ecomonitor.io;

import java.util.List;

/**
 * Rows of a table file (CSV or a spreadsheet sheet): a header and then rows of cells as text, each with the line
 * (CSV) or row (spreadsheet) number a user sees in their editor. Closing releases the file.
 */
public interface TableSource extends AutoCloseable, Iterable<TableSource.Row> {

    /** One row: its 1-based line or row number and its cells (missing trailing cells are absent, not null). */
    record Row(long line, String[] cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.length ? cells[index] : "";
        }
    }

    /** The file name shown in messages. */
    String name();

    /** Header cells, trimmed. */
    List<String> header();

    @Override
    void close();
}
