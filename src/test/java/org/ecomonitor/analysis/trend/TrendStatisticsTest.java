package org.ecomonitor.analysis.trend;

import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendStatisticsTest {

    @Test
    void senIntervalTakesTheGilbertRanksOfTheSortedSlopes() {
        double[] y = {12.1, 13.4, 11.8, 14.2, 15.0, 13.9, 16.3, 15.1, 17.4, 16.0, 18.2, 17.7, 19.5, 18.1, 20.3};
        double[] t = TrendInput.index(y.length);
        double[] slopes = new double[y.length * (y.length - 1) / 2];
        int m = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                slopes[m++] = (y[j] - y[i]) / (t[j] - t[i]);
            }
        }
        Arrays.sort(slopes);
        // n = 15, no ties: Var(S) = 15·14·35/18 = 408.33; C = 1.959964·√408.33 = 39.606; N = 105
        // lower rank round((105 − 39.606)/2) = round(32.70) = 33, upper round((105 + 39.606)/2 + 1) = round(73.30) = 73
        SenSlopeResult sen = SenSlope.estimate(t, y, 0.95);
        assertEquals(slopes[52], sen.slope(), 1e-15, "median of 105 slopes is the 53rd");
        assertEquals(slopes[32], sen.lower(), 1e-15);
        assertEquals(slopes[72], sen.upper(), 1e-15);
        assertEquals(105, sen.pairs());
    }

    @Test
    void senSlopeOfALineIsItsSlopeAndTheInterceptLiesOnIt() {
        double[] t = {2001, 2002, 2003, 2004, 2005, 2006};
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 3 - 0.5 * (t[i] - 2000);
        }
        SenSlopeResult sen = SenSlope.estimate(t, y);
        assertEquals(-0.5, sen.slope(), 1e-12);
        assertEquals(3 + 0.5 * 2000, sen.intercept(), 1e-9);
        assertEquals(-0.5, SenSlope.slope(t, y), 1e-12);
    }

    @Test
    void missingValuesAreDropped() {
        double[] y = {1, Double.NaN, 2, 3, Double.NaN, 5};
        assertEquals(4, MannKendallTest.test(y).n());
        assertEquals(6, MannKendallTest.test(y).s(), "all 6 pairs of the 4 values are concordant");
    }

    @Test
    void spearmanWithContinuityAddsOneToTheDenominator() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {2, 1, 4, 3, 6, 5, 8, 7};
        // d = ±1 for all 8: Σd² = 8, S = 8, rho = 1 − 6·8/(8·63) = 0.904762
        // without correction: r = 1 − 8/84 = 0.904762, t = r/√((1 − r²)/6) = 5.2048, p = 2·P(T6 > 5.2048) = 0.0020
        // with correction: r = 1 − 8/85 = 0.905882, t = 5.2411
        SpearmanResult plain = SpearmanTest.test(x, y);
        SpearmanResult corrected = SpearmanTest.test(x, y, true);
        assertEquals(1 - 48.0 / 504, plain.rho(), 1e-15);
        assertEquals(8.0, plain.s(), 1e-9);
        double rPlain = 1 - 8.0 / 84;
        double rCorr = 1 - 8.0 / 85;
        org.apache.commons.math3.distribution.TDistribution t6 =
                new org.apache.commons.math3.distribution.TDistribution(6);
        assertEquals(2 * t6.cumulativeProbability(-rPlain / Math.sqrt((1 - rPlain * rPlain) / 6)), plain.p(), 1e-15);
        assertEquals(2 * t6.cumulativeProbability(-rCorr / Math.sqrt((1 - rCorr * rCorr) / 6)), corrected.p(), 1e-15);
        assertTrue(corrected.p() < plain.p());
    }

    @Test
    void seasonalKendallSumsTheSeasonsScoresAndVariances() {
        SplittableRandom rnd = new SplittableRandom(4);
        int years = 10;
        double[] monthly = new double[12 * years];
        for (int i = 0; i < monthly.length; i++) {
            monthly[i] = 20 + 8 * Math.sin(2 * Math.PI * i / 12) + 0.05 * i + rnd.nextGaussian();
        }
        long s = 0;
        double var = 0;
        for (int month = 0; month < 12; month++) {
            double[] season = new double[years];
            for (int y = 0; y < years; y++) {
                season[y] = monthly[12 * y + month];
            }
            MannKendallResult m = MannKendallTest.test(season);
            s += m.s();
            var += m.varianceS();
        }
        MannKendallResult sk = SeasonalKendallTest.testMonthly(monthly, 1);
        assertEquals(s, sk.s());
        assertEquals(var, sk.varianceS(), 1e-9);
        assertEquals((s - 1) / Math.sqrt(var), sk.z(), 1e-12);
        assertEquals(12 * 10 * 9 / 2 * 1.0 / 1, 540.0, "sanity: 12 seasons of 45 pairs");
        assertEquals(s / 540.0, sk.tau(), 1e-12);
        SenSlopeResult sen = SeasonalKendallTest.senSlopeMonthly(monthly, 1);
        assertEquals(0.6, sen.slope(), 0.15, "0.05 per month is 0.6 per year");
        assertTrue(sen.lower() < sen.slope() && sen.slope() < sen.upper());
    }

    @Test
    void seasonalKendallStartsAtTheGivenMonth() {
        // 14 consecutive months from November: November and December twice, January to October once
        double[] values = {5, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 6, 0};
        MannKendallResult sk = SeasonalKendallTest.testMonthly(values, 11);
        assertEquals(0, sk.s(), "November rises (+1), December falls (−1), single months add nothing");
        values[13] = 2;
        assertEquals(2, SeasonalKendallTest.testMonthly(values, 11).s());
    }

    @Test
    void leastSquaresSlope() {
        LeastSquaresResult ls = LeastSquaresSlope.fit(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8.5});
        // x̄ = 2.5, ȳ = 5.125, Sxx = 5, Sxy = 0.5·(−1.5·−3.125·... ) = 10.75 → slope 2.15
        assertEquals(2.15, ls.slope(), 1e-12);
        assertEquals(5.125 - 2.15 * 2.5, ls.intercept(), 1e-12);
    }

    @Test
    void verdictSentencesInBothLanguages() {
        MannKendallResult up = new MannKendallResult(18, 60, 697, 2.235, 0.0254, 0.39);
        SenSlopeResult sen = new SenSlopeResult(0.0667, 0.01, 0.12, 30, 153, 0.95);
        TrendVerdict v = TrendVerdict.of(up, sen, 12, "µg/m³", 0.05);
        assertEquals(TrendVerdict.Direction.UP, v.direction());
        assertEquals("显著上升 (p < 0.05), Sen 斜率 0.8 µg/m³/年", v.format(Messages.CHINESE));
        assertEquals("significant upward trend (p < 0.05), Sen slope 0.8 µg/m³/year", v.format(Messages.ENGLISH));

        MannKendallResult flat = new MannKendallResult(18, -9, 697, -0.303, 0.3719, -0.06);
        TrendVerdict none = TrendVerdict.of(flat, new SenSlopeResult(-0.00123, -1, 1, 0, 153, 0.95), 1, "mg/L", 0.05);
        assertEquals("无显著变化趋势 (p = 0.37), Sen 斜率 -0.0012 mg/L/年", none.format(Messages.CHINESE));
        assertEquals("no significant trend (p = 0.37), Sen slope -0.0012 mg/L/year", none.format(Messages.ENGLISH));

        MannKendallResult few = MannKendallTest.test(new double[] {1, 2, 3});
        TrendVerdict insufficient = TrendVerdict.of(few, SenSlope.estimate(new double[] {1, 2, 3}), 1, "", 0.05);
        assertEquals(TrendVerdict.Direction.INSUFFICIENT, insufficient.direction());
        assertFalse(insufficient.format(Messages.ENGLISH).contains("!"));
    }

    @Test
    void summaryOfAMonthlySeries() {
        double[] monthly = new double[48];
        for (int i = 0; i < monthly.length; i++) {
            monthly[i] = 50 - 0.2 * i + 5 * Math.cos(2 * Math.PI * i / 12);
        }
        TrendSummary s = TrendSummary.of(TrendInput.index(48), monthly, 12);
        assertEquals(TrendVerdict.Direction.DOWN, s.verdict("µg/m³", 0.05).direction());
        TrendSummary seasonal = TrendSummary.monthlySeasonal(monthly, 1);
        assertEquals(-2.4, seasonal.senSlopePerYear(), 1e-9, "−0.2 per month is −2.4 per year in every month");
        assertEquals(-0.2, seasonal.sen().slope(), 1e-12);
        // the line 50 − 0.2·(i − 1) on the month index i = 1..48 has intercept 50.2 plus the median season
        double[] residual = new double[48];
        for (int i = 0; i < 48; i++) {
            residual[i] = monthly[i] + 0.2 * (i + 1);
        }
        assertEquals(Median.of(residual), seasonal.sen().intercept(), 1e-9);
    }
}
