package org.ecomonitor.io;

import org.ecomonitor.io.hj212.Hj212Crc;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Rejection;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Hj212ImportTest {

    @TempDir
    Path dir;

    static String packet(String data) {
        return String.format("##%04d%s%s\r\n", data.getBytes(StandardCharsets.US_ASCII).length, data, Hj212Crc.of(data));
    }

    @Test
    void hourlyPacketsLandByMnAndBadLinesAreRejectedWithTheirLine() throws IOException {
        Path stations = dir.resolve("air.csv");
        Files.writeString(stations, "code,name,lon,lat,mn\nA1,碧江站,109.19,27.72,MN0001\nP1,污水处理厂,109.21,27.74,MN0002\n");
        String good = packet("QN=20250101090000000;ST=22;CN=2061;PW=123456;MN=MN0001;Flag=4;CP=&&DataTime=20250101080000;"
                + "a34004-Avg=35,a34004-Flag=N;a21026-Avg=8,a21026-Flag=C&&");
        String source = packet("QN=20250101090000000;ST=32;CN=2031;PW=123456;MN=MN0002;Flag=4;CP=&&DataTime=20250101000000;"
                + "w01018-Avg=42.5,w01018-Flag=N&&");
        String badCrc = good.replace("a34004-Avg=35", "a34004-Avg=36");
        String unknownMn = packet("QN=20250101090000000;ST=22;CN=2061;PW=123456;MN=NOPE;Flag=4;CP=&&DataTime=20250101080000;"
                + "a34004-Avg=35,a34004-Flag=N&&");
        Path log = dir.resolve("jan.hj212");
        Files.writeString(log, good + badCrc + unknownMn + source, StandardCharsets.US_ASCII);
        try (ProjectStore store = ProjectStore.create(dir.resolve("t.gpkg"))) {
            Importer importer = new Importer(store, ImportOptions.defaults(), Progress.NONE);
            importer.importFile(stations, FileSpec.NONE.withKind(StationKind.AIR));
            store.inTransaction(() -> {
                store.stations().upsert(store.stations().find("P1").map(s -> new org.ecomonitor.model.Station(s.code(), s.name(),
                        StationKind.POLLUTION_SOURCE, s.longitude(), s.latitude(), s.adcode(), s.zone(), s.attributes())).orElseThrow());
                return null;
            });
            ImportReport r = new Importer(store, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(log));
            assertEquals(3, r.readingsInserted());
            List<Rejection> rej = r.rejections();
            assertEquals(2, rej.size(), rej::toString);
            assertEquals(2, rej.get(0).line());
            assertEquals("hj212.reject.crcMismatch", rej.get(0).reasonKey());
            assertEquals(new Rejection("jan.hj212", 3, "MN", "reject.unknown_station", List.of("NOPE")), rej.get(1));
            ReadingSeries pm = store.readings().series("A1", "a34004");
            long eightBeijing = LocalDateTime.of(2025, 1, 1, 8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
            assertEquals(eightBeijing, pm.instants()[0]);
            assertEquals(35.0, pm.values()[0]);
            assertEquals(Flag.C, store.readings().series("A1", "a21026").flags()[0]);
            assertEquals(42.5, store.readings().series("P1", "src_cod").values()[0], "w01018 at a pollution source is effluent COD");
        }
    }
}
