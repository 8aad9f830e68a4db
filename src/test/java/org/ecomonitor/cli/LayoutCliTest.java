package org.ecomonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code layout grid|coverage|densify|reduce|check|stratified} on the Tongren sample. */
class LayoutCliTest {

    @TempDir
    static Path dir;

    static Path store;
    static Locale before;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void sampleStore() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
        store = dir.resolve("tongren.gpkg");
        String s = store.toString();
        assertEquals(0, CliTest.run("import", "--store", s, "--layer", "admin_areas",
                "samples/tongren/boundaries/tongren_counties.geojson").status());
        assertEquals(0, CliTest.run("import", "--store", s, "--layer", "bijiang_built_up_area",
                "samples/tongren/layers/bijiang_built_up_area.geojson").status());
        CliTest.Run air = CliTest.run("import", "--store", s, "--kind", "air", "samples/tongren/stations/air_stations.csv");
        assertEquals(0, air.status(), air.err());
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(before);
    }

    static JsonNode json(CliTest.Run r) throws Exception {
        assertEquals(0, r.status(), r.err() + r.out());
        return JSON.readTree(r.out());
    }

    @Test
    void hj640GridOfTheBuiltUpAreaToCsvAndStore() throws Exception {
        Path csv = dir.resolve("noise_grid.csv");
        JsonNode j = json(CliTest.run("layout", "grid", "--store", store.toString(), "--layer",
                "bijiang_built_up_area", "--out", csv.toString(), "--save-layer", "noise_grid", "--json"));
        assertEquals("hj640-grid", j.get("method").asText());
        assertEquals("EPSG:4545", j.get("plane").asText());
        assertTrue(j.get("new_points").asInt() > 100);
        assertTrue(j.get("parameters").get("invalid_cells").asInt() > 0);
        assertEquals(j.get("new_points").asInt(), j.get("after").get("points").asInt());
        assertTrue(j.get("after").get("mssd_m2").asDouble() > 0);
        assertTrue(j.get("after").get("max_gap_m").asDouble() > 0);
        assertTrue(j.get("before").get("mssd_m2").isNull());
        assertEquals("noise_grid", j.get("layer").asText());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFid,longitude,latitude,x,y,"));

        CliTest.Run text = CliTest.run("layout", "grid", "--store", store.toString(), "--layer",
                "bijiang_built_up_area", "--cell", "500");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("mssd_m2"), text.out());
        assertTrue(text.out().contains("squares of 500 m are invalid"), text.out());
    }

    @Test
    void airStationsPerCountyAgainstTheTwoPerCountyRule() throws Exception {
        JsonNode j = json(CliTest.run("layout", "check", "--store", store.toString(), "--layer", "admin_areas",
                "--fixed-kind", "air", "--min-per-zone", "2", "--eval-cells", "20000", "--json"));
        assertEquals(10, j.get("zones").size());
        assertTrue(j.get("satisfied").asBoolean(), j.toString());
        assertEquals(23, j.get("metrics").get("points").asInt());
        assertTrue(j.get("metrics").get("max_gap_m").asDouble() > 10_000);
        JsonNode three = json(CliTest.run("layout", "check", "--store", store.toString(), "--layer", "admin_areas",
                "--fixed-kind", "air", "--min-per-zone", "3", "--eval-cells", "5000", "--json",
                "--raster", dir.resolve("gap.asc").toString()));
        assertTrue(!three.get("satisfied").asBoolean());
        assertTrue(Files.readString(dir.resolve("gap.asc")).startsWith("ncols "));
        assertTrue(Files.exists(dir.resolve("gap.prj")));
    }

    @Test
    void coverageOfOneCountyKeepsItsStationsAndWritesKml() throws Exception {
        Path kml = dir.resolve("coverage.kml");
        JsonNode j = json(CliTest.run("layout", "coverage", "--store", store.toString(), "--layer", "admin_areas",
                "--where", "adcode=520602", "--fixed-kind", "air", "--fixed-where", "adcode=520602", "--n", "12",
                "--cells", "10000", "--eval-cells", "10000", "--min-spacing", "1000", "--seed", "3",
                "--out", kml.toString(), "--json"));
        assertEquals("spatial-coverage", j.get("method").asText());
        assertEquals(12, j.get("new_points").asInt());
        int existing = j.get("existing_points").asInt();
        assertTrue(existing >= 2);
        assertEquals(existing + 12, j.get("after").get("points").asInt());
        assertTrue(j.get("after").get("mssd_m2").asDouble() < j.get("before").get("mssd_m2").asDouble());
        assertEquals(existing + 12, j.get("after").get("points_per_zone").get("520602").asInt());
        assertTrue(Files.readString(kml).contains("<Placemark>"));
    }

    @Test
    void densifyAndReduceWithAFittedVariogramFromTheSoilSurvey() throws Exception {
        String soil = "samples/tongren/readings/soil_survey_2024.csv";
        JsonNode d = json(CliTest.run("layout", "densify", "--store", store.toString(), "--layer", "admin_areas",
                "--where", "adcode=520602", "--fixed", soil, "--fixed-where", "行政区划代码=520602",
                "--value", "镉", "--log", "--n", "5", "--eval-cells", "4000", "--search-cells", "800",
                "--candidates", "800", "--iterations", "200", "--json"));
        assertEquals("kriging-variance", d.get("method").asText());
        assertTrue(d.get("parameters").get("variogram").asText().contains("Sph"));
        assertTrue(d.get("after").get("mean_kriging_variance").asDouble()
                < d.get("before").get("mean_kriging_variance").asDouble());

        JsonNode r = json(CliTest.run("layout", "reduce", "--store", store.toString(), "--layer", "admin_areas",
                "--where", "adcode=520602", "--fixed", soil, "--fixed-where", "行政区划代码=520602",
                "--variogram", "0.02 Nug + 0.1 Sph(8000)", "--n", "3", "--eval-cells", "4000", "--json"));
        assertEquals("network-reduction", r.get("method").asText());
        assertEquals(r.get("before").get("points").asInt() - 3, r.get("after").get("points").asInt());
    }

    @Test
    void stratifiedCountyQuotasCoverEveryCounty() throws Exception {
        JsonNode j = json(CliTest.run("layout", "stratified", "--store", store.toString(), "--layer", "admin_areas",
                "--n", "40", "--min-spacing", "2000", "--eval-cells", "20000", "--json"));
        assertEquals("stratified-random", j.get("method").asText());
        assertEquals(40, j.get("new_points").asInt());
        j.get("after").get("points_per_zone").forEach(n -> assertTrue(n.asInt() >= 1));
    }

    @Test
    void exitStatuses() {
        assertEquals(2, CliTest.run("layout").status());
        assertEquals(2, CliTest.run("layout", "coverage", "--n", "5").status(), "no area");
        assertEquals(2, CliTest.run("layout", "coverage", "--store", store.toString(), "--layer", "admin_areas")
                .status(), "no --n");
        CliTest.Run bad = CliTest.run("layout", "densify", "--store", store.toString(), "--layer", "admin_areas",
                "--n", "3", "--variogram", "nonsense");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("cannot be read"), bad.err());
        CliTest.Run where = CliTest.run("layout", "coverage", "--store", store.toString(), "--layer", "admin_areas",
                "--where", "adcode=999999", "--n", "3");
        assertEquals(1, where.status());
        assertTrue(where.err().contains("999999"), where.err());
    }
}
