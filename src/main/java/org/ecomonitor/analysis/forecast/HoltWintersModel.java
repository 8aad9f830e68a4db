package org.ecomonitor.analysis.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted additive Holt-Winters model: its parameters, its state after the last value, one-step fitted values,
 * and forecasts with prediction intervals. The h-step variance is R's ({@code predict.HoltWinters}):
 * σ²·(1 + Σ_{j=1}^{h−1} ψ_j²) with ψ_j = α(1 + jβ) + [j mod m = 0]·γ(1 − α), σ² the sample variance of the
 * one-step errors; intervals and exceedance probabilities assume normal errors.
 */
public final class HoltWintersModel {

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final int period;
    private final double level;
    private final double trend;
    private final double[] season;   // season of the last m time steps, oldest first
    private final double sse;
    private final int errors;
    private final double[] series;
    private final double[] fitted;
    private final double residualVariance;

    HoltWintersModel(double alpha, double beta, double gamma, int period, double level, double trend,
                     double[] season, double sse, int errors, double[] series, double[] fitted) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.period = period;
        this.level = level;
        this.trend = trend;
        this.season = season;
        this.sse = sse;
        this.errors = errors;
        this.series = series;
        this.fitted = fitted;
        this.residualVariance = variance(series, fitted);
    }

    private static double variance(double[] x, double[] f) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(f[i])) {
                sum += x[i] - f[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(f[i])) {
                double d = x[i] - f[i] - mean;
                ss += d * d;
            }
        }
        return ss / (n - 1);
    }

    /** One coming period's forecast. */
    public record Forecast(int step, double mean, double lower, double upper, double sd) {
    }

    /** Point forecast h ≥ 1 steps after the last value. */
    public double mean(int h) {
        if (h < 1) {
            throw new IllegalArgumentException("horizon must be at least 1: " + h);
        }
        return level + h * trend + season[(h - 1) % period];
    }

    /** Standard deviation of the h-step forecast error. */
    public double sd(int h) {
        double sum = 1;
        for (int j = 1; j < h; j++) {
            double psi = alpha * (1 + j * beta) + (j % period == 0 ? gamma * (1 - alpha) : 0);
            sum += psi * psi;
        }
        return Math.sqrt(residualVariance * sum);
    }

    /** Forecasts 1..horizon with two-sided prediction intervals at {@code level} (0.95 for 95 %). */
    public List<Forecast> forecast(int horizon, double level) {
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
        List<Forecast> out = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            double m = mean(h);
            double s = sd(h);
            out.add(new Forecast(h, m, m - z * s, m + z * s, s));
        }
        return out;
    }

    /** P(value h steps ahead &gt; limit) under the normal approximation. */
    public double exceedanceProbability(int h, double limit) {
        double s = sd(h);
        double m = mean(h);
        if (!(s > 0)) {
            return m > limit ? 1 : 0;
        }
        return 1 - new NormalDistribution().cumulativeProbability((limit - m) / s);
    }

    /** Exceedance probability of each of the next {@code horizon} periods. */
    public double[] exceedanceProbabilities(int horizon, double limit) {
        double[] p = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            p[h - 1] = exceedanceProbability(h, limit);
        }
        return p;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double gamma() {
        return gamma;
    }

    public int period() {
        return period;
    }

    /** Sum of squared one-step errors. */
    public double sse() {
        return sse;
    }

    /** Number of one-step errors in {@link #sse()}. */
    public int errorCount() {
        return errors;
    }

    /** One-step forecasts of the series (NaN over the first season). */
    public double[] fitted() {
        return fitted.clone();
    }

    public double residualVariance() {
        return residualVariance;
    }

    double[] series() {
        return series.clone();
    }
}
