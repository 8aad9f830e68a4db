package org.ecomonitor.gui.charts;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ecomonitor.i18n.UserException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the data behind a chart as a table: CSV (UTF-8 with a BOM, so Excel reads Chinese) or XLSX (Apache POI,
 * streaming), by the file's extension. Numbers stay numbers; a missing value is an empty cell.
 */
public final class ChartDataExport {

    private ChartDataExport() {
    }

    /** Writes the rows under the header; returns the number of rows. */
    public static long write(Path target, List<String> header, List<Object[]> rows) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                xlsx(target, header, rows);
            } else {
                csv(target, header, rows);
            }
            return rows.size();
        } catch (IOException e) {
            throw new UserException(e, "gui.chart.write_failed", target, e.getMessage());
        }
    }

    private static void csv(Path target, List<String> header, List<Object[]> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", header.stream().map(ChartDataExport::quote).toList()));
            w.write("\r\n");
            for (Object[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(text(r[i]));
                }
                w.write("\r\n");
            }
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "" : Double.toString(d);
        }
        return quote(v.toString());
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void xlsx(Path target, List<String> header, List<Object[]> rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet sheet = wb.createSheet("data");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v == null || (v instanceof Double d && d.isNaN())) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }
}
