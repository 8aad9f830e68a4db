package org.ecomonitor.analysis.aggregate;

/**
 * The arithmetic mean computed as R's {@code mean()} does: a compensated (Neumaier) sum divided by n, then the
 * mean of the residuals added as a correction. The result is the correctly rounded mean in all but pathological
 * cases, so equal multisets of values give bit-identical means in any order (ties between monthly means stay
 * ties, which rank statistics depend on). O(n), two passes.
 */
public final class AccurateMean {

    private AccurateMean() {
    }

    /** Mean of values[from..to); NaN when the range is empty. */
    public static double of(double[] values, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return Double.NaN;
        }
        double mean = sum(values, from, to, 0) / n;
        if (Double.isFinite(mean)) {
            mean += sum(values, from, to, mean) / n;
        }
        return mean;
    }

    public static double of(double[] values) {
        return of(values, 0, values.length);
    }

    /** Neumaier's compensated sum of (v − shift). */
    private static double sum(double[] v, int from, int to, double shift) {
        double s = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double x = v[i] - shift;
            double t = s + x;
            if (Math.abs(s) >= Math.abs(x)) {
                c += (s - t) + x;
            } else {
                c += (x - t) + s;
            }
            s = t;
        }
        return s + c;
    }
}
