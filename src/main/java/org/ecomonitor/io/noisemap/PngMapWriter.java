package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.noisemap.BandClassification;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a grid as a coloured PNG, one pixel per cell (NoData transparent, every other cell in its band's colour
 * from a {@link BandClassification}, so the picture matches the band layer and the legend), with its world file
 * (.pgw: cell size, 0, 0, -cell size, centre of the north-west cell) and, when the CRS is known, a GDAL
 * {@code .png.aux.xml} naming it, so QGIS and GDAL place the picture without asking.
 */
public final class PngMapWriter {

    private PngMapWriter() {
    }

    public static void write(Path file, GridSpec grid, double[] values, BandClassification classes, int crs) {
        int w = grid.ncols();
        int h = grid.nrows();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int rgb = classes.rgb(values[grid.index(col, row)]);
                image.setRGB(col, row, rgb < 0 ? 0 : 0xFF000000 | rgb);
            }
        }
        MapLayerWriter.createParent(file);
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.writeString(AsciiGridWriter.sibling(file, ".pgw"), worldFile(grid), StandardCharsets.US_ASCII);
            if (crs != 0 && Crs.wkt(crs) != null) {
                Files.writeString(file.resolveSibling(file.getFileName() + ".aux.xml"),
                        "<PAMDataset>\n  <SRS>" + Crs.wkt(crs).replace("&", "&amp;").replace("<", "&lt;")
                                .replace("\"", "&quot;") + "</SRS>\n</PAMDataset>\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", file, e.getMessage());
        }
    }

    /** The six lines of a world file for the grid. */
    static String worldFile(GridSpec grid) {
        double cs = grid.cellSize();
        return plain(cs) + "\n0\n0\n" + plain(-cs) + "\n" + plain(grid.minX() + cs / 2) + "\n"
                + plain(grid.maxY() - cs / 2) + "\n";
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
