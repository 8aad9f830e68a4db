package org.ecomonitor.analysis.trend;

import org.ecomonitor.analysis.aggregate.AggregateValue;
import org.ecomonitor.analysis.aggregate.CalendarMean;
import org.ecomonitor.analysis.aggregate.MissingReason;
import org.ecomonitor.analysis.aggregate.ValidityRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our trend statistics give R's numbers on gstat's Irish wind data (golden values from R's cor.test, see
 * src/test/resources/reference/ireland/README.md). Monthly series: the means of the daily values of each
 * month (our CalendarMean), time 1..216 in months; annual series: the means of the daily values of each year
 * (not of the monthly means), time in years.
 */
class IrelandWindTrendGoldenTest {

    private static final double TOL = 1e-9;
    private static final Map<String, double[]> MONTHLY = new LinkedHashMap<>();
    private static final Map<String, double[]> ANNUAL = new LinkedHashMap<>();
    private static final Map<String, List<AggregateValue>> MONTHLY_AGGREGATES = new LinkedHashMap<>();
    private static final Map<String, List<AggregateValue>> ANNUAL_AGGREGATES = new LinkedHashMap<>();

    @BeforeAll
    static void readDailyWind() throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] header;
        try (BufferedReader r = open("ireland_wind_daily_1961_1978.csv")) {
            header = unquote(r.readLine().split(","));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
        }
        for (int c = 3; c < header.length; c++) {
            List<AggregateValue> daily = new ArrayList<>();
            for (String[] row : rows) {
                LocalDate day = LocalDate.of(1900 + Integer.parseInt(row[0]), Integer.parseInt(row[1]),
                        Integer.parseInt(row[2]));
                daily.add(new AggregateValue(day.atStartOfDay(), day.plusDays(1).atStartOfDay(),
                        Double.parseDouble(row[c]), 1, 1, MissingReason.NONE));
            }
            MONTHLY_AGGREGATES.put(header[c], CalendarMean.monthly(daily, ValidityRules.GB3095_2012));
            ANNUAL_AGGREGATES.put(header[c], CalendarMean.annual(daily, ValidityRules.GB3095_2012));
            MONTHLY.put(header[c], values(MONTHLY_AGGREGATES.get(header[c])));
            ANNUAL.put(header[c], values(ANNUAL_AGGREGATES.get(header[c])));
        }
    }

    private static double[] values(List<AggregateValue> aggregates) {
        return aggregates.stream().mapToDouble(AggregateValue::value).toArray();
    }

    static List<Map<String, String>> golden() throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (BufferedReader r = open("ireland_wind_trend_tests.csv")) {
            String[] header = unquote(r.readLine().split(","));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = unquote(line.split(","));
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                out.add(row);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void monthlyMannKendallAndSenSlopeAreRs(Map<String, String> g) {
        double[] x = MONTHLY.get(g.get("station"));
        assertEquals(216, Integer.parseInt(g.get("monthly_n")));
        MannKendallResult mk = MannKendallTest.test(x);
        assertEquals(216, mk.n());
        assertEquals(num(g, "monthly_mk_z"), mk.z(), TOL, "z");
        assertRelative(num(g, "monthly_mk_p"), mk.p(), "p");
        assertEquals(num(g, "monthly_tau"), mk.tau(), TOL, "tau-b");
        SenSlopeResult sen = SenSlope.estimate(x);
        assertEquals(num(g, "monthly_sen_slope_per_month"), sen.slope(), TOL, "Sen slope per month");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void annualMannKendallSenAndSpearmanAreRs(Map<String, String> g) {
        double[] x = ANNUAL.get(g.get("station"));
        double[] years = new double[x.length];
        for (int i = 0; i < years.length; i++) {
            years[i] = 1961 + i;
        }
        assertEquals(18, Integer.parseInt(g.get("annual_n")));
        MannKendallResult mk = MannKendallTest.test(years, x);
        assertEquals(num(g, "annual_mk_z"), mk.z(), TOL, "z");
        assertRelative(num(g, "annual_mk_p"), mk.p(), "p");
        assertEquals(num(g, "annual_sen_slope_per_year"), SenSlope.estimate(years, x).slope(), TOL, "Sen");
        SpearmanResult sp = SpearmanTest.test(years, x);
        assertEquals(num(g, "annual_spearman_rho"), sp.rho(), TOL, "rho");
        assertRelative(num(g, "annual_spearman_p"), sp.p(), "Spearman p");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void summariesOfMonthlyAndAnnualAggregatesGiveTheSameNumbers(Map<String, String> g) {
        TrendSummary monthly = TrendSummary.ofMonthly(MONTHLY_AGGREGATES.get(g.get("station")));
        assertEquals(num(g, "monthly_mk_z"), monthly.mannKendall().z(), TOL);
        assertEquals(num(g, "monthly_sen_slope_per_month"), monthly.sen().slope(), TOL);
        assertEquals(12 * num(g, "monthly_sen_slope_per_month"), monthly.senSlopePerYear(), TOL);
        TrendSummary annual = TrendSummary.ofAnnual(ANNUAL_AGGREGATES.get(g.get("station")));
        assertEquals(num(g, "annual_sen_slope_per_year"), annual.senSlopePerYear(), TOL);
        assertEquals(num(g, "annual_spearman_rho"), annual.spearman().rho(), TOL);
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.abs(expected) + 1e-15, what);
    }

    private static double num(Map<String, String> g, String key) {
        return Double.parseDouble(g.get(key));
    }

    private static String[] unquote(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].replace("\"", "");
        }
        return cells;
    }

    private static BufferedReader open(String name) {
        InputStream in = IrelandWindTrendGoldenTest.class.getResourceAsStream("/reference/ireland/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
