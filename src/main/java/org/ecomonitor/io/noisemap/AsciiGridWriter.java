package org.ecomonitor.io.noisemap;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.shapefile.ShapefileCrs;
import org.ecomonitor.model.GridSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a grid as an Esri ASCII grid (.asc): the header {@code ncols, nrows, xllcorner, yllcorner, cellsize,
 * NODATA_value} (lower-left corner of the grid, NoData {@value #NODATA}), then the rows from north to south,
 * values separated by one space, rounded to 7 significant digits (what a Float32 raster holds), lines ended by
 * LF; beside it the .prj of the CRS (Esri WKT for the Chinese systems, OGC WKT otherwise; none when unknown).
 */
public final class AsciiGridWriter {

    /** The NoData value written for NaN cells. */
    public static final String NODATA = "-9999";

    private AsciiGridWriter() {
    }

    /**
     * @param values cell values by {@link GridSpec#index}, NaN for NoData
     * @param crs    EPSG code of the grid's CRS, 0 when unknown
     */
    public static void write(Path file, GridSpec grid, double[] values, int crs) {
        MapLayerWriter.createParent(file);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("ncols " + grid.ncols() + "\n");
            w.write("nrows " + grid.nrows() + "\n");
            w.write("xllcorner " + plain(grid.minX()) + "\n");
            w.write("yllcorner " + plain(grid.minY()) + "\n");
            w.write("cellsize " + plain(grid.cellSize()) + "\n");
            w.write("NODATA_value " + NODATA + "\n");
            StringBuilder line = new StringBuilder();
            for (int row = 0; row < grid.nrows(); row++) {
                line.setLength(0);
                int base = row * grid.ncols();
                for (int col = 0; col < grid.ncols(); col++) {
                    if (col > 0) {
                        line.append(' ');
                    }
                    line.append(value(values[base + col]));
                }
                line.append('\n');
                w.write(line.toString());
            }
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", file, e.getMessage());
        }
        writePrj(file, crs);
    }

    /** A cell value as written: NoData, or 7 significant digits without trailing zeros. */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return NODATA;
        }
        return new BigDecimal(v).round(MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Writes {@code base.prj} beside a raster file when the CRS is known. */
    static void writePrj(Path raster, int crs) {
        if (crs == 0) {
            return;
        }
        String wkt = ShapefileCrs.ofEpsg(crs).wkt();
        if (wkt == null) {
            wkt = Crs.wkt(crs);
        }
        if (wkt == null) {
            return;
        }
        Path prj = sibling(raster, ".prj");
        try {
            Files.writeString(prj, wkt, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", prj, e.getMessage());
        }
    }

    /** The file beside {@code file} with its extension replaced by {@code extension} (".prj"). */
    static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
