package org.ecomonitor.analysis.forecast;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoltWintersTest {

    @Test
    void recursionsWorkedByHand() {
        // m = 2, α = β = γ = 0.5. Start: season means 2 and 3, b = (3 − 2)/2 = 0.5; the first season's line
        // is 1.75, 2.25, so s = (1 − 1.75, 3 − 2.25) = (−0.75, 0.75) and l = 2.25.
        // t = 2: forecast 2.25 + 0.5 − 0.75 = 2 (x = 2, error 0) → l = 2.75, b = 0.5, s = −0.75
        // t = 3: forecast 2.75 + 0.5 + 0.75 = 4 (x = 4, error 0) → l = 3.25, b = 0.5, s = 0.75
        // t = 4: forecast 3.25 + 0.5 − 0.75 = 3 (x = 4, error 1) → l = 0.5(4 + 0.75) + 0.5(3.75) = 4.25,
        //        b = 0.5(4.25 − 3.25) + 0.5·0.5 = 0.75, s = 0.5(4 − 4.25) + 0.5(−0.75) = −0.5
        HoltWintersModel m = HoltWinters.withParameters(new double[] {1, 3, 2, 4, 4}, 2, 0.5, 0.5, 0.5);
        assertEquals(1.0, m.sse(), 1e-15);
        assertEquals(3, m.errorCount());
        assertEquals(4.25 + 0.75 + 0.75, m.mean(1), 1e-15);
        assertEquals(4.25 + 2 * 0.75 - 0.5, m.mean(2), 1e-15);
        assertEquals(4.25 + 3 * 0.75 + 0.75, m.mean(3), 1e-15);
        // residual variance: errors (0, 0, 1) minus their mean 1/3, squared, over n − 1 = 2: 1/3
        double var = 1.0 / 3;
        assertEquals(var, m.residualVariance(), 1e-15);
        assertEquals(Math.sqrt(var), m.sd(1), 1e-15);
        // ψ1 = α(1 + β) = 0.75; ψ2 = α(1 + 2β) + γ(1 − α) = 1.25 (2 mod m = 0)
        assertEquals(Math.sqrt(var * (1 + 0.5625)), m.sd(2), 1e-15);
        assertEquals(Math.sqrt(var * (1 + 0.5625 + 1.5625)), m.sd(3), 1e-15);
        assertEquals(0.5, m.exceedanceProbability(1, m.mean(1)), 1e-12);
    }

    private static double[] seasonal(int n, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 40 + 0.1 * t + 12 * Math.sin(2 * Math.PI * t / 12) + noise * rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void aNoiseFreeSeasonalSeriesIsForecastAlmostExactly() {
        double[] x = seasonal(120, 0, 1);
        HoltWintersModel m = HoltWinters.fit(x, 12);
        for (int h = 1; h <= 12; h++) {
            double truth = 40 + 0.1 * (119 + h) + 12 * Math.sin(2 * Math.PI * (119 + h) / 12);
            assertEquals(truth, m.mean(h), 0.05, "h = " + h);
        }
        assertTrue(m.sse() < 1e-6, "SSE " + m.sse());
    }

    @Test
    void fittedParametersBeatTheStartingGuessAndIntervalsWidenWithTheHorizon() {
        double[] x = seasonal(96, 3, 2);
        HoltWintersModel fitted = HoltWinters.fit(x, 12);
        HoltWintersModel guess = HoltWinters.withParameters(x, 12, 0.3, 0.1, 0.1);
        assertTrue(fitted.sse() <= guess.sse() + 1e-9);
        assertTrue(fitted.alpha() >= 0 && fitted.alpha() <= 1 && fitted.gamma() >= 0 && fitted.gamma() <= 1);
        List<HoltWintersModel.Forecast> f = fitted.forecast(24, 0.95);
        assertEquals(24, f.size());
        for (int i = 1; i < f.size(); i++) {
            assertTrue(f.get(i).sd() >= f.get(i - 1).sd() - 1e-12);
        }
        HoltWintersModel.Forecast first = f.get(0);
        assertEquals(1.959963985 * first.sd(), first.upper() - first.mean(), 1e-6);
        // probability that the next value exceeds its forecast + 1.645 sd is about 5 %
        double limit = fitted.mean(1) + 1.6448536 * fitted.sd(1);
        assertEquals(0.05, fitted.exceedanceProbability(1, limit), 1e-6);
        assertEquals(24, fitted.exceedanceProbabilities(24, 60).length);
    }

    @Test
    void aConstantSeriesForecastsItselfWithCertainty() {
        double[] x = new double[40];
        Arrays.fill(x, 7.5);
        HoltWintersModel m = HoltWinters.fit(x, 4);
        assertEquals(7.5, m.mean(5), 1e-12);
        assertEquals(0, m.sd(5), 1e-12);
        assertEquals(1, m.exceedanceProbability(3, 7), 0);
        assertEquals(0, m.exceedanceProbability(3, 8), 0);
    }

    @Test
    void missingValuesAreBridgedByTheirForecasts() {
        double[] x = seasonal(96, 1, 3);
        double[] gappy = x.clone();
        Arrays.fill(gappy, 50, 55, Double.NaN);
        HoltWintersModel m = HoltWinters.fit(gappy, 12);
        assertEquals(96 - 12 - 5, m.errorCount());
        assertTrue(Double.isFinite(m.mean(1)));
        double[] early = x.clone();
        early[3] = Double.NaN;
        UserException e = assertThrows(UserException.class, () -> HoltWinters.fit(early, 12));
        assertEquals("forecast.error.startMissing", e.key());
        assertEquals("forecast.error.tooShort",
                assertThrows(UserException.class, () -> HoltWinters.fit(new double[24], 12)).key());
    }

    @Test
    void backtestReportsMaeRmseAndMape() {
        ForecastAccuracy a = ForecastAccuracy.of(new double[] {10, 20, 0, Double.NaN}, new double[] {12, 17, 1, 5});
        // errors −2, 3, −1: MAE 2, RMSE √(14/3), MAPE over 10 and 20 only: (20 % + 15 %)/2 = 17.5 %
        assertEquals(3, a.n());
        assertEquals(2.0, a.mae(), 1e-15);
        assertEquals(Math.sqrt(14.0 / 3), a.rmse(), 1e-15);
        assertEquals(17.5, a.mape(), 1e-12);
        assertEquals(2, a.mapeN());

        double[] x = seasonal(120, 2, 4);
        ForecastAccuracy holdout = Backtest.holdout(x, 12, 12);
        assertEquals(12, holdout.n());
        assertTrue(holdout.rmse() < 6, "RMSE " + holdout.rmse() + " with noise sd 2");
        ForecastAccuracy rolling = Backtest.rolling(x, 12, 6, 84, 6, org.ecomonitor.model.Progress.NONE);
        assertEquals(6 * 6, rolling.n());
        assertTrue(rolling.mae() <= rolling.rmse());
    }
}
