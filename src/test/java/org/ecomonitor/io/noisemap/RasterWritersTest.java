package org.ecomonitor.io.noisemap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import org.ecomonitor.analysis.noisemap.BandClassification;
import org.ecomonitor.model.GridSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The raster files of a map: a 4 x 3 grid of 50 m cells whose north-west corner is (612400, 3072450) in EPSG:4545,
 * values {@code 50 + col + 10 row} and one NoData cell, written and read back.
 */
class RasterWritersTest {

    @TempDir
    Path dir;

    private static final GridSpec GRID = new GridSpec(612_400, 3_072_300, 50, 4, 3);

    private static double[] values() {
        double[] v = new double[GRID.cellCount()];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 4; col++) {
                v[GRID.index(col, row)] = 50 + col + 10 * row + 0.25;
            }
        }
        v[GRID.index(3, 0)] = Double.NaN;
        return v;
    }

    @Test
    void geoTiffCarriesCrsTiepointPixelScaleNoDataAndValues() throws IOException {
        Path tif = dir.resolve("map.tif");
        GeoTiffWriter.write(tif, GRID, values(), 4545, "leq day", "dB(A)");

        TIFFImage image = TiffReader.readTiff(tif.toFile());
        FileDirectory d = image.getFileDirectory();
        assertEquals(4, d.getImageWidth().intValue());
        assertEquals(3, d.getImageHeight().intValue());
        assertEquals(List.of(50.0, 50.0, 0.0), d.getModelPixelScale());
        assertEquals(List.of(0.0, 0.0, 0.0, 612_400.0, 3_072_450.0, 0.0), d.getModelTiepoint());
        assertEquals(List.of(1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 4545, 3076, 0, 1, 9001),
                d.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory));
        assertEquals("-9999", d.getStringEntryValue(FieldTagType.GDAL_NODATA));
        assertEquals(List.of(3), d.getSampleFormat());
        Rasters r = d.readRasters();
        assertEquals(50.25f, r.getFirstPixelSample(0, 0).floatValue());
        assertEquals(72.25f, r.getFirstPixelSample(2, 2).floatValue());
        assertEquals(-9999f, r.getFirstPixelSample(3, 0).floatValue());
    }

    /** GDAL reads the same georeferencing (skipped where gdal-bin is not installed). */
    @Test
    void gdalinfoReadsTheGeoTiff() throws Exception {
        Path tif = dir.resolve("map.tif");
        GeoTiffWriter.write(tif, GRID, values(), 4545, "leq day", "dB(A)");
        JsonNode info = gdalinfo(tif);
        Assumptions.assumeTrue(info != null, "gdalinfo is not installed");
        assertEquals("GTiff", info.get("driverShortName").asText());
        JsonNode gt = info.get("geoTransform");
        double[] expected = {612_400, 50, 0, 3_072_450, 0, -50};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], gt.get(i).asDouble(), 1e-9, "geoTransform " + i);
        }
        assertTrue(info.get("coordinateSystem").get("wkt").asText().contains("ID[\"EPSG\",4545]"),
                info.get("coordinateSystem").get("wkt").asText());
        JsonNode band = info.get("bands").get(0);
        assertEquals("Float32", band.get("type").asText());
        assertEquals(-9999, band.get("noDataValue").asDouble());
        assertEquals("leq day", band.get("description").asText());
        assertEquals("dB(A)", band.get("unit").asText());
    }

    /** gdalinfo -json, or null when there is no gdalinfo. */
    static JsonNode gdalinfo(Path file) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("gdalinfo", "-json", file.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            return null;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out);
    }

    @Test
    void asciiGridHasTheExactHeaderRowsAndPrj() throws IOException {
        Path asc = dir.resolve("map.asc");
        AsciiGridWriter.write(asc, GRID, values(), 4545);
        assertEquals("""
                ncols 4
                nrows 3
                xllcorner 612400
                yllcorner 3072300
                cellsize 50
                NODATA_value -9999
                50.25 51.25 52.25 -9999
                60.25 61.25 62.25 63.25
                70.25 71.25 72.25 73.25
                """, Files.readString(asc));
        String prj = Files.readString(dir.resolve("map.prj"));
        assertTrue(prj.startsWith("PROJCS[\"CGCS2000_3_Degree_GK_CM_108E\""), prj);
        assertTrue(prj.contains("PARAMETER[\"Central_Meridian\",108.0]"), prj);
    }

    @Test
    void asciiValuesKeepSevenSignificantDigits() {
        assertEquals("54.12346", AsciiGridWriter.value(54.123456789));
        assertEquals("0.0001234568", AsciiGridWriter.value(0.000123456789));
        assertEquals("60", AsciiGridWriter.value(60.0));
        assertEquals("-9999", AsciiGridWriter.value(Double.NaN));
    }

    @Test
    void asciiGridWithoutCrsHasNoPrj() {
        Path asc = dir.resolve("plain.asc");
        AsciiGridWriter.write(asc, GRID, values(), 0);
        assertTrue(Files.exists(asc));
        assertTrue(Files.notExists(dir.resolve("plain.prj")));
    }

    @Test
    void pngIsColouredByBandWithWorldFileAndSrs() throws Exception {
        Path png = dir.resolve("map.png");
        BandClassification classes = BandClassification.noiseEvery(5);
        PngMapWriter.write(png, GRID, values(), classes, 4545);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(4, img.getWidth());
        assertEquals(3, img.getHeight());
        assertEquals(0xFF000000 | 0xDCB428, img.getRGB(0, 0), "50.25 dB is ochre (50-55)");
        assertEquals(0xFF000000 | 0xF0461E, img.getRGB(0, 1), "60.25 dB is cinnabar red (60-65)");
        assertEquals(0xFF000000 | 0xA0288C, img.getRGB(3, 2), "73.25 dB is lilac (70-75)");
        assertEquals(0, img.getRGB(3, 0) >>> 24, "NoData is transparent");
        assertEquals("50\n0\n0\n-50\n612425\n3072425\n", Files.readString(dir.resolve("map.pgw")));
        JsonNode info = gdalinfo(png);
        if (info != null) {
            JsonNode gt = info.get("geoTransform");
            assertEquals(612_400, gt.get(0).asDouble(), 1e-9);
            assertEquals(3_072_450, gt.get(3).asDouble(), 1e-9);
            assertTrue(info.get("coordinateSystem").get("wkt").asText().contains("4545"));
        }
    }
}
