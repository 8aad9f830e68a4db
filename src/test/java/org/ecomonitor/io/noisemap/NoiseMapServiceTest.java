package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.interpolation.InterpolationWarning;
import org.ecomonitor.analysis.noisemap.InterpolationSettings;
import org.ecomonitor.analysis.noisemap.ZoneExceedance;
import org.ecomonitor.analysis.standards.NoiseGrade;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.FileSpec;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.CancelledException;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on a hand-made project: four regional grid points (A with two day readings, 60 and 70 dB, and two
 * night readings, 44 dB at 23:00 and 40 dB at 02:00 the next morning; B, C, D with one day and one night reading)
 * and one road-traffic point that must stay out, plus one class-1 acoustic zone around them and one zone with an
 * invalid class. Expected values by hand:
 * <ul>
 * <li>A by day: 10 log10((10^6 + 10^7) / 2) = 67.40363 dB; by night 10 log10((10^4.4 + 10^4) / 2) = 42.44510 dB;</li>
 * <li>HJ 640 day: (67.40363 + 62 + 63 + 61) / 4 = 63.35 -> 63.4 dB, grade 4 (60.1-65.0, fairly poor);</li>
 * <li>HJ 640 night: (42.44510 + 41 + 43 + 42) / 4 = 42.11 -> 42.1 dB, grade 2 (40.1-45.0, fairly good);</li>
 * <li>IDW maps lie between the smallest and the largest point value, so by day (61 to 67.4 dB) all of the class-1
 * zone is over 55 dB (share 1) and by night (41 to 43 dB) none of it is over 45 dB (share 0).</li>
 * </ul>
 */
class NoiseMapServiceTest {

    @TempDir
    static Path dir;

    private static ProjectStore store;
    private final NoiseMapService service = new NoiseMapService();

    @BeforeAll
    static void project() throws IOException {
        Path grid = dir.resolve("grid.csv");
        Files.writeString(grid, """
                点位编码,经度,纬度,监测时间,Leq
                A,109.180,27.710,2024-05-14 10:00,60
                A,109.180,27.710,2024-05-14 14:00,70
                A,109.180,27.710,2024-05-14 23:00,44
                A,109.180,27.710,2024-05-15 02:00,40
                B,109.200,27.710,2024-05-14 10:00,62
                B,109.200,27.710,2024-05-14 23:00,41
                C,109.180,27.730,2024-05-14 10:00,63
                C,109.180,27.730,2024-05-14 23:00,43
                D,109.200,27.730,2024-05-14 10:00,61
                D,109.200,27.730,2024-05-14 23:00,42
                """);
        Path road = dir.resolve("road.csv");
        Files.writeString(road, """
                点位编码,经度,纬度,监测时间,Leq
                R,109.190,27.720,2024-05-14 10:00,75
                R,109.190,27.720,2024-05-14 23:00,68
                """);
        Path zones = dir.resolve("zones.geojson");
        Files.writeString(zones, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"zone_class":"1","name":"居住区"},"geometry":{"type":"Polygon",
                 "coordinates":[[[109.175,27.705],[109.205,27.705],[109.205,27.735],[109.175,27.735],[109.175,27.705]]]}},
                {"type":"Feature","properties":{"zone_class":"9","name":"错误"},"geometry":{"type":"Polygon",
                 "coordinates":[[[109.3,27.8],[109.31,27.8],[109.31,27.81],[109.3,27.8]]]}}
                ]}
                """);
        store = ProjectStore.create(dir.resolve("p.gpkg"));
        Importer importer = new Importer(store, ImportOptions.defaults(), Progress.NONE);
        importer.importFile(grid, new FileSpec(StationKind.NOISE, null, Map.of(), null, null, Map.of("survey", "regional")));
        importer.importFile(road, new FileSpec(StationKind.NOISE, null, Map.of(), null, null, Map.of("survey", "road_traffic")));
        importer.importFile(zones, new FileSpec(null, "acoustic_zones", Map.of(), null, null, Map.of()));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private NoiseMapRequest request(ReadingPeriod period) {
        return NoiseMapRequest.defaults()
                .withSelection(StationSelection.regionalNoise(period))
                .withInterpolation(InterpolationSettings.defaults().withMethod(InterpolationSettings.Method.IDW))
                .withCellSize(100);
    }

    @Test
    void dayMapEnergyAveragesEachPointGradesAndEvaluatesTheZones() {
        NoiseMapResult r = service.run(store, request(ReadingPeriod.DAY), Progress.NONE);
        assertEquals(4, r.points().size(), "the road-traffic point stays out");
        MapPoint a = r.points().points().stream().filter(p -> p.id().equals("A")).findFirst().orElseThrow();
        assertEquals(67.40363, a.value(), 1e-5);
        assertEquals(2, a.readings());
        assertEquals(4545, r.crs());
        assertEquals(63.4, r.grade().mean(), 1e-9);
        assertEquals(NoiseGrade.FAIRLY_POOR, r.grade().grade());
        assertEquals(4, r.grade().points());
        assertFalse(r.grade().enoughPoints());
        assertTrue(keys(r.warnings()).contains("noisemap.gradeFewPoints"));
        assertTrue(keys(r.warnings()).contains("noisemap.zoneClassUnknown"));

        assertEquals(1, r.zoneShares().size());
        ZoneExceedance.Share s = r.zoneShares().get(0);
        assertEquals("居住区", s.name());
        assertEquals("1", s.zone().code());
        assertEquals(55, s.limit());
        assertEquals(1.0, s.share(), 1e-12);
        assertTrue(s.coverage() > 0.3 && s.coverage() <= 1, "coverage " + s.coverage());

        assertTrue(r.validCells() > 0);
        for (double v : r.grid().values()) {
            assertTrue(Double.isNaN(v) || (v >= 61 - 1e-9 && v <= 67.40364), "IDW stays within the points: " + v);
        }
        assertEquals(r.classes().bands().size(), r.bands().size());
    }

    @Test
    void nightMapTakesReadingsAfterMidnightIntoTheNight() {
        NoiseMapResult r = service.run(store, request(ReadingPeriod.NIGHT), Progress.NONE);
        MapPoint a = r.points().points().stream().filter(p -> p.id().equals("A")).findFirst().orElseThrow();
        assertEquals(42.44510, a.value(), 1e-5);
        assertEquals(42.1, r.grade().mean(), 1e-9);
        assertEquals(NoiseGrade.FAIRLY_GOOD, r.grade().grade());
        assertEquals(45, r.zoneShares().get(0).limit());
        assertEquals(0.0, r.zoneShares().get(0).share(), 1e-12);
    }

    @Test
    void clipToAStoreLayerLeavesCellsOutsideEmpty() {
        NoiseMapResult r = service.run(store, request(ReadingPeriod.DAY)
                .withClip(LayerSource.storeLayer("acoustic_zones")), Progress.NONE);
        NoiseMapResult all = service.run(store, request(ReadingPeriod.DAY), Progress.NONE);
        assertTrue(r.validCells() < all.validCells() || r.gridSpec().cellCount() != all.gridSpec().cellCount());
        assertTrue(r.validCells() > 0);
    }

    @Test
    void badSelectionsSayWhatIsWrong() {
        UserException e = assertThrows(UserException.class, () -> service.run(store, request(ReadingPeriod.DAY)
                .withSelection(StationSelection.regionalNoise(ReadingPeriod.DAY).withSurvey("traffic")), Progress.NONE));
        assertEquals("noisemap.noSurveyStations", e.key());
        assertTrue(e.getMessage(java.util.Locale.ENGLISH).contains("regional, road_traffic"), e.getMessage());

        e = assertThrows(UserException.class, () -> service.run(store, request(ReadingPeriod.DAY)
                .withSelection(StationSelection.regionalNoise(ReadingPeriod.DAY)
                        .withDates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))), Progress.NONE));
        assertEquals("noisemap.noReadings", e.key());

        e = assertThrows(UserException.class, () -> service.points(store,
                new StationSelection(StationKind.NOISE, "no_such", null, ReadingPeriod.DAY, null, null), null,
                Progress.NONE));
        assertEquals("noisemap.parameterUnknown", e.key());

        e = assertThrows(UserException.class, () -> service.points(store,
                StationSelection.of(StationKind.SOIL, "soil_hg"), null, Progress.NONE));
        assertEquals("noisemap.noStations", e.key());

        e = assertThrows(UserException.class, () -> service.run(store, request(ReadingPeriod.DAY)
                .withClip(LayerSource.storeLayer("no_such_layer")), Progress.NONE));
        assertEquals("layer.unknown", e.key());

        e = assertThrows(UserException.class, () -> service.run(store, request(ReadingPeriod.DAY)
                .withZones(LayerSource.storeLayer("acoustic_zones"), "class"), Progress.NONE));
        assertEquals("noisemap.zoneColumnMissing", e.key());

        e = assertThrows(UserException.class, () -> service.run(store, request(ReadingPeriod.DAY)
                .withInterpolation(InterpolationSettings.defaults()), Progress.NONE));
        assertTrue(e.key().startsWith("interpolation."), "four points are too few to fit a variogram: " + e.key());
    }

    @Test
    void cancellingStopsTheWork() {
        Progress cancelled = new Progress() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void update(long done) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> service.run(store, request(ReadingPeriod.DAY), cancelled));
    }

    @Test
    void savedMapsAreLayersOfTheStoreListedInTheCatalogue() throws Exception {
        NoiseMapResult r = service.run(store, request(ReadingPeriod.DAY), Progress.NONE);
        NoiseMapStore.Saved saved = NoiseMapStore.save(store, r, "Day map", true, Progress.NONE);
        assertEquals("day_map_bands", saved.bandsTable());
        assertEquals(dir.resolve("p_day_map.tif"), saved.raster());
        assertTrue(Files.isRegularFile(saved.raster()));
        assertEquals(4490, store.features().srsOf(saved.bandsTable()));
        var bands = store.features().readAll(saved.bandsTable());
        assertFalse(bands.isEmpty());
        for (var f : bands) {
            assertTrue(f.getString("colour").matches("#[0-9A-F]{6}"));
            assertTrue(f.geometry().isValid());
        }
        assertEquals(r.lines().stream().filter(l -> !l.geometry().isEmpty()).count(),
                store.features().info(saved.linesTable()).featureCount());

        NoiseMapStore.save(store, r, "Day map", false, Progress.NONE);
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), max(raster), max(hj640_grade), max(period) FROM noise_maps")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "saving again replaces");
            assertEquals(null, rs.getString(2));
            assertEquals(4, rs.getInt(3));
            assertEquals("day", rs.getString(4));
        }
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT zone_name, zone_class, limit_dba, share_over FROM day_map_zone_shares")) {
            assertTrue(rs.next());
            assertEquals("居住区", rs.getString(1));
            assertEquals(55, rs.getDouble(3));
            assertEquals(1.0, rs.getDouble(4), 1e-12);
        }
    }

    private static List<String> keys(List<InterpolationWarning> warnings) {
        return warnings.stream().map(InterpolationWarning::key).toList();
    }
}
