package org.ecomonitor.gui.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Feature;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the rows an attribute table shows (filtered and sorted as shown) to CSV (UTF-8 with a BOM, so Excel
 * reads Chinese) or XLSX (Apache POI, streaming, so 100,000 rows need little memory); by the file's extension.
 */
public final class TableExport {

    private TableExport() {
    }

    /** Writes the rows and returns how many were written. */
    public static long write(Path target, List<String> columns, List<Feature> rows) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                return xlsx(target, columns, rows);
            }
            return csv(target, columns, rows);
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", target, e.getMessage());
        }
    }

    private static long csv(Path target, List<String> columns, List<Feature> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("fid");
            for (String c : columns) {
                w.write(',');
                w.write(quote(c));
            }
            w.write("\r\n");
            for (Feature f : rows) {
                w.write(Long.toString(f.fid()));
                for (String c : columns) {
                    w.write(',');
                    Object v = f.get(c);
                    w.write(v == null ? "" : quote(v.toString()));
                }
                w.write("\r\n");
            }
        }
        return rows.size();
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static long xlsx(Path target, List<String> columns, List<Feature> rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet sheet = wb.createSheet("data");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("fid");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c + 1).setCellValue(columns.get(c));
            }
            int r = 1;
            for (Feature f : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(f.fid());
                for (int c = 0; c < columns.size(); c++) {
                    Object v = f.get(columns.get(c));
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c + 1);
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
        }
        return rows.size();
    }
}
