package org.ecomonitor.analysis.trend;

import org.ecomonitor.i18n.UserException;

/**
 * Kendall's score S = (concordant pairs) − (discordant pairs) of paired samples (x, y), with the tie structure
 * of both samples that its variance and tau-b need. Computed by Knight's (1966) algorithm: sort by (x, y), count
 * the tied pairs in x and in (x, y) on the way, then count the discordant pairs as the exchanges needed to sort
 * that sequence by y (the inversions of its y order, counted by {@link InversionCounter} instead of Knight's
 * merge sort: same result, faster in Java); ties in y are counted on the sorted y. O(n log n) time, O(n) space;
 * no pair is enumerated.
 * <p>
 * Ties are exact equality of doubles (as R's {@code duplicated}). The variance is the tie-corrected one of
 * Kendall (1975) as R's {@code cor.test(method = "kendall", exact = FALSE)} computes it.
 */
public final class KendallScore {

    private final int n;
    private final long s;
    private final long tiedPairsX;
    private final long tiedPairsY;
    private final TieSums tiesX;
    private final TieSums tiesY;

    private KendallScore(int n, long s, long tiedPairsX, long tiedPairsY, TieSums tiesX, TieSums tiesY) {
        this.n = n;
        this.s = s;
        this.tiedPairsX = tiedPairsX;
        this.tiedPairsY = tiedPairsY;
        this.tiesX = tiesX;
        this.tiesY = tiesY;
    }

    /**
     * The score of (x[i], y[i]). Both arrays have the same length and hold no NaN (drop missing values first).
     */
    public static KendallScore of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        int n = x.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new UserException("trend.error.nan", i + 1);
            }
        }
        int[] order = IndexSort.order(x, y);
        double[] ys = new double[n];
        TieSums.Builder bx = new TieSums.Builder();
        long jointTies = 0;
        for (int i = 0; i < n; i++) {
            ys[i] = y[order[i]];
        }
        int groupStart = 0;
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            boolean newGroup = i == n || x[order[i]] != x[order[i - 1]];
            if (newGroup || ys[i] != ys[i - 1]) {
                jointTies += pairs(i - runStart);
                runStart = i;
            }
            if (newGroup) {
                bx.add(i - groupStart);
                groupStart = i;
            }
        }
        int[] byY = new int[n];
        long discordant = new InversionCounter().sort(ys, 0, n, byY, null);
        double[] sortedY = new double[n];
        for (int i = 0; i < n; i++) {
            sortedY[i] = ys[byY[i]];
        }
        ys = sortedY;
        TieSums.Builder by = new TieSums.Builder();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || ys[i] != ys[i - 1]) {
                by.add(i - start);
                start = i;
            }
        }
        TieSums tx = bx.build();
        TieSums ty = by.build();
        long n0 = pairs(n);
        long s = n0 - tx.tiedPairs() - ty.tiedPairs() + jointTies - 2 * discordant;
        return new KendallScore(n, s, tx.tiedPairs(), ty.tiedPairs(), tx, ty);
    }

    static long pairs(long m) {
        return m * (m - 1) / 2;
    }

    /** Number of pairs of observations. */
    public int n() {
        return n;
    }

    /** Kendall's S. */
    public long s() {
        return s;
    }

    /** Pairs tied in x. */
    public long tiedPairsX() {
        return tiedPairsX;
    }

    /** Pairs tied in y. */
    public long tiedPairsY() {
        return tiedPairsY;
    }

    /** Tau-b = S / sqrt((n0 − n1)(n0 − n2)); NaN when x or y is constant. */
    public double tauB() {
        double n0 = pairs(n);
        double d = Math.sqrt((n0 - tiedPairsX) * (n0 - tiedPairsY));
        return d == 0 ? Double.NaN : s / d;
    }

    /** Var(S) under independence, corrected for ties in x and y (Kendall 1975, as R's cor.test). */
    public double varianceS() {
        return variance(n, tiesX, tiesY);
    }

    /**
     * Var(S) of (x, y) from the tie structure alone, without computing S (two primitive sorts); for the Sen
     * slope interval. Arrays must hold no NaN.
     */
    public static double varianceS(double[] x, double[] y) {
        return variance(x.length, ties(x), ties(y));
    }

    private static TieSums ties(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        TieSums.Builder b = new TieSums.Builder();
        int start = 0;
        for (int i = 1; i <= s.length; i++) {
            if (i == s.length || s[i] != s[i - 1]) {
                b.add(i - start);
                start = i;
            }
        }
        return b.build();
    }

    static double variance(int n, TieSums tx, TieSums ty) {
        if (n < 2) {
            return 0;
        }
        double dn = n;
        double v0 = dn * (dn - 1) * (2 * dn + 5);
        double v = (v0 - tx.cubic() - ty.cubic()) / 18;
        v += (double) tx.square() * ty.square() / (2 * dn * (dn - 1));
        if (n > 2) {
            v += (double) tx.third() * ty.third() / (9 * dn * (dn - 1) * (dn - 2));
        }
        return v;
    }

    TieSums tiesX() {
        return tiesX;
    }

    TieSums tiesY() {
        return tiesY;
    }

    /**
     * Sums over the tie groups (sizes t) of one sample: Σ t(t−1), Σ t(t−1)(2t+5), Σ t(t−1)(t−2).
     */
    record TieSums(long square, long cubic, long third) {
        long tiedPairs() {
            return square / 2;
        }

        TieSums plus(TieSums o) {
            return new TieSums(square + o.square, cubic + o.cubic, third + o.third);
        }

        static final class Builder {
            private long square;
            private long cubic;
            private long third;

            void add(long t) {
                if (t > 1) {
                    square += t * (t - 1);
                    cubic += t * (t - 1) * (2 * t + 5);
                    third += t * (t - 1) * (t - 2);
                }
            }

            TieSums build() {
                return new TieSums(square, cubic, third);
            }
        }
    }
}
