package org.ecomonitor.analysis.trend;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Order statistics of a double array in expected O(n): Floyd-Rivest steps (two pivots from a sorted random
 * sample bracket the wanted rank, one pass counts the values below the bracket and gathers those inside it,
 * which are few, and the step repeats on them) down to a plain sort of a few thousand values. The input array
 * is not modified.
 */
final class Median {

    private static final int SMALL = 4096;

    private Median() {
    }

    /** The median (mean of the two middle values when n is even); NaN for an empty array. */
    static double of(double[] a) {
        int n = a.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (n % 2 == 1) {
            return select(a, n, n / 2);
        }
        double[] middle = select(a, n, new int[] {n / 2 - 1, n / 2});
        return (middle[0] + middle[1]) / 2;
    }

    /** The k-th smallest (0-based) of a[0..m). */
    static double select(double[] a, int m, int k) {
        return select(a, m, new int[] {k})[0];
    }

    /**
     * The k[i]-th smallest (0-based) of a[0..m) for each i; ranks close together (the two middle ones of a
     * median) share one pass.
     */
    static double[] select(double[] a, int m, int[] k) {
        int kMin = Arrays.stream(k).min().orElseThrow();
        int kMax = Arrays.stream(k).max().orElseThrow();
        double[] out = new double[k.length];
        if (m <= SMALL || (long) (kMax - kMin) * 16 > m) {
            if (m > SMALL && k.length > 1) {
                for (int i = 0; i < k.length; i++) {
                    out[i] = select(a, m, k[i]);
                }
                return out;
            }
            double[] c = Arrays.copyOf(a, m);
            Arrays.sort(c);
            for (int i = 0; i < k.length; i++) {
                out[i] = c[k[i]];
            }
            return out;
        }
        SplittableRandom rnd = new SplittableRandom(31L * m + kMin);
        int s = (int) Math.min(m, Math.max(1024, Math.sqrt(m) * 4));
        double[] sample = new double[s];
        for (int i = 0; i < s; i++) {
            sample[i] = a[rnd.nextInt(m)];
        }
        Arrays.sort(sample);
        double p1 = (kMin + 0.5) / m;
        double p2 = (kMax + 0.5) / m;
        int lo = (int) Math.floor(p1 * s - 4 * Math.sqrt(s * p1 * (1 - p1)) - 2);
        int hi = (int) Math.ceil(p2 * s + 4 * Math.sqrt(s * p2 * (1 - p2)) + 2);
        double low = lo < 0 ? Double.NEGATIVE_INFINITY : sample[lo];
        double high = hi >= s ? Double.POSITIVE_INFINITY : sample[hi];
        int below = 0;
        int inside = 0;
        double[] middle = new double[Math.max(16, (int) Math.min(m, 2L * (hi - lo + 1) * m / s))];
        for (int i = 0; i < m; i++) {
            double v = a[i];
            below += v < low ? 1 : 0;
            if (v >= low && v <= high) {
                if (inside == middle.length) {
                    middle = Arrays.copyOf(middle, Math.min(m, 2 * middle.length));
                }
                middle[inside++] = v;
            }
        }
        if (kMin - below < 0 || kMax - below >= inside || inside > m / 2) {
            // the bracket missed (probability ~1e-4) or many values are equal: sort everything
            double[] c = Arrays.copyOf(a, m);
            Arrays.sort(c);
            for (int i = 0; i < k.length; i++) {
                out[i] = c[k[i]];
            }
            return out;
        }
        int[] r = new int[k.length];
        for (int i = 0; i < k.length; i++) {
            r[i] = k[i] - below;
        }
        return select(middle, inside, r);
    }
}
