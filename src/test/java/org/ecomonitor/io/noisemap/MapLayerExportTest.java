package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.noisemap.FittedInterpolation;
import org.ecomonitor.analysis.noisemap.InterpolationSettings;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.geo.GeometryTransform;
import org.ecomonitor.io.FileSpec;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The band and line layers of a map written to GeoPackage, GeoJSON and Shapefile and imported again through the
 * importer into a project store: the same bands with the same classes and colours, and the same areas once the
 * stored CGCS2000 geometries are projected back to the working plane.
 */
class MapLayerExportTest {

    @TempDir
    static Path dir;

    private static NoiseMapResult result;
    private static ProjectStore store;

    @BeforeAll
    static void map() throws IOException {
        // 25 points on a 5 x 5 grid of 400 m in EPSG:4545 near Tongren, levels from 47 to 71 dB
        StringBuilder csv = new StringBuilder("id,x,y,leq\n");
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double level = 47 + 3 * i + 2.5 * j + (i * j % 3);
                csv.append("P").append(i).append(j).append(',').append(616_000 + 400 * i).append(',')
                        .append(3_067_000 + 400 * j).append(',').append(level).append('\n');
            }
        }
        Path points = dir.resolve("points.csv");
        Files.writeString(points, csv);
        NoiseMapService service = new NoiseMapService();
        MapPoints mp = service.points(PointTable.read(points, "x", "y", "leq", "id"), 4545, true, NoisePeriod.DAY,
                null);
        InterpolationSettings idw = InterpolationSettings.defaults().withMethod(InterpolationSettings.Method.IDW);
        FittedInterpolation fit = service.fit(mp, idw, Progress.NONE);
        result = service.map(mp, fit, NoiseMapRequest.defaults().withInterpolation(idw).withCellSize(40), null,
                Progress.NONE);
        store = ProjectStore.create(dir.resolve("reimport.gpkg"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpkg", "geojson", "shp"})
    void bandsComeBackWithTheirClassesColoursAndAreas(String format) {
        Path file = dir.resolve("bands." + format);
        int written = NoiseMapExport.bands(result, file);
        MapLayer expected = MapLayer.bands(result, NoiseMapExport.BANDS);
        assertEquals(expected.features().size(), written);
        assertTrue(written >= 5, "bands from 45 to 75 dB: " + written);

        String layer = "bands_" + format;
        ImportReport report = new Importer(store, ImportOptions.defaults(), Progress.NONE)
                .importFile(file, new FileSpec(null, layer, Map.of(), null, null, Map.of()));
        assertEquals(0, report.rejectedCount(), report.rejections().toString());
        List<Feature> back = store.features().readAll(layer);
        assertEquals(written, back.size());

        Map<Long, Feature> byBand = new HashMap<>();
        for (Feature f : back) {
            byBand.put(((Number) f.get("band")).longValue(), f);
        }
        GeometryTransform toPlane = GeometryTransform.between(4490, 4545);
        for (Feature e : expected.features()) {
            long band = (Long) e.get("band");
            Feature f = byBand.get(band);
            assertEquals(e.get("colour"), f.getString("colour"), "colour of band " + band);
            assertEquals(e.get("label"), f.getString("label"));
            assertEquals(e.get("colour_nm"), f.getString("colour_nm"));
            if (e.get("lower") == null) {
                assertNull(f.get("lower"));
            } else {
                assertEquals((Double) e.get("lower"), ((Number) f.get("lower")).doubleValue(), 1e-12);
            }
            double area = (Double) e.get("area_m2");
            assertEquals(area, ((Number) f.get("area_m2")).doubleValue(), 1e-6 * area);
            double reprojected = toPlane.apply(f.geometry()).getArea();
            assertEquals(area, reprojected, 1e-5 * area, "area of band " + band + " after the round trip");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpkg", "geojson", "shp"})
    void linesComeBackWithTheirLevels(String format) {
        Path file = dir.resolve("lines." + format);
        int written = NoiseMapExport.lines(result, file);
        String layer = "lines_" + format;
        new Importer(store, ImportOptions.defaults(), Progress.NONE)
                .importFile(file, new FileSpec(null, layer, Map.of(), null, null, Map.of()));
        List<Feature> back = store.features().readAll(layer);
        assertEquals(written, back.size());
        assertEquals(MapLayer.lines(result, "x").features().stream().map(f -> (Double) f.get("level")).toList(),
                back.stream().map(f -> ((Number) f.get("level")).doubleValue()).toList());
    }

    @Test
    void layersForAMapViewInLongitudeLatitude() {
        MapLayer plane = MapLayer.bands(result, "b");
        MapLayer lonLat = plane.transformedTo(4490);
        assertEquals(4490, lonLat.crs());
        assertEquals(plane.features().size(), lonLat.features().size());
        var env = lonLat.features().get(0).geometry().getEnvelopeInternal();
        assertTrue(env.getMinX() > 109 && env.getMaxX() < 109.3 && env.getMinY() > 27.6 && env.getMaxY() < 27.8,
                env.toString());
        assertEquals(plane, plane.transformedTo(4545));
    }

    @Test
    void bandsAndLinesShareOneGeoPackage() {
        Path file = dir.resolve("both.gpkg");
        NoiseMapExport.bandsAndLines(result, file);
        ImportReport report = new Importer(store, ImportOptions.defaults(), Progress.NONE)
                .importFile(file, FileSpec.NONE);
        assertEquals(0, report.rejectedCount());
        assertTrue(store.features().exists(NoiseMapExport.BANDS));
        assertTrue(store.features().exists(NoiseMapExport.LINES));
    }
}
