package org.ecomonitor.io;

import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorFormatsTest {

    @TempDir
    Path dir;
    ProjectStore store;

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir.resolve("t.gpkg"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    ImportReport importFile(Path p, FileSpec spec) {
        return new Importer(store, ImportOptions.defaults(), Progress.NONE).importFile(p, spec);
    }

    static final String COUNTIES = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"520602","properties":{"name":"碧江区"},"geometry":{"type":"Polygon","coordinates":[[[109.0,27.6],[109.4,27.6],[109.4,27.9],[109.0,27.9],[109.0,27.6]]]}},
            {"type":"Feature","id":"520603","properties":{"name":"万山区"},"geometry":{"type":"Polygon","coordinates":[[[109.0,27.4],[109.4,27.4],[109.4,27.6],[109.0,27.6],[109.0,27.4]]]}},
            {"type":"Feature","id":"52060X","properties":{"name":"坏代码"},"geometry":{"type":"Polygon","coordinates":[[[109.0,27.4],[109.1,27.4],[109.1,27.5],[109.0,27.4]]]}}
            ]}""";

    @Test
    void geoJsonCountiesBecomeAdminAreasOnceAndGiveStationsTheirAdcode() throws IOException {
        Path f = dir.resolve("counties.geojson");
        Files.writeString(f, COUNTIES);
        FileSpec spec = new FileSpec(null, "admin_areas", Map.of("adcode", "id"), null, null, Map.of());
        ImportReport r = importFile(f, spec);
        assertEquals(2, r.features());
        assertEquals(1, r.rejectedCount());
        assertEquals("reject.adcode_invalid", r.rejections().get(0).reasonKey());
        assertEquals(3, r.rejections().get(0).line());
        importFile(f, spec);
        assertEquals(2, store.features().info("admin_areas").featureCount(), "re-import replaces by adcode");
        Feature bijiang = store.features().readAll("admin_areas").stream()
                .filter(x -> "520602".equals(x.get("adcode"))).findFirst().orElseThrow();
        assertInstanceOf(MultiPolygon.class, bijiang.geometry());
        assertEquals("碧江区", bijiang.get("name"));

        Path st = dir.resolve("air.csv");
        Files.writeString(st, "code,name,lon,lat\nA1,x,109.2,27.5\n");
        importFile(st, FileSpec.NONE.withKind(StationKind.AIR));
        assertEquals("520603", store.stations().find("A1").orElseThrow().adcode(), "adcode from the containing area");
    }

    @Test
    void kmlPlacemarksWithExtendedDataBecomeALayer() throws IOException {
        Path f = dir.resolve("planned.kml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
                <Placemark><name>P1</name><ExtendedData><Data name="cell"><value>r01c02</value></Data></ExtendedData>
                <Point><coordinates>109.19,27.72,0</coordinates></Point></Placemark>
                <Placemark><name>Area</name><Polygon><outerBoundaryIs><LinearRing><coordinates>109.1,27.7 109.2,27.7 109.2,27.8 109.1,27.7</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
                <Placemark><name>Broken</name><Point><coordinates>abc</coordinates></Point></Placemark>
                </Document></kml>""", StandardCharsets.UTF_8);
        ImportReport r = importFile(f, FileSpec.NONE);
        assertEquals(2, r.features());
        assertEquals(1, r.rejectedCount());
        assertEquals(3, r.rejections().get(0).line());
        List<Feature> fs = store.features().readAll("planned");
        assertEquals("r01c02", fs.get(0).get("cell"));
        assertEquals("GEOMETRY", store.features().info("planned").geometryType());
    }

    @Test
    void aGbkShapefileWithOnlyTheLanguageDriverByteReadsChineseCorrectly() throws IOException {
        Path shp = copyFixture("tongren_stations_gbk");
        ImportReport r = importFile(shp, FileSpec.NONE);
        assertEquals(0, r.rejectedCount(), () -> r.rejections().toString());
        assertEquals(3, r.features());
        List<Feature> fs = store.features().readAll("tongren_stations_gbk");
        assertEquals("铜仁市环境监测站", fs.get(0).get("NAME"));
        assertEquals("松桃苗族自治县", fs.get(2).get("DISTRICT"));
        assertTrue(r.notices().stream().anyMatch(n -> n.key().equals("import.dbf_encoding")));
        Point p = (Point) fs.get(0).geometry();
        assertEquals(109.1916, p.getX(), 1e-9);
    }

    @Test
    void shapefileGeoJsonGeoPackageAndCsvExportsReadBackTheSame() throws IOException {
        Path shp = copyFixture("tongren_stations_gbk");
        importFile(shp, FileSpec.NONE);
        LayerExporter ex = new LayerExporter(store, Progress.NONE);
        Path outDir = dir.resolve("out");
        for (String ext : List.of("shp", "geojson", "gpkg", "csv")) {
            Path target = outDir.resolve("again." + ext);
            assertEquals(3, ex.export("tongren_stations_gbk", target));
            try (ProjectStore other = ProjectStore.create(dir.resolve("back_" + ext + ".gpkg"))) {
                ImportReport r = new Importer(other, ImportOptions.defaults(), Progress.NONE)
                        .importFile(target, new FileSpec(null, "back", Map.of(), null, null, Map.of()));
                assertEquals(0, r.rejectedCount(), ext + ": " + r.rejections());
                LayerInfo info = other.features().info("back");
                assertEquals(3, info.featureCount(), ext);
                List<Feature> fs = other.features().readAll("back");
                assertEquals("铜仁市环境监测站", String.valueOf(fs.get(0).get("NAME")), ext);
                assertEquals(109.1916, ((Point) fs.get(0).geometry()).getX(), 1e-9, ext);
            }
        }
        String csv = Files.readString(outDir.resolve("again.csv"));
        assertTrue(csv.startsWith("\uFEFFlongitude,latitude,NAME"), "Excel-friendly CSV with a BOM");
    }

    @Test
    void readingsExportAsLongCsvInLocalTime() throws IOException {
        Path st = dir.resolve("air.csv");
        Files.writeString(st, "code,name,lon,lat\nA1,x,109.2,27.5\n");
        importFile(st, FileSpec.NONE.withKind(StationKind.AIR));
        Path r = dir.resolve("r.csv");
        Files.writeString(r, "station,parameter,time,value\nA1,PM2.5,2024-01-01 08:00,35\nA1,CO,2024-01-01 08:00,0.8\n");
        importFile(r, FileSpec.NONE);
        Path out = dir.resolve("readings.csv");
        assertEquals(2, new LayerExporter(store, Progress.NONE).export("readings", out));
        List<String> lines = Files.readAllLines(out);
        assertEquals("A1,a34004,2024-01-01 08:00:00,35,N", lines.get(1));
        assertEquals("A1,a21005,2024-01-01 08:00:00,0.8,N", lines.get(2));
    }

    private Path copyFixture(String base) throws IOException {
        for (String ext : List.of("shp", "shx", "dbf")) {
            try (var in = getClass().getResourceAsStream("/formats/" + base + "." + ext)) {
                Files.copy(in, dir.resolve(base + "." + ext));
            }
        }
        return dir.resolve(base + ".shp");
    }
}
