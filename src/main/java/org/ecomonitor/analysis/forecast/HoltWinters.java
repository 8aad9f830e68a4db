package org.ecomonitor.analysis.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.ecomonitor.i18n.UserException;

/**
 * Additive seasonal Holt-Winters exponential smoothing fitted by minimising the sum of squared one-step
 * forecast errors over α, β, γ ∈ [0, 1] (BOBYQA, Commons Math, from three starting points).
 * <p>
 * Recursions as R's {@code HoltWinters}: level l_t = α(x_t − s_{t−m}) + (1 − α)(l_{t−1} + b_{t−1}), trend
 * b_t = β(l_t − l_{t−1}) + (1 − β)b_{t−1}, season s_t = γ(x_t − l_t) + (1 − γ)s_{t−m}. Start (ours, not R's
 * decomposition): b = (mean of the second season − mean of the first)/m, s_i = x_i minus the first season's
 * mean moved along that trend, l = that line at the end of the first season; errors are counted from the
 * second season on, so a noise-free linear trend plus season is forecast exactly. A missing value (NaN)
 * is replaced by its forecast and adds no error, so gaps in a daily series need no filling. Needs at least
 * 2m + 1 values. O(n) per evaluation, a few hundred evaluations.
 */
public final class HoltWinters {

    private HoltWinters() {
    }

    /** Fits α, β, γ to a regularly spaced series with season length {@code period} (≥ 2). */
    public static HoltWintersModel fit(double[] series, int period) {
        check(series, period);
        MultivariateFunction sse = p -> run(series, period, p[0], p[1], p[2]).sse();
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(7, 0.2, 1e-8);
        double[][] starts = {{0.3, 0.1, 0.1}, {0.7, 0.05, 0.3}, {0.1, 0.01, 0.6}};
        PointValuePair best = null;
        for (double[] start : starts) {
            PointValuePair p;
            try {
                p = optimizer.optimize(new MaxEval(4000), new ObjectiveFunction(sse),
                        GoalType.MINIMIZE, new InitialGuess(start),
                        new SimpleBounds(new double[] {0, 0, 0}, new double[] {1, 1, 1}));
            } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
                // BOBYQA gives up on some flat or noisy surfaces ("trust region step has failed"): other starts,
                // or the grid below, still find the minimum
                continue;
            }
            if (best == null || p.getValue() < best.getValue()) {
                best = p;
            }
        }
        if (best == null) {
            best = gridSearch(sse);
        }
        double[] a = best.getPoint();
        return run(series, period, clamp(a[0]), clamp(a[1]), clamp(a[2]));
    }

    /** A coarse search of [0, 1]^3 in steps of 0.05, when every optimiser start failed. */
    private static PointValuePair gridSearch(MultivariateFunction sse) {
        PointValuePair best = null;
        for (int i = 0; i <= 20; i++) {
            for (int j = 0; j <= 20; j++) {
                for (int k = 0; k <= 20; k++) {
                    double[] p = {i / 20.0, j / 20.0, k / 20.0};
                    double v = sse.value(p);
                    if (best == null || v < best.getValue()) {
                        best = new PointValuePair(p, v);
                    }
                }
            }
        }
        return best;
    }

    /** The model with given smoothing parameters (no fitting). */
    public static HoltWintersModel withParameters(double[] series, int period, double alpha, double beta,
                                                  double gamma) {
        check(series, period);
        return run(series, period, alpha, beta, gamma);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static void check(double[] series, int period) {
        if (period < 2) {
            throw new IllegalArgumentException("season length must be at least 2: " + period);
        }
        if (series.length < 2 * period + 1) {
            throw new UserException("forecast.error.tooShort", series.length, period, 2 * period + 1);
        }
        for (int i = 0; i < 2 * period; i++) {
            if (Double.isNaN(series[i])) {
                throw new UserException("forecast.error.startMissing", i + 1, 2 * period);
            }
        }
    }

    static HoltWintersModel run(double[] x, int m, double alpha, double beta, double gamma) {
        int n = x.length;
        double mean1 = 0;
        double mean2 = 0;
        for (int i = 0; i < m; i++) {
            mean1 += x[i];
            mean2 += x[m + i];
        }
        mean1 /= m;
        mean2 /= m;
        double trend = (mean2 - mean1) / m;
        double level = mean1 + trend * (m - 1) / 2;          // the level at the end of the first season
        double[] season = new double[n];
        for (int i = 0; i < m; i++) {
            season[i] = x[i] - (mean1 + trend * (i - (m - 1) / 2.0));
        }
        double[] fitted = new double[n];
        java.util.Arrays.fill(fitted, 0, m, Double.NaN);
        double sse = 0;
        int errors = 0;
        for (int t = m; t < n; t++) {
            double forecast = level + trend + season[t - m];
            fitted[t] = forecast;
            double v = x[t];
            if (Double.isNaN(v)) {
                level = level + trend;
                season[t] = season[t - m];
                continue;
            }
            double e = v - forecast;
            sse += e * e;
            errors++;
            double previous = level;
            level = alpha * (v - season[t - m]) + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
            season[t] = gamma * (v - level) + (1 - gamma) * season[t - m];
        }
        double[] lastSeason = java.util.Arrays.copyOfRange(season, n - m, n);
        return new HoltWintersModel(alpha, beta, gamma, m, level, trend, lastSeason, sse, errors, x.clone(), fitted);
    }
}
