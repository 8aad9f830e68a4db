package org.ecomonitor.io.noisemap;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a grid as a single-band Float32 GeoTIFF through NGA's TIFF library (mil.nga:tiff, which comes with NGA
 * GeoPackage): uncompressed strips, row 0 the northernmost; georeferenced by ModelPixelScale (cell size) and
 * ModelTiepoint (the north-west corner of the grid, raster space (0, 0)); the GeoKeyDirectory says
 * GTModelTypeGeoKey = projected (or geographic), GTRasterTypeGeoKey = PixelIsArea, ProjectedCSTypeGeoKey (or
 * GeographicTypeGeoKey) = the EPSG code and ProjLinearUnitsGeoKey = metre; NoData is {@link #NODATA} in GDAL's
 * GDAL_NODATA tag (42113), the band's description and unit in GDAL_METADATA (42112). GDAL and QGIS read the
 * CRS, the extent and NoData from it. Without a CRS (0) only the model and raster type are written.
 */
public final class GeoTiffWriter {

    /** The NoData value written for NaN cells. */
    public static final float NODATA = -9999f;

    private static final int MODEL_TYPE = 1024;
    private static final int RASTER_TYPE = 1025;
    private static final int GEOGRAPHIC_TYPE = 2048;
    private static final int PROJECTED_CS_TYPE = 3072;
    private static final int PROJ_LINEAR_UNITS = 3076;
    private static final int LINEAR_METER = 9001;
    private static final int MODEL_TYPE_PROJECTED = 1;
    private static final int MODEL_TYPE_GEOGRAPHIC = 2;
    private static final int RASTER_PIXEL_IS_AREA = 1;

    private GeoTiffWriter() {
    }

    /**
     * @param values      cell values by {@link GridSpec#index}, NaN for NoData
     * @param crs         EPSG code of the grid's CRS, 0 when unknown
     * @param description the band's description ("leq day"), or null
     * @param unit        the values' unit ("dB(A)"), or null
     */
    public static void write(Path file, GridSpec grid, double[] values, int crs, String description, String unit) {
        int w = grid.ncols();
        int h = grid.nrows();
        Rasters rasters = new Rasters(w, h, 1, FieldType.FLOAT);
        for (int row = 0; row < h; row++) {
            int base = row * w;
            for (int col = 0; col < w; col++) {
                double v = values[base + col];
                rasters.setFirstPixelSample(col, row, Double.isNaN(v) ? NODATA : (float) v);
            }
        }
        FileDirectory dir = new FileDirectory();
        dir.setImageWidth(w);
        dir.setImageHeight(h);
        dir.setBitsPerSample(32);
        dir.setCompression(1);
        dir.setPhotometricInterpretation(1);
        dir.setSamplesPerPixel(1);
        dir.setRowsPerStrip(rasters.calculateRowsPerStrip(1));
        dir.setPlanarConfiguration(1);
        dir.setSampleFormat(3);
        dir.setWriteRasters(rasters);
        dir.setModelPixelScale(List.of(grid.cellSize(), grid.cellSize(), 0.0));
        dir.setModelTiepoint(List.of(0.0, 0.0, 0.0, grid.minX(), grid.maxY(), 0.0));
        List<Integer> keys = geoKeys(crs);
        dir.addEntry(new FileDirectoryEntry(FieldTagType.GeoKeyDirectory, FieldType.SHORT, keys.size(), keys));
        ascii(dir, FieldTagType.GDAL_NODATA, String.valueOf((int) NODATA));
        String metadata = metadata(description, unit);
        if (metadata != null) {
            ascii(dir, FieldTagType.GDAL_METADATA, metadata);
        }
        MapLayerWriter.createParent(file);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            TiffWriter.writeTiff(tmp.toFile(), new TIFFImage(dir));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UserException(e, "export.write_failed", file, e.getMessage());
        }
    }

    /** The GeoKeyDirectory: header {1, 1, 0, count}, then {key, 0, 1, value} sorted by key. */
    static List<Integer> geoKeys(int crs) {
        List<int[]> keys = new ArrayList<>();
        boolean geographic = crs != 0 && Crs.isGeographic(crs);
        keys.add(new int[]{MODEL_TYPE, geographic ? MODEL_TYPE_GEOGRAPHIC : MODEL_TYPE_PROJECTED});
        keys.add(new int[]{RASTER_TYPE, RASTER_PIXEL_IS_AREA});
        if (crs != 0) {
            if (geographic) {
                keys.add(new int[]{GEOGRAPHIC_TYPE, crs});
            } else {
                keys.add(new int[]{PROJECTED_CS_TYPE, crs});
                keys.add(new int[]{PROJ_LINEAR_UNITS, LINEAR_METER});
            }
        }
        List<Integer> out = new ArrayList<>(List.of(1, 1, 0, keys.size()));
        for (int[] k : keys) {
            out.addAll(List.of(k[0], 0, 1, k[1]));
        }
        return out;
    }

    private static void ascii(FileDirectory dir, FieldTagType tag, String text) {
        dir.addEntry(new FileDirectoryEntry(tag, FieldType.ASCII,
                text.getBytes(java.nio.charset.StandardCharsets.US_ASCII).length + 1, List.of(text)));
    }

    private static String metadata(String description, String unit) {
        if ((description == null || description.isEmpty()) && (unit == null || unit.isEmpty())) {
            return null;
        }
        StringBuilder s = new StringBuilder("<GDALMetadata>");
        if (description != null && !description.isEmpty()) {
            s.append("<Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">").append(xml(description))
                    .append("</Item>");
        }
        if (unit != null && !unit.isEmpty()) {
            s.append("<Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">").append(xml(unit)).append("</Item>");
        }
        return s.append("</GDALMetadata>").toString();
    }

    /** XML text with non-ASCII characters as character references (TIFF ASCII holds 7-bit text only). */
    private static String xml(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                default -> {
                    if (c < 32 || c > 126) {
                        s.append("&#").append(c).append(';');
                    } else {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.toString();
    }
}
