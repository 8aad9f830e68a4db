package org.ecomonitor.io.noisemap;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.CsvTable;
import org.ecomonitor.io.TableSource;
import org.ecomonitor.io.XlsxTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table of points read for interpolation (CSV in UTF-8 or GBK, or the first sheet of an XLSX): the x and y
 * columns and, for measured points, a value column, named by the user. A blank value leaves its row out (counted);
 * a cell that is not a number, or a missing coordinate, is an error naming the file, line and column.
 *
 * @param file   the file name for messages
 * @param ids    the id column's cells, or "row N" (N the line number)
 * @param x      x (easting or longitude)
 * @param y      y (northing or latitude)
 * @param values values (NaN when read without a value column)
 * @param valueColumn the value column's name, or null
 * @param blank  rows left out because their value was blank
 */
public record PointTable(String file, List<String> ids, double[] x, double[] y, double[] values,
                         String valueColumn, int blank) {

    /**
     * @param valueColumn the value column, or null to read locations only (prediction targets)
     * @param idColumn    the id column, or null
     * @throws UserException when the file cannot be read, a column is missing, or a cell is not a number
     */
    public static PointTable read(Path file, String xColumn, String yColumn, String valueColumn, String idColumn) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("noisemap.tableMissing", file);
        }
        boolean xlsx = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        try (TableSource t = xlsx ? new XlsxTable(file) : new CsvTable(file, null)) {
            List<String> header = t.header();
            int xi = column(t, header, xColumn);
            int yi = column(t, header, yColumn);
            int vi = valueColumn == null ? -1 : column(t, header, valueColumn);
            int ii = idColumn == null ? -1 : column(t, header, idColumn);
            List<String> ids = new ArrayList<>();
            double[] xs = new double[256];
            double[] ys = new double[256];
            double[] vs = new double[256];
            int n = 0;
            int blank = 0;
            for (TableSource.Row row : t) {
                if (Arrays.stream(row.cells()).allMatch(String::isBlank)) {
                    continue;
                }
                double v = Double.NaN;
                if (vi >= 0) {
                    String cell = row.cell(vi).trim();
                    if (cell.isEmpty() || cell.equals("-") || cell.equalsIgnoreCase("NA")) {
                        blank++;
                        continue;
                    }
                    v = number(t, row, header.get(vi), cell);
                }
                if (n == xs.length) {
                    xs = Arrays.copyOf(xs, 2 * n);
                    ys = Arrays.copyOf(ys, 2 * n);
                    vs = Arrays.copyOf(vs, 2 * n);
                }
                xs[n] = number(t, row, header.get(xi), row.cell(xi).trim());
                ys[n] = number(t, row, header.get(yi), row.cell(yi).trim());
                vs[n] = v;
                String id = ii >= 0 ? row.cell(ii).trim() : "";
                ids.add(id.isEmpty() ? "row " + row.line() : id);
                n++;
            }
            if (n == 0) {
                throw new UserException("noisemap.tableEmpty", t.name(), valueColumn == null ? "" : valueColumn);
            }
            return new PointTable(t.name(), ids, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), Arrays.copyOf(vs, n),
                    vi < 0 ? null : header.get(vi), blank);
        }
    }

    private static int column(TableSource t, List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        throw new UserException("noisemap.columnMissing", t.name(), name, String.join(", ", header));
    }

    private static double number(TableSource t, TableSource.Row row, String column, String cell) {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserException("noisemap.cellNotNumber", t.name(), row.line(), column, cell);
    }

    public int size() {
        return x.length;
    }
}
