package org.ecomonitor.io;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.ecomonitor.i18n.UserException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The first sheet of an XLSX workbook (Apache POI) as a {@link TableSource}: the first non-empty row is the
 * header; date cells become ISO local date-times ("2024-01-01 08:00:00"), numbers their shortest exact decimal,
 * formulas their cached value. Row numbers are the ones Excel shows. The workbook is read whole: fine for the
 * tens of thousands of rows monitoring spreadsheets have; use CSV for millions.
 */
public final class XlsxTable implements TableSource {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String name;
    private final Workbook workbook;
    private final Sheet sheet;
    private final List<String> header;
    private final int headerRow;
    private final DataFormatter formatter = new DataFormatter();

    public XlsxTable(Path file) {
        this.name = file.getFileName().toString();
        try {
            workbook = WorkbookFactory.create(file.toFile(), null, true);
        } catch (IOException | RuntimeException e) {
            throw new UserException(e, "io.xlsx_unreadable", name, e.getMessage());
        }
        sheet = workbook.getNumberOfSheets() > 0 ? workbook.getSheetAt(0) : null;
        int first = -1;
        if (sheet != null) {
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r >= 0; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row != null && !isBlank(cells(row))) {
                    first = r;
                    break;
                }
            }
        }
        if (first < 0) {
            close();
            throw new UserException("io.empty_table", name);
        }
        headerRow = first;
        List<String> h = new ArrayList<>();
        for (String c : cells(sheet.getRow(first))) {
            h.add(c.trim());
        }
        header = List.copyOf(h);
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private String[] cells(org.apache.poi.ss.usermodel.Row row) {
        int n = Math.max(row.getLastCellNum(), 0);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = text(row.getCell(i));
        }
        return out;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    yield t == null ? "" : ISO.format(t);
                }
                yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK, ERROR, _NONE -> "";
            default -> formatter.formatCellValue(cell);
        };
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
    public Iterator<TableSource.Row> iterator() {
        return new Iterator<>() {
            int next = headerRow + 1;

            private void skipBlank() {
                while (next <= sheet.getLastRowNum()) {
                    org.apache.poi.ss.usermodel.Row row = sheet.getRow(next);
                    if (row != null && !isBlank(cells(row))) {
                        return;
                    }
                    next++;
                }
            }

            @Override
            public boolean hasNext() {
                skipBlank();
                return next <= sheet.getLastRowNum();
            }

            @Override
            public TableSource.Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(next);
                TableSource.Row r = new TableSource.Row(next + 1L, cells(row));
                next++;
                return r;
            }
        };
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException | RuntimeException e) {
            // read-only: nothing to save
        }
    }
}
