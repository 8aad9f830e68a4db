package org.ecomonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.TiffReader;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.FileSpec;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The noise map of the sample project's Bijiang grid, end to end from the command line: the regional-noise grid
 * CSV, the acoustic functional zones and the built-up area of samples/tongren imported into a new store (nothing
 * else, to stay fast), then day and night maps clipped to the built-up area, graded (HJ 640-2012), evaluated per
 * zone (GB 3096-2008), exported and saved into the store. The expected grades come from the CSV itself.
 */
class NoiseMapSampleTest {

    @TempDir
    static Path dir;

    static Path store;
    static Locale before;
    static final Path SAMPLE = Path.of("samples/tongren");
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void importSample() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        store = dir.resolve("bijiang.gpkg");
        try (ProjectStore s = ProjectStore.create(store)) {
            Importer importer = new Importer(s, ImportOptions.defaults(), Progress.NONE);
            importer.importFile(SAMPLE.resolve("readings/noise_regional_grid_2024.csv"),
                    new FileSpec(StationKind.NOISE, null, Map.of(), null, null, Map.of("survey", "regional")));
            importer.importFile(SAMPLE.resolve("layers/bijiang_acoustic_zones.geojson"),
                    new FileSpec(null, "acoustic_zones", Map.of(), null, null, Map.of()));
            importer.importFile(SAMPLE.resolve("layers/bijiang_built_up_area.geojson"),
                    new FileSpec(null, "bijiang_built_up_area", Map.of(), null, null, Map.of()));
        }
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(before);
    }

    /** HJ 640: the arithmetic mean of the grid points' Leq at this local time, rounded to 0.1 dB. */
    static double meanOfCsv(String time) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE.resolve("readings/noise_regional_grid_2024.csv"),
                StandardCharsets.UTF_8);
        double sum = 0;
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[6].endsWith(time)) {
                sum += Double.parseDouble(f[7]);
                n++;
            }
        }
        assertEquals(280, n);
        return BigDecimal.valueOf(sum / n).setScale(1, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** HJ 640-2012 regional grades: at most 50/55/60/65 dB by day, 40/45/50/55 by night; above is grade 5. */
    static int grade(double mean, boolean day) {
        double[] max = day ? new double[]{50, 55, 60, 65} : new double[]{40, 45, 50, 55};
        for (int i = 0; i < max.length; i++) {
            if (mean <= max[i]) {
                return i + 1;
            }
        }
        return 5;
    }

    @Test
    void dayMapIsGradedEvaluatedExportedAndSaved() throws Exception {
        Path tif = dir.resolve("day.tif");
        CliTest.Run run = CliTest.run("interpolate", "--store", store.toString(), "--period", "day",
                "--grid-cell", "100", "--clip", "bijiang_built_up_area", "--out", tif.toString(),
                "--out", dir.resolve("day.png").toString(), "--variance", dir.resolve("day_var.tif").toString(),
                "--bands", dir.resolve("day.gpkg").toString(), "--contours", dir.resolve("day.gpkg").toString(),
                "--variogram-report", dir.resolve("day_variogram.csv").toString(),
                "--save", "--save-raster", "--cv", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode j = JSON.readTree(run.out());
        assertEquals(280, j.get("points").asInt());
        assertEquals("EPSG:4545", j.get("crs").asText());
        assertEquals("day", j.get("period").asText());
        assertTrue(j.get("method").asText().startsWith("OK "), j.get("method").asText());
        assertTrue(j.get("model").get("fitted").asBoolean());
        assertTrue(j.get("cross_validation").get("rmse").asDouble() < 5, "CV RMSE in dB");

        double mean = meanOfCsv("10:00");
        assertEquals(mean, j.get("hj640").get("mean").asDouble(), 1e-9);
        assertEquals(grade(mean, true), j.get("hj640").get("grade").asInt());
        assertTrue(j.get("hj640").get("enough_points").asBoolean());

        JsonNode zones = j.get("gb3096");
        assertEquals(4, zones.size());
        Set<String> classes = new HashSet<>();
        for (JsonNode z : zones) {
            classes.add(z.get("class").asText());
            double share = z.get("share_over").asDouble();
            assertTrue(share >= 0 && share <= 1, z.toString());
            assertTrue(z.get("mapped_area_m2").asDouble() > 0.9 * z.get("zone_area_m2").asDouble(), z.toString());
            assertTrue(z.get("area_over_m2").asDouble() <= z.get("mapped_area_m2").asDouble() + 1e-6);
        }
        assertEquals(Set.of("1", "2", "3", "4a"), classes);
        for (JsonNode w : j.get("warnings")) {
            assertFalse(w.get("key").asText().startsWith("noisemap.survey"), w.toString());
        }

        // the GeoTIFF's georeferencing is the grid's
        JsonNode g = j.get("grid");
        double minX = g.get("extent").get(0).asDouble();
        double maxY = g.get("extent").get(3).asDouble();
        FileDirectory d = TiffReader.readTiff(tif.toFile()).getFileDirectory();
        assertEquals(g.get("ncols").asInt(), d.getImageWidth().intValue());
        assertEquals(g.get("nrows").asInt(), d.getImageHeight().intValue());
        assertEquals(List.of(0.0, 0.0, 0.0, minX, maxY, 0.0), d.getModelTiepoint());
        assertEquals(List.of(100.0, 100.0, 0.0), d.getModelPixelScale());
        JsonNode info = gdalinfo(tif);
        if (info != null) {
            assertEquals(minX, info.get("geoTransform").get(0).asDouble(), 1e-6);
            assertEquals(maxY, info.get("geoTransform").get(3).asDouble(), 1e-6);
            assertTrue(info.get("coordinateSystem").get("wkt").asText().contains("ID[\"EPSG\",4545]"));
            // the Gauss-Krüger corners lie around Bijiang (109.1-109.3 E, 27.6-27.8 N)
            JsonNode box = info.get("wgs84Extent").get("coordinates").get(0).get(0);
            assertEquals(109.2, box.get(0).asDouble(), 0.1);
            assertEquals(27.72, box.get(1).asDouble(), 0.1);
        }
        assertTrue(Files.isRegularFile(dir.resolve("day.pgw")));
        assertTrue(Files.readString(dir.resolve("day_variogram.csv")).startsWith("np,dist,gamma,model_gamma,model\n"));

        try (ProjectStore s = ProjectStore.open(store)) {
            assertTrue(s.features().info("noise_map_day_bands").featureCount() >= 2);
            assertTrue(s.features().info("noise_map_day_lines").featureCount() >= 1);
            try (Statement st = s.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT raster, hj640_grade, points FROM noise_maps WHERE name = 'noise_map_day'")) {
                assertTrue(rs.next());
                assertTrue(Files.isRegularFile(dir.resolve(rs.getString(1))), rs.getString(1));
                assertEquals(grade(mean, true), rs.getInt(2));
                assertEquals(280, rs.getInt(3));
            }
        }
    }

    @Test
    void nightMapByEnergeticIdw() throws Exception {
        CliTest.Run run = CliTest.run("interpolate", "--store", store.toString(), "--period", "night",
                "--method", "idw", "--energetic", "--nmax", "12", "--grid-cell", "100",
                "--clip", "bijiang_built_up_area", "--bands", dir.resolve("night_bands.shp").toString(), "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode j = JSON.readTree(run.out());
        double mean = meanOfCsv("23:00");
        assertEquals(mean, j.get("hj640").get("mean").asDouble(), 1e-9);
        assertEquals(grade(mean, false), j.get("hj640").get("grade").asInt());
        assertEquals(4, j.get("gb3096").size());
        for (JsonNode z : j.get("gb3096")) {
            assertEquals(Map.of("1", 45.0, "2", 50.0, "3", 55.0, "4a", 55.0).get(z.get("class").asText()),
                    z.get("limit").asDouble());
        }
        assertTrue(Files.isRegularFile(dir.resolve("night_bands.prj")));
        assertTrue(Files.isRegularFile(dir.resolve("night_bands.dbf")));
    }

    @Test
    void textOutputNamesGradeAndZones() {
        CliTest.Run run = CliTest.run("interpolate", "--store", store.toString(), "--period", "night",
                "--method", "idw", "--grid-cell", "200", "--clip", "bijiang_built_up_area",
                "--out", dir.resolve("night.asc").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("280 points of leq (night), working CRS EPSG:4545"), run.out());
        assertTrue(run.out().contains("HJ 640-2012 regional grade (night): mean "), run.out());
        assertTrue(run.out().contains("老城区商住混合区 (class 2, limit 50 dB(A)): "), run.out());
    }

    static JsonNode gdalinfo(Path file) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("gdalinfo", "-json", file.toString()).start();
        } catch (IOException e) {
            return null;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return JSON.readTree(out);
    }
}
