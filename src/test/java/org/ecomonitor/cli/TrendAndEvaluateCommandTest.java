package org.ecomonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.analysis.aggregate.AccurateMean;
import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendAndEvaluateCommandTest {

    @TempDir
    Path dir;
    static Locale before;

    @BeforeAll
    static void english() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(before);
    }

    static JsonNode json(String... args) throws IOException {
        CommandLine cl = EcoMonitorCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        assertEquals(0, status, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    /** Daily wind speeds per station, in file order: year (two digits), month, values. */
    static Map<String, List<double[]>> ireland() throws IOException {
        Map<String, List<double[]>> byStation = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TrendAndEvaluateCommandTest.class.getResourceAsStream("/reference/ireland/ireland_wind_daily_1961_1978.csv"),
                StandardCharsets.UTF_8))) {
            String[] header = r.readLine().replace("\"", "").split(",");
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                for (int i = 3; i < f.length; i++) {
                    byStation.computeIfAbsent(header[i], k -> new ArrayList<>())
                            .add(new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[i])});
                }
            }
        }
        return byStation;
    }

    @Test
    void trendOfACsvEqualsRsCorTestOnTheIrishWindGolden() throws IOException {
        Map<String, List<double[]>> wind = ireland();
        List<String> golden = Files.readAllLines(Path.of("src/test/resources/reference/ireland/ireland_wind_trend_tests.csv"));
        for (String row : golden.subList(1, golden.size())) {
            String[] g = row.replace("\"", "").split(",");
            List<double[]> days = wind.get(g[0]);
            // annual means of the daily values, time in years: slope per year
            Map<Integer, List<Double>> years = new LinkedHashMap<>();
            Map<Integer, List<Double>> months = new LinkedHashMap<>();
            for (double[] d : days) {
                years.computeIfAbsent((int) d[0], k -> new ArrayList<>()).add(d[2]);
                months.computeIfAbsent((int) d[0] * 12 + (int) d[1], k -> new ArrayList<>()).add(d[2]);
            }
            StringBuilder annual = new StringBuilder("year,wind\n");
            years.forEach((y, v) -> annual.append(1900 + y).append(',')
                    .append(AccurateMean.of(v.stream().mapToDouble(Double::doubleValue).toArray())).append('\n'));
            Path a = dir.resolve(g[0] + "_annual.csv");
            Files.writeString(a, annual);
            JsonNode r = json("trend", "--csv", a.toString(), "--time", "year", "--value", "wind", "--json");
            assertEquals(Integer.parseInt(g[6]), r.get("n").asInt());
            assertEquals(Double.parseDouble(g[7]), r.get("z").asDouble(), 1e-9, g[0] + " z");
            assertEquals(Double.parseDouble(g[8]), r.get("p").asDouble(), 1e-9, g[0] + " p");
            assertEquals(Double.parseDouble(g[9]), r.get("sen_slope").asDouble(), 1e-9, g[0] + " sen");
            assertEquals(Double.parseDouble(g[10]), r.get("spearman_rho").asDouble(), 1e-9, g[0] + " rho");
            assertEquals(Double.parseDouble(g[11]), r.get("spearman_p").asDouble(), 1e-9, g[0] + " spearman p");
            // monthly means, time 1..216: slope per month
            StringBuilder monthly = new StringBuilder("t,wind\n");
            int t = 1;
            for (List<Double> v : months.values()) {
                monthly.append(t++).append(',').append(AccurateMean.of(v.stream().mapToDouble(Double::doubleValue).toArray())).append('\n');
            }
            Path m = dir.resolve(g[0] + "_monthly.csv");
            Files.writeString(m, monthly);
            JsonNode rm = json("trend", "--csv", m.toString(), "--time", "t", "--value", "wind", "--json");
            assertEquals(Integer.parseInt(g[1]), rm.get("n").asInt());
            assertEquals(Double.parseDouble(g[2]), rm.get("z").asDouble(), 1e-9, g[0] + " monthly z");
            assertEquals(Double.parseDouble(g[3]), rm.get("p").asDouble(), 1e-9, g[0] + " monthly p");
            assertEquals(Double.parseDouble(g[4]), rm.get("tau").asDouble(), 1e-9, g[0] + " monthly tau");
            assertEquals(Double.parseDouble(g[5]), rm.get("sen_slope").asDouble(), 1e-9, g[0] + " monthly sen");
        }
    }

    @Test
    void evaluateHandWorkedCasesFromCsv() throws IOException {
        // GB 3838: NH3-N 1.2 mg/L lies between the class III (1.0) and IV (1.5) limits: class IV, 0.2 times over III
        Path water = dir.resolve("water.csv");
        Files.writeString(water, "断面,pH,溶解氧,氨氮,总磷\nS1,7.5,8.0,1.2,0.1\nS2,7.5,8.0,0.1,0.5\n");
        JsonNode w = json("evaluate", "water", "--csv", water.toString(), "--json").get("results");
        assertEquals("Class IV", w.get(0).get("class").asText());
        assertEquals(0.2, w.get(0).get("exceeding_class_III").get(0).get("multiple").asDouble(), 1e-9);
        assertEquals("worse than Class V", w.get(1).get("class").asText(), "TP 0.5 > 0.4 (class V for rivers)");
        // HJ 633: PM2.5 24 h 80 µg/m3: IAQI = (150-100)/(115-75) x (80-75) + 100 = 106.25, rounded up 107
        Path air = dir.resolve("air.csv");
        Files.writeString(air, "date,PM2.5,PM10,SO2,NO2,CO,O3\n2024-01-05,80,100,10,30,0.8,60\n");
        JsonNode a = json("evaluate", "air", "--csv", air.toString(), "--json").get("results").get(0);
        assertEquals(107, a.get("aqi").asInt());
        assertEquals("PM2.5", a.get("primary").get(0).asText());
        assertEquals("Lightly polluted", a.get("category").asText());
        // GB 15618: Cd 0.5 mg/kg in a paddy at pH 6.0: screening 0.4, intervention 2.0 -> between
        Path soil = dir.resolve("soil.csv");
        Files.writeString(soil, "点位,pH,土地利用,镉,汞\nP1,6.0,水田,0.5,0.2\nP2,6.0,旱地,0.25,0.2\n");
        JsonNode s = json("evaluate", "soil", "--csv", soil.toString(), "--json").get("results");
        assertEquals("above the risk screening value, at or below the risk intervention value", s.get(0).get("class").asText());
        assertEquals(0.4, s.get(0).get("above_screening").get(0).get("screening").asDouble(), 1e-12);
        assertEquals("at or below the risk screening value", s.get(1).get("class").asText());
        // GB 3096: zone 2 allows 60 dB(A) by day and 50 at night
        Path noise = dir.resolve("noise.csv");
        Files.writeString(noise, "点位,时间,Leq,声环境功能区\nN1,2024-05-14 10:00,58,2\nN1,2024-05-14 23:00,52,2\n");
        JsonNode n = json("evaluate", "noise", "--csv", noise.toString(), "--json").get("results");
        assertTrue(!n.get(0).get("day_exceeds").asBoolean());
        assertTrue(n.get(1).get("night_exceeds").asBoolean());
        assertEquals(50, n.get(1).get("night_limit").asInt());
    }
}
