package org.ecomonitor.analysis.trend;

/**
 * The Mann-Kendall test of a series: Kendall's S between time and value, its tie-corrected variance, the
 * continuity-corrected normal score z = (S − sign S)/√Var(S), the two-sided p and tau-b.
 *
 * @param n         number of (time, value) pairs used
 * @param s         Kendall's S
 * @param varianceS Var(S), tie-corrected
 * @param z         continuity-corrected normal score (NaN when Var(S) = 0)
 * @param p         two-sided p (NaN when z is)
 * @param tau       Kendall's tau-b
 */
public record MannKendallResult(int n, long s, double varianceS, double z, double p, double tau) {

    /** True when the test could be computed (at least two pairs, neither time nor value constant). */
    public boolean isDefined() {
        return !Double.isNaN(p);
    }

    /** +1 for an upward trend significant at {@code alpha}, −1 downward, 0 none (or undefined). */
    public int direction(double alpha) {
        if (!isDefined() || p >= alpha || s == 0) {
            return 0;
        }
        return s > 0 ? 1 : -1;
    }
}
