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
        return (select(a, n, n / 2 - 1) + select(a, n, n / 2)) / 2;
    }

    /** The k-th smallest (0-based) of a[0..m). */
    static double select(double[] a, int m, int k) {
        if (m <= SMALL) {
            double[] c = Arrays.copyOf(a, m);
            Arrays.sort(c);
            return c[k];
        }
        SplittableRandom rnd = new SplittableRandom(31L * m + k);
        int s = (int) Math.min(m, Math.max(1024, Math.sqrt(m) * 4));
        double[] sample = new double[s];
        for (int i = 0; i < s; i++) {
            sample[i] = a[rnd.nextInt(m)];
        }
        Arrays.sort(sample);
        double p = (k + 0.5) / m;
        double margin = 4 * Math.sqrt(s * p * (1 - p)) + 2;
        int lo = (int) Math.floor(p * s - margin);
        int hi = (int) Math.ceil(p * s + margin);
        double low = lo < 0 ? Double.NEGATIVE_INFINITY : sample[lo];
        double high = hi >= s ? Double.POSITIVE_INFINITY : sample[hi];
        int below = 0;
        int inside = 0;
        double[] middle = new double[Math.max(16, (int) Math.min(m, 4L * (hi - lo + 1) * m / s))];
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
        int r = k - below;
        if (r < 0 || r >= inside) {
            double[] c = Arrays.copyOf(a, m); // the bracket missed (probability ~1e-4): sort everything
            Arrays.sort(c);
            return c[k];
        }
        if (inside > SMALL) {
            return select(middle, inside, r);
        }
        Arrays.sort(middle, 0, inside);
        return middle[r];
    }
}
