package org.ecomonitor.analysis.trend;

import java.util.Map;
import java.util.TreeMap;

/**
 * The seasonal Kendall test of Hirsch, Slack and Smith (1982): Mann-Kendall S and its tie-corrected variance
 * computed within each season (month) and summed, z = (S − sign S)/√Var(S), two-sided normal p. Tau is
 * S over the sum of the seasons' tau-b denominators. Seasons are assumed independent (no Hirsch-Slack 1984
 * covariance correction for serial dependence). O(n log n).
 */
public final class SeasonalKendallTest {

    private SeasonalKendallTest() {
    }

    /**
     * The test of a monthly series: values[i] is month {@code firstMonth + i} (1 = January) of consecutive months;
     * within a month the time is the year index, so slopes from {@link #senSlopeMonthly} are per year.
     */
    public static MannKendallResult testMonthly(double[] values, int firstMonth) {
        MonthlyAxis a = MonthlyAxis.of(values.length, firstMonth);
        return test(a.year(), values, a.month());
    }

    /** Seasonal Sen slope (per year) of a monthly series with its 95 % interval; see {@link SeasonalSenSlope}. */
    public static SenSlopeResult senSlopeMonthly(double[] values, int firstMonth) {
        MonthlyAxis a = MonthlyAxis.of(values.length, firstMonth);
        return SeasonalSenSlope.estimate(a.year(), values, a.month(), 0.95);
    }

    /** The test of (time[i], value[i]) in season[i]; NaN pairs are dropped. */
    public static MannKendallResult test(double[] time, double[] values, int[] season) {
        Map<Integer, TrendInput> bySeason = split(time, values, season);
        long s = 0;
        double var = 0;
        double denominator = 0;
        int n = 0;
        for (TrendInput in : bySeason.values()) {
            if (in.n() < 2) {
                n += in.n();
                continue;
            }
            KendallScore k = KendallScore.of(in.t(), in.y());
            s += k.s();
            var += k.varianceS();
            double n0 = KendallScore.pairs(k.n());
            denominator += Math.sqrt((n0 - k.tiedPairsX()) * (n0 - k.tiedPairsY()));
            n += k.n();
        }
        double tau = denominator == 0 ? Double.NaN : s / denominator;
        return MannKendallTest.result(n, s, var, tau);
    }

    /** Variance of the seasonal S (sum over seasons), used by the seasonal Sen interval. */
    static double varianceS(double[] time, double[] values, int[] season) {
        double var = 0;
        for (TrendInput in : split(time, values, season).values()) {
            if (in.n() >= 2) {
                var += KendallScore.varianceS(in.t(), in.y());
            }
        }
        return var;
    }

    static Map<Integer, TrendInput> split(double[] time, double[] values, int[] season) {
        if (season.length != time.length || values.length != time.length) {
            throw new IllegalArgumentException("time, values and season differ in length");
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(time[i]) && !Double.isNaN(values[i])) {
                counts.computeIfAbsent(season[i], k -> new int[1])[0]++;
            }
        }
        Map<Integer, TrendInput> out = new TreeMap<>();
        Map<Integer, int[]> fill = new TreeMap<>();
        for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
            out.put(e.getKey(), new TrendInput(new double[e.getValue()[0]], new double[e.getValue()[0]]));
            fill.put(e.getKey(), new int[1]);
        }
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(time[i]) && !Double.isNaN(values[i])) {
                TrendInput in = out.get(season[i]);
                int k = fill.get(season[i])[0]++;
                in.t()[k] = time[i];
                in.y()[k] = values[i];
            }
        }
        return out;
    }

    /** Year index and month (1..12) of consecutive months. */
    record MonthlyAxis(double[] year, int[] month) {
        static MonthlyAxis of(int n, int firstMonth) {
            if (firstMonth < 1 || firstMonth > 12) {
                throw new IllegalArgumentException("month must be 1..12: " + firstMonth);
            }
            double[] year = new double[n];
            int[] month = new int[n];
            for (int i = 0; i < n; i++) {
                int m0 = firstMonth - 1 + i;
                year[i] = m0 / 12;
                month[i] = m0 % 12 + 1;
            }
            return new MonthlyAxis(year, month);
        }
    }
}
