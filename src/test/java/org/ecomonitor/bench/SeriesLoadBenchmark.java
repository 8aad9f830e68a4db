package org.ecomonitor.bench;

import org.ecomonitor.model.Flag;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.ReadingTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 2's fast path: one station's 10-year hourly series (87,600 readings) out of a store of 20 stations x 6
 * parameters x 10 years (10.5 million readings, the shape of a city network), cold (first query after opening)
 * and warm. Run: {@code mvn -Pbenchmark verify -Dtest=SeriesLoadBenchmark}.
 */
@Tag("benchmark")
class SeriesLoadBenchmark {

    @Test
    void tenYearHourlySeries() throws Exception {
        Path file = Files.createTempDirectory("ecomonitor-series").resolve("s.gpkg");
        int stations = 20;
        int hours = 87_600;
        long t0 = System.nanoTime();
        try (ProjectStore store = ProjectStore.create(file)) {
            store.inTransaction(() -> {
                for (int s = 0; s < stations; s++) {
                    store.stations().upsert(new Station("S" + s, "S" + s, StationKind.AIR, 109 + s * 0.01, 27.7, null, null, Map.of()));
                }
                Map<String, Long> ids = store.stations().idsByCode();
                Map<String, Long> params = store.parameters().idsByCode();
                long[] p = {params.get("a34004"), params.get("a34002"), params.get("a21026"), params.get("a21004"),
                        params.get("a21005"), params.get("a05024")};
                try (ReadingTable.Writer w = store.readings().writer(store.importLog().begin("bench", "bench", "bench"))) {
                    for (int s = 0; s < stations; s++) {
                        long sid = ids.get("S" + s);
                        for (int h = 0; h < hours; h++) {
                            for (long pid : p) {
                                w.add(sid, pid, 1_262_275_200_000L + h * 3_600_000L, (h * 7 + pid) % 120, Flag.N);
                            }
                        }
                    }
                    w.finish();
                }
                return null;
            });
        }
        System.out.printf("built a store of %,d readings in %.1f s%n", (long) stations * hours * 6, (System.nanoTime() - t0) / 1e9);
        try (ProjectStore store = ProjectStore.open(file)) {
            long c0 = System.nanoTime();
            ReadingSeries cold = store.readings().series("S7", "a21026");
            double coldMs = (System.nanoTime() - c0) / 1e6;
            assertEquals(hours, cold.size());
            double[] warm = new double[20];
            for (int i = 0; i < warm.length; i++) {
                long w0 = System.nanoTime();
                ReadingSeries s = store.readings().series("S" + (i % stations), "a34004");
                warm[i] = (System.nanoTime() - w0) / 1e6;
                assertEquals(hours, s.size());
            }
            Arrays.sort(warm);
            System.out.printf("10-year hourly series (87,600 readings): first query %.1f ms, then median %.1f ms, max %.1f ms%n",
                    coldMs, warm[warm.length / 2], warm[warm.length - 1]);
        }
    }
}
