package org.ecomonitor.gui;

import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small project made in the test (never the 3.6-million-reading sample): a county polygon, a river, four
 * stations of three kinds around Bijiang, and a few PM2.5 readings, one of them flagged C (calibration).
 * Imported through the Importer, as a user's files would be.
 */
final class SmallProject {

    static final double[] A1 = {109.191, 27.718};
    static final double[] A2 = {109.150, 27.690};
    static final double[] W1 = {109.230, 27.740};
    static final double[] P1 = {109.120, 27.760};
    static final double[] BBOX = {109.08, 27.64, 109.28, 27.80};

    private SmallProject() {
    }

    /** Writes the input files into {@code folder}. */
    static Path writeFiles(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("manifest.json"), """
                { "files": [
                  { "path": "county.geojson", "layer": "admin_areas" },
                  { "path": "river.geojson", "layer": "rivers" },
                  { "path": "stations.csv" },
                  { "path": "readings.csv" }
                ] }
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("county.geojson"), """
                { "type": "FeatureCollection", "features": [ { "type": "Feature",
                  "properties": { "adcode": "520602", "name": "碧江区" },
                  "geometry": { "type": "Polygon", "coordinates": [[[109.05,27.62],[109.30,27.62],[109.30,27.82],[109.05,27.82],[109.05,27.62]]] } } ] }
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("river.geojson"), """
                { "type": "FeatureCollection", "features": [ { "type": "Feature",
                  "properties": { "name": "锦江", "name_en": "Jinjiang" },
                  "geometry": { "type": "LineString", "coordinates": [[109.06,27.66],[109.16,27.70],[109.27,27.79]] } } ] }
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("stations.csv"), """
                code,name,longitude,latitude,kind,level
                TST-A1,碧江环境监测站,109.191,27.718,air,国控
                TST-A2,铜仁学院站,109.150,27.690,air,省控
                TST-W1,锦江断面,109.230,27.740,surface_water,国控
                TST-P1,示例污染源,109.120,27.760,pollution_source,
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("readings.csv"), """
                站点编码,监测项目,监测时间,浓度,数据标识
                TST-A1,PM2.5,2025-01-01 01:00,35,N
                TST-A1,PM2.5,2025-01-01 02:00,41,C
                TST-A1,SO2,2025-01-01 02:00,8,N
                TST-A2,PM2.5,2025-01-01 02:00,22,N
                """, StandardCharsets.UTF_8);
        return folder;
    }

    /** Creates the store {@code file} from the files. */
    static Path create(Path dir) throws IOException {
        Path files = writeFiles(dir.resolve("input"));
        Path store = dir.resolve("small.gpkg");
        try (ProjectStore s = ProjectStore.create(store)) {
            ImportReport r = new Importer(s, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(files));
            if (r.rejectedCount() > 0) {
                throw new IllegalStateException("fixture rejected rows: " + r.rejections());
            }
        }
        return store;
    }
}
