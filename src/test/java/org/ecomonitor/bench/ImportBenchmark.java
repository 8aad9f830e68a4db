package org.ecomonitor.bench;

import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 2's import benchmark: a generated long CSV of about one million readings (23 stations x 6 parameters x
 * 7,300 hours) imported into a fresh store, side by side with the sqlite3 shell's {@code .import} of the same file
 * into a table with the same unique key (the speed of light). Run: {@code mvn -Pbenchmark verify -Dtest=ImportBenchmark}.
 */
@Tag("benchmark")
class ImportBenchmark {

    static final String[] PARAMS = {"PM2.5", "PM10", "SO2", "NO2", "CO", "O3"};

    @Test
    void longCsvOfOneMillionReadings() throws Exception {
        Path dir = Files.createTempDirectory("ecomonitor-bench");
        Path csv = dir.resolve("readings_1m.csv");
        int stations = 23;
        int hours = 7_300;
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime t0 = LocalDateTime.of(2022, 1, 1, 0, 0);
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("station,parameter,time,value,flag\n");
            for (int s = 0; s < stations; s++) {
                for (int h = 0; h < hours; h++) {
                    String time = f.format(t0.plusHours(h));
                    for (int p = 0; p < PARAMS.length; p++) {
                        w.write("S" + s + "," + PARAMS[p] + "," + time + "," + ((h * 7 + p * 13 + s) % 150 + 1) + ",N\n");
                    }
                }
            }
        }
        long rows = (long) stations * hours * PARAMS.length;
        System.out.printf("file: %s, %,d rows, %.1f MB%n", csv, rows, Files.size(csv) / 1e6);

        // three rounds, alternating: the sqlite3 shell (the same file into a table with the same unique key), then
        // EcoMonitor into a fresh store with the stations; medians compared (a shared machine is noisy)
        int rounds = 3;
        double[] shell = new double[rounds];
        double[] ours = new double[rounds];
        double[] alarms = new double[rounds];
        long heap = 0;
        for (int round = 0; round < rounds; round++) {
            Path sdb = dir.resolve("sqlite3_" + round + ".db");
            shell[round] = Double.NaN;
            try {
                long s0 = System.nanoTime();
                Process p = new ProcessBuilder("sqlite3", sdb.toString(), "PRAGMA synchronous=NORMAL;",
                        "CREATE TABLE readings(station TEXT, parameter TEXT, time TEXT, value REAL, flag TEXT, UNIQUE(station, parameter, time));",
                        ".mode csv", ".import --skip 1 " + csv + " readings").inheritIO().start();
                if (p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0) {
                    shell[round] = (System.nanoTime() - s0) / 1e9;
                }
            } catch (IOException e) {
                System.out.println("sqlite3 shell not found: " + e.getMessage());
            }
            Path store = dir.resolve("bench_" + round + ".gpkg");
            try (ProjectStore st = ProjectStore.create(store)) {
                st.inTransaction(() -> {
                    for (int s = 0; s < stations; s++) {
                        st.stations().upsert(new Station("S" + s, "S" + s, StationKind.AIR, 109 + s * 0.01, 27.7, "520602", null, Map.of()));
                    }
                    return null;
                });
            }
            System.gc();
            resetPeaks();
            long t = System.nanoTime();
            ImportReport r;
            try (ProjectStore st = ProjectStore.open(store)) {
                r = new Importer(st, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(csv));
            }
            double total = (System.nanoTime() - t) / 1e9;
            ours[round] = r.importSeconds();
            alarms[round] = r.alarmSeconds();
            assertEquals(rows, r.readingsInserted());
            heap = Math.max(heap, peakHeap());
            System.out.printf("round %d: EcoMonitor import %.2f s (then alarm rules %.2f s, %d alarms; %.2f s in all), sqlite3 %.2f s%n",
                    round + 1, ours[round], alarms[round], r.alarms().size(), total, shell[round]);
        }
        java.util.Arrays.sort(shell);
        java.util.Arrays.sort(ours);
        double o = ours[rounds / 2];
        double sh = shell[rounds / 2];
        java.util.Arrays.sort(alarms);
        System.out.printf("EcoMonitor import: median %.2f s, %,.0f rows/s, peak heap %.0f MB (sync outbox included); "
                + "the alarm rules afterwards: median %.2f s%n", o, rows / o, heap / 1e6, alarms[rounds / 2]);
        if (!Double.isNaN(sh)) {
            System.out.printf("sqlite3 .import:   median %.2f s, %,.0f rows/s%n", sh, rows / sh);
            System.out.printf("ratio EcoMonitor / sqlite3 = %.2f (target <= 1.5)%n", o / sh);
        }
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            b.resetPeakUsage();
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                sum += b.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
