package org.ecomonitor.gui;

import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * A small project for the monitoring tests, made in the test (no sample data): two air stations and a water
 * section near Bijiang. TST-A1 has two years (2023-2024) of hourly PM2.5 that falls by 14 µg/m³ a year with a winter maximum,
 * a 12-hour episode of 110 µg/m³ every 40 days (exceedances of the 75 µg/m³ 24-hour limit), a planted day
 * (2023-01-15) at 100 µg/m³ all day, a calibration reading (flag C) every 500 hours, and no data from 21 to 31
 * March 2024, so that month has 20 valid days (fewer than GB 3095's 27: missing). TST-A2 has the first half of
 * 2024. TST-W1 has monthly ammonia samples in 2024.
 */
final class MonitoringProject {

    static final double[] A1 = {109.191, 27.718};
    static final double[] A2 = {109.150, 27.690};
    static final double[] W1 = {109.230, 27.740};
    static final double[] BBOX = {109.08, 27.64, 109.28, 27.80};
    static final LocalDate PLANTED_DAY = LocalDate.of(2023, 1, 15);

    private MonitoringProject() {
    }

    static Path create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path stations = dir.resolve("stations.csv");
        Files.writeString(stations, """
                code,name,longitude,latitude,kind,level
                TST-A1,碧江环境监测站,109.191,27.718,air,国控
                TST-A2,铜仁学院站,109.150,27.690,air,省控
                TST-W1,锦江断面,109.230,27.740,surface_water,国控
                """, StandardCharsets.UTF_8);
        Path readings = dir.resolve("readings.csv");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        Random random = new Random(7);
        try (BufferedWriter w = Files.newBufferedWriter(readings, StandardCharsets.UTF_8)) {
            w.write("站点编码,监测项目,监测时间,浓度,数据标识\n");
            LocalDateTime start = LocalDateTime.of(2023, 1, 1, 0, 0);
            for (int h = 0; h < 2 * 8760; h++) {
                LocalDateTime t = start.plusHours(h);
                LocalDate d = t.toLocalDate();
                if (d.getYear() == 2024 && d.getMonthValue() == 3 && d.getDayOfMonth() > 20) {
                    continue;
                }
                double years = h / 8760.0;
                double v = 52 - 14 * years + 10 * Math.cos(2 * Math.PI * (d.getDayOfYear() - 15) / 365.0) + random.nextGaussian() * 6;
                if ((h / 24) % 40 == 20 && t.getHour() >= 8 && t.getHour() < 20) {
                    v = 110;
                }
                if (d.equals(PLANTED_DAY)) {
                    v = 100;
                }
                String flag = h % 500 == 250 ? "C" : "N";
                if (flag.equals("C")) {
                    v = 300;
                }
                w.write("TST-A1,PM2.5," + f.format(t) + "," + String.format(java.util.Locale.ROOT, "%.1f", Math.max(2, v)) + "," + flag + "\n");
                if (t.getYear() == 2024 && t.getMonthValue() <= 6) {
                    w.write("TST-A2,PM2.5," + f.format(t) + "," + String.format(java.util.Locale.ROOT, "%.1f", Math.max(2, v * 0.7)) + ",N\n");
                }
            }
            for (int m = 1; m <= 12; m++) {
                w.write("TST-W1,氨氮," + f.format(LocalDateTime.of(2024, m, 10, 10, 0)) + "," + (m == 12 ? "1.6" : "0.4") + ",N\n");
            }
        }
        Path store = dir.resolve("monitoring.gpkg");
        try (ProjectStore s = ProjectStore.create(store)) {
            ImportReport r = new Importer(s, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(stations, readings));
            if (r.rejectedCount() > 0) {
                throw new IllegalStateException("fixture rejected rows: " + r.rejections());
            }
        }
        return store;
    }
}
