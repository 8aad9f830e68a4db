package org.ecomonitor.analysis.trend;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Sen's (1968) slope estimator: the median of the pairwise slopes (y_j − y_i)/(t_j − t_i), t_i ≠ t_j, with the
 * confidence interval of Gilbert (1987, §16.5) / Hollander and Wolfe: C = z_{1−α/2}·√Var(S), lower bound the
 * slope of rank round((N − C)/2), upper bound that of rank round((N + C)/2 + 1) (1-based, R's rounding, as R's
 * {@code trend::sens.slope}), with Var(S) the tie-corrected Mann-Kendall variance.
 * <p>
 * The slopes are never all enumerated beyond a few million: {@link PairwiseSlopeSelection} finds the ranks in
 * expected O(n log n). 100,000 values take tens of milliseconds.
 */
public final class SenSlope {

    /** The seed of the randomized selection; fixed so that runs are reproducible (results do not depend on it). */
    static final long SEED = 0x5E45L;

    private SenSlope() {
    }

    /** Sen's slope of values against their index 1..n with a 95 % interval (NaN values are dropped). */
    public static SenSlopeResult estimate(double[] values) {
        return estimate(TrendInput.index(values.length), values, 0.95);
    }

    /** Sen's slope of (time[i], value[i]) with a 95 % interval. */
    public static SenSlopeResult estimate(double[] time, double[] values) {
        return estimate(time, values, 0.95);
    }

    /** Sen's slope of (time[i], value[i]) with an interval at the given confidence level (0 &lt; level &lt; 1). */
    public static SenSlopeResult estimate(double[] time, double[] values, double confidence) {
        TrendInput in = TrendInput.of(time, values);
        double var = KendallScore.varianceS(in.t(), in.y());
        return estimate(in.t(), in.y(), null, var, confidence);
    }

    /** Sen's slope alone (no interval, no intercept): about half the work of {@link #estimate}. */
    public static double slope(double[] time, double[] values) {
        TrendInput in = TrendInput.of(time, values);
        PairwiseSlopeSelection slopes = new PairwiseSlopeSelection(in.t(), in.y(), null, SEED);
        long m = slopes.pairs();
        if (m == 0) {
            return Double.NaN;
        }
        double[] r = slopes.select((m - 1) / 2, m / 2);
        return (r[0] + r[1]) / 2;
    }

    static SenSlopeResult estimate(double[] t, double[] y, int[] block, double varianceS, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0, 1): " + confidence);
        }
        PairwiseSlopeSelection slopes = new PairwiseSlopeSelection(t, y, block, SEED);
        long m = slopes.pairs();
        if (m == 0) {
            return new SenSlopeResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, confidence);
        }
        double c = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2)
                * Math.sqrt(varianceS);
        boolean interval = c > 0;
        long rankLo = interval ? clamp(Math.round(Math.rint((m - c) / 2)), m) : 1;
        long rankUp = interval ? clamp(Math.round(Math.rint((m + c) / 2 + 1)), m) : 1;
        long mid1 = (m - 1) / 2;
        long mid2 = m / 2;
        double[] r = slopes.select(mid1, mid2, rankLo - 1, rankUp - 1);
        double slope = mid1 == mid2 ? r[0] : (r[0] + r[1]) / 2;
        double lower = interval ? r[2] : Double.NaN;
        double upper = interval ? r[3] : Double.NaN;
        double[] residual = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            residual[i] = y[i] - slope * t[i];
        }
        return new SenSlopeResult(slope, lower, upper, Median.of(residual), m, confidence);
    }

    private static long clamp(long rank, long m) {
        return Math.max(1, Math.min(m, rank));
    }
}
