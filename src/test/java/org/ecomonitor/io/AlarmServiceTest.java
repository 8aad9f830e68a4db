package org.ecomonitor.io;

import org.ecomonitor.analysis.alarm.AlarmRule;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmServiceTest {

    @TempDir
    Path dir;

    @Test
    void anImportRaisesAlarmsOnceAndTheyCanBeAcknowledged() throws IOException {
        Path st = dir.resolve("st.csv");
        Files.writeString(st, "code,name,lon,lat\nA1,a,109.19,27.72\n");
        StringBuilder csv = new StringBuilder("station,parameter,time,value\n");
        for (int h = 0; h < 10; h++) {
            // SO2 1-hour limit (HJ 633 IAQI 100 breakpoint) is 500 µg/m3: four hours above it
            csv.append("A1,SO2,2024-01-01 ").append(String.format("%02d", h)).append(":00,").append(h >= 2 && h < 6 ? 650 : 20).append('\n');
        }
        Path r = dir.resolve("r.csv");
        Files.writeString(r, csv);
        try (ProjectStore store = ProjectStore.create(dir.resolve("t.gpkg"))) {
            Importer im = new Importer(store, ImportOptions.defaults(), Progress.NONE);
            im.importFile(st, FileSpec.NONE.withKind(StationKind.AIR));
            ImportReport first = im.importPaths(List.of(r));
            assertEquals(1, first.alarms().size(), first.alarms().toString());
            assertEquals("air-limit-a21026", first.alarms().get(0).ruleId());
            assertEquals(650.0, first.alarms().get(0).value());
            ImportReport again = im.importPaths(List.of(r));
            assertEquals(0, again.alarms().size(), "the same readings raise nothing new");
            assertEquals(1, store.alarms().count());
            long id = store.alarms().list(true, null, 10).get(0).id();
            assertTrue(store.alarms().acknowledge(id, "分析员", "校准后复测正常"));
            assertEquals(0, store.alarms().list(true, null, 10).size());
            assertEquals("校准后复测正常", store.alarms().list(false, null, 10).get(0).comment());
        }
    }

    @Test
    void projectRulesReplaceTheDefaultsAndSurviveAsJson() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("t.gpkg"))) {
            AlarmService s = new AlarmService(store);
            assertTrue(s.rules().size() > 10, "defaults");
            List<AlarmRule> mine = List.of(AlarmRule.limit("pm25-strict", "a34004", 50, "本地预警").forStationKind(StationKind.AIR));
            s.saveRules(mine);
            assertEquals(mine, s.rules());
            assertEquals(mine, AlarmService.fromJson(AlarmService.toJson(mine)));
        }
    }
}
