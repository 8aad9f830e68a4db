package org.ecomonitor.analysis.trend;

import org.apache.commons.math3.special.Erf;

/**
 * The Mann-Kendall trend test: Kendall's rank correlation between time and value with the normal
 * approximation, tie-corrected variance and continuity correction. Same numbers as R's
 * {@code cor.test(time, value, method = "kendall", exact = FALSE, continuity = TRUE)}: z, two-sided p, tau-b.
 * <p>
 * Pairs where time or value is NaN are dropped (missing aggregates). O(n log n) by {@link KendallScore}.
 */
public final class MannKendallTest {

    private MannKendallTest() {
    }

    /** The test of values against their index 1..n (an evenly spaced series; NaN values are dropped). */
    public static MannKendallResult test(double[] values) {
        return test(TrendInput.index(values.length), values);
    }

    /** The test of (time[i], value[i]). */
    public static MannKendallResult test(double[] time, double[] values) {
        TrendInput in = TrendInput.of(time, values);
        KendallScore k = KendallScore.of(in.t(), in.y());
        return result(k.n(), k.s(), k.varianceS(), k.tauB());
    }

    static MannKendallResult result(int n, long s, double var, double tau) {
        double z = Double.NaN;
        double p = Double.NaN;
        if (var > 0 && !Double.isNaN(tau)) {
            z = (s - Long.signum(s)) / Math.sqrt(var);
            p = twoSidedNormalP(z);
        }
        return new MannKendallResult(n, s, var, z, p, tau);
    }

    /** 2·Φ(−|z|), accurate in the far tail. */
    static double twoSidedNormalP(double z) {
        return Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
    }
}
