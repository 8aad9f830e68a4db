package org.ecomonitor.gui.analysis;

import org.ecomonitor.io.FileSpec;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A small project for the analysis dialogs, made in the test: a rectangular built-up area around Bijiang
 * (109.15-109.23 E, 27.69-27.75 N), one class-2 acoustic zone covering it, and 120 regional-survey noise points on
 * a 12 x 10 grid inside it with one day and one night reading each. The day level rises linearly from west to
 * east, {@code L = 45 + 15 * column / 11} dB(A) (45 at the western column, 60 at the eastern one); the night
 * level is 10 dB lower. So the day points' mean is 52.5 dB(A): HJ 640 grade 2 (fairly good), from 120 points.
 */
final class AnalysisProject {

    static final double WEST = 109.15, EAST = 109.23, SOUTH = 27.69, NORTH = 27.75;
    static final int COLUMNS = 12, ROWS = 10;

    private AnalysisProject() {
    }

    /** Longitude of a point column. */
    static double lon(int column) {
        return WEST + 0.004 + column * (EAST - WEST - 0.008) / (COLUMNS - 1);
    }

    static double lat(int row) {
        return SOUTH + 0.004 + row * (NORTH - SOUTH - 0.008) / (ROWS - 1);
    }

    static double dayLevel(int column) {
        return 45 + 15.0 * column / (COLUMNS - 1);
    }

    static Path create(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("点位编码,经度,纬度,监测时间,Leq\n");
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                String id = String.format(Locale.ROOT, "G%02d-%02d", r, c);
                String where = String.format(Locale.ROOT, "%.6f,%.6f", lon(c), lat(r));
                csv.append(String.format(Locale.ROOT, "%s,%s,2024-05-14 10:00,%.2f%n", id, where, dayLevel(c)));
                csv.append(String.format(Locale.ROOT, "%s,%s,2024-05-14 23:00,%.2f%n", id, where, dayLevel(c) - 10));
            }
        }
        Path points = dir.resolve("grid.csv");
        Files.writeString(points, csv, StandardCharsets.UTF_8);
        String ring = String.format(Locale.ROOT, "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]", WEST, SOUTH, EAST, SOUTH,
                EAST, NORTH, WEST, NORTH, WEST, SOUTH);
        Path area = dir.resolve("area.geojson");
        Files.writeString(area, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"建成区\",\"adcode\":\"520602\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}]}",
                StandardCharsets.UTF_8);
        Path zones = dir.resolve("zones.geojson");
        Files.writeString(zones, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"zone_class\":\"2\",\"name\":\"商住混合区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}]}",
                StandardCharsets.UTF_8);
        Path store = dir.resolve("analysis.gpkg");
        try (ProjectStore s = ProjectStore.create(store)) {
            Importer importer = new Importer(s, ImportOptions.defaults(), Progress.NONE);
            check(importer.importFile(points, new FileSpec(StationKind.NOISE, null, Map.of(), null, null,
                    Map.of("survey", "regional"))));
            check(importer.importFile(area, new FileSpec(null, "bijiang_built_up_area", Map.of(), null, null, Map.of())));
            check(importer.importFile(zones, new FileSpec(null, "acoustic_zones", Map.of(), null, null, Map.of())));
        }
        return store;
    }

    private static void check(ImportReport r) {
        if (r.rejectedCount() > 0) {
            throw new IllegalStateException("fixture rejected rows: " + r.rejections());
        }
    }
}
