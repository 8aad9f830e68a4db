package org.ecomonitor.io;

import org.ecomonitor.analysis.layout.CoverageCheck;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the distance-to-nearest-point raster of a coverage check as an ESRI ASCII grid ({@code .asc}, metres,
 * NODATA -9999 outside the area) with a {@code .prj} beside it, which QGIS and GDAL open as they are.
 */
public final class DistanceRasterExport {

    private DistanceRasterExport() {
    }

    public static void write(CoverageCheck.DistanceRaster raster, int planeEpsg, Path target) {
        GridSpec g = raster.grid();
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.US_ASCII)) {
                w.write("ncols " + g.ncols() + "\n");
                w.write("nrows " + g.nrows() + "\n");
                w.write("xllcorner " + plain(g.minX()) + "\n");
                w.write("yllcorner " + plain(g.minY()) + "\n");
                w.write("cellsize " + plain(g.cellSize()) + "\n");
                w.write("NODATA_value -9999\n");
                StringBuilder line = new StringBuilder();
                for (int r = 0; r < g.nrows(); r++) {
                    line.setLength(0);
                    for (int c = 0; c < g.ncols(); c++) {
                        double v = raster.distance()[g.index(c, r)];
                        line.append(c == 0 ? "" : " ").append(Double.isNaN(v) ? "-9999" : plain(Math.round(v * 10) / 10.0));
                    }
                    w.write(line.append('\n').toString());
                }
            }
            String wkt = Crs.wkt(planeEpsg);
            if (wkt != null) {
                String name = target.getFileName().toString();
                int dot = name.lastIndexOf('.');
                Files.writeString(target.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".prj"), wkt,
                        StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", target, e.getMessage());
        }
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
