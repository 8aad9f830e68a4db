package org.ecomonitor.analysis.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Order statistics (by rank) of the pairwise slopes (y_j − y_i)/(t_j − t_i) over all pairs with t_i ≠ t_j,
 * optionally only within blocks (the seasons of a seasonal Sen slope), without enumerating the ~n²/2 slopes.
 * <p>
 * Small inputs (at most {@value #DIRECT_LIMIT} pairs) are enumerated and sorted, as R does. Larger ones use
 * randomized interval shrinking in the manner of Matoušek (1991) and Dillencourt, Mount and Netanyahu (1992):
 * a slope value s is a "cut"; the number of slopes ≤ s is the number of inversions between the time order
 * and the order of y − s·t ({@link InversionCounter}, O(n log n)). The slopes between two cuts are the
 * inversions between the two cuts' orders; r of them are sampled uniformly while counting those inversions, in
 * O(n log n + r); sample quantiles give tighter cuts around the wanted ranks; once few slopes remain between the
 * cuts they are enumerated by an insertion sort in O(n + K). For a median and its two interval bounds that is
 * five cuts, one sampling pass and three enumerations: expected O(n log n) time, O(n + r) space. Ties among slopes are
 * broken symbolically by a second slope ((j − i)/(t_j − t_i), j, i positions in time order) so that runs of
 * equal slopes (integer data) do not stall the shrinking. Results are exact up to the rounding of y − s·t.
 */
final class PairwiseSlopeSelection {

    /** Inputs with at most this many slopes are enumerated. */
    static final long DIRECT_LIMIT = 1L << 21;
    private static final int MAX_ROUNDS = 60;

    private final double[] t;
    private final double[] y;
    private final int[] start;
    private final int n;
    private final long pairs;
    private final SplittableRandom random;
    private final int sampleSize;
    private final int firstSampleSize;
    private final long enumerateLimit;

    private final double[] z;
    private final InversionCounter counter = new InversionCounter();

    /**
     * @param time   times, no NaN
     * @param values values, no NaN
     * @param block  block (season) of each pair, or null for one block; pairs are only formed within a block
     * @param seed   seed of the sampling (results do not depend on it)
     */
    PairwiseSlopeSelection(double[] time, double[] values, int[] block, long seed) {
        n = time.length;
        int[] base = baseOrder(time, values, block);
        t = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = time[base[i]];
            y[i] = values[base[i]];
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i < n; i++) {
            if (block != null && block[base[i]] != block[base[i - 1]]) {
                starts.add(i);
            }
        }
        starts.add(n);
        start = starts.stream().mapToInt(Integer::intValue).toArray();
        long p = 0;
        for (int b = 0; b + 1 < start.length; b++) {
            p += KendallScore.pairs(start[b + 1] - start[b]);
            int g = start[b];
            for (int i = start[b] + 1; i <= start[b + 1]; i++) {
                if (i == start[b + 1] || t[i] != t[i - 1]) {
                    p -= KendallScore.pairs(i - g);
                    g = i;
                }
            }
        }
        pairs = p;
        random = new SplittableRandom(seed);
        sampleSize = (int) Math.max(4096, Math.min(2L * n, 1 << 17));
        firstSampleSize = (int) Math.max(4096, Math.min(4L * n, 1 << 18));
        enumerateLimit = Math.max(8L * n, 1 << 16);
        z = new double[n];
    }

    private static int[] baseOrder(double[] time, double[] values, int[] block) {
        if (block == null) {
            return IndexSort.order(time, values);
        }
        int m = time.length;
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = block[i];
        }
        int[] byBlock = IndexSort.order(b, time);
        int[] out = new int[m];
        int s = 0;
        for (int i = 1; i <= m; i++) {
            if (i == m || block[byBlock[i]] != block[byBlock[i - 1]]) {
                double[] tt = new double[i - s];
                double[] yy = new double[i - s];
                for (int k = s; k < i; k++) {
                    tt[k - s] = time[byBlock[k]];
                    yy[k - s] = values[byBlock[k]];
                }
                int[] o = IndexSort.order(tt, yy);
                for (int k = 0; k < o.length; k++) {
                    out[s + k] = byBlock[s + o[k]];
                }
                s = i;
            }
        }
        return out;
    }

    /** Number of slopes (pairs with distinct times, within blocks). */
    long pairs() {
        return pairs;
    }

    /** The slopes of the given 0-based ranks in ascending order of slope; NaN when there is no slope. */
    double[] select(long... ranks) {
        double[] out = new double[ranks.length];
        if (pairs == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (long k : ranks) {
            if (k < 0 || k >= pairs) {
                throw new IllegalArgumentException("rank " + k + " outside 0.." + (pairs - 1));
            }
        }
        if (pairs <= DIRECT_LIMIT) {
            double[] all = enumerateAll();
            Arrays.sort(all);
            for (int i = 0; i < ranks.length; i++) {
                out[i] = all[(int) ranks[i]];
            }
            return out;
        }
        Integer[] byRank = new Integer[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            byRank[i] = i;
        }
        Arrays.sort(byRank, (a, b) -> Long.compare(ranks[a], ranks[b]));
        solve(negativeInfinity(), positiveInfinity(), ranks, byRank, out, 0);
        return out;
    }

    private double[] enumerateAll() {
        double[] all = new double[(int) pairs];
        int k = 0;
        for (int b = 0; b + 1 < start.length; b++) {
            for (int i = start[b]; i < start[b + 1]; i++) {
                for (int j = i + 1; j < start[b + 1]; j++) {
                    if (t[j] != t[i]) {
                        all[k++] = (y[j] - y[i]) / (t[j] - t[i]);
                    }
                }
            }
        }
        return all;
    }

    // ---- cuts ------------------------------------------------------------------------------------------

    /** A position in the order of (slope, second slope): count = number of slopes at or below it. */
    private static final class Cut {
        final int kind; // -1 = −∞, 0 = finite, +1 = +∞
        final double s;
        final double sigma;
        final boolean strict; // true: counts keys < (s, sigma); false: keys ≤ (s, sigma)
        long count;
        int[] order;

        Cut(int kind, double s, double sigma, boolean strict) {
            this.kind = kind;
            this.s = s;
            this.sigma = sigma;
            this.strict = strict;
        }

        boolean sameKey(Cut o) {
            return kind == 0 && o.kind == 0 && s == o.s && sigma == o.sigma;
        }
    }

    private Cut negativeInfinity() {
        Cut c = new Cut(-1, Double.NEGATIVE_INFINITY, 0, false);
        c.count = 0;
        c.order = new int[n];
        for (int i = 0; i < n; i++) {
            c.order[i] = i;
        }
        return c;
    }

    private Cut positiveInfinity() {
        Cut c = new Cut(1, Double.POSITIVE_INFINITY, 0, false);
        c.count = pairs;
        c.order = new int[n];
        for (int b = 0; b + 1 < start.length; b++) {
            int out = start[b];
            int groupEnd = start[b + 1];
            for (int i = start[b + 1] - 1; i >= start[b]; i--) {
                if (i == start[b] || t[i] != t[i - 1]) {
                    for (int k = i; k < groupEnd; k++) {
                        c.order[out++] = k;
                    }
                    groupEnd = i;
                }
            }
        }
        return c;
    }

    private Cut finiteCut(double s, double sigma, boolean strict) {
        Cut c = new Cut(0, s, sigma, strict);
        prepare(c);
        int[] ord = new int[n];
        long inversions = 0;
        for (int b = 0; b + 1 < start.length; b++) {
            inversions += counter.sort(z, start[b], start[b + 1], ord, (x, y2) -> tieBefore(c, x, y2));
        }
        c.order = ord;
        c.count = inversions;
        return c;
    }

    private void prepare(Cut c) {
        if (c.kind != 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            z[i] = y[i] - c.s * t[i];
        }
    }

    /** True when point a comes before point b in the order of cut c (z filled for c by {@link #prepare}). */
    private boolean before(Cut c, int a, int b) {
        if (c.kind != 0) {
            if (t[a] != t[b]) {
                return c.kind < 0 ? t[a] < t[b] : t[a] > t[b];
            }
            return a < b;
        }
        if (z[a] != z[b]) {
            return z[a] < z[b];
        }
        return tieBefore(c, a, b);
    }

    /** The order of two points whose z is equal at cut c: by the second key, then by time. */
    private boolean tieBefore(Cut c, int a, int b) {
        double wa = a - c.sigma * t[a];
        double wb = b - c.sigma * t[b];
        if (wa != wb) {
            return wa < wb;
        }
        if (t[a] != t[b]) {
            return c.strict ? t[a] < t[b] : t[a] > t[b];
        }
        return a < b;
    }

    // ---- the shrinking ---------------------------------------------------------------------------------

    private void solve(Cut lo, Cut hi, long[] ranks, Integer[] group, double[] out, int round) {
        long k = hi.count - lo.count;
        if (lo.kind == 0 && hi.kind == 0 && lo.s == hi.s) {
            for (int g : group) {
                out[g] = hi.s; // every slope between the cuts equals s
            }
            return;
        }
        if (k <= enumerateLimit || round >= MAX_ROUNDS) {
            enumerate(lo, hi, ranks, group, out, Long.MAX_VALUE);
            return;
        }
        Sample sample = lo.kind < 0 && hi.kind > 0 ? sampleAll(firstSampleSize) : sampleBetween(lo, hi, sampleSize);
        int rs = sample.size();
        if (rs == 0) {
            enumerate(lo, hi, ranks, group, out, Long.MAX_VALUE);
            return;
        }
        // a window of sample positions around each rank; overlapping windows form one group
        int[] winLo = new int[group.length];
        int[] winHi = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            double p = (ranks[group[i]] - lo.count + 0.5) / k;
            double margin = 3.5 * Math.sqrt(rs * p * (1 - p)) + 3;
            winLo[i] = (int) Math.floor(p * rs - margin);
            winHi[i] = (int) Math.ceil(p * rs + margin);
        }
        int from = 0;
        while (from < group.length) {
            int to = from + 1;
            int a = winLo[from];
            int b = winHi[from];
            while (to < group.length && winLo[to] <= b) {
                b = Math.max(b, winHi[to]);
                to++;
            }
            Integer[] sub = Arrays.copyOfRange(group, from, to);
            long kMin = ranks[sub[0]];
            long kMax = ranks[sub[sub.length - 1]];
            Cut newLo = lowerCut(sample, a, lo, kMin);
            double expected = (double) (Math.min(b, rs) - Math.max(a, 0)) / rs * k;
            boolean done = false;
            if (b < rs && expected <= enumerateLimit) {
                // few slopes expected: enumerate up to the sample's cut without counting it first
                Cut guess = new Cut(0, sample.primary(b), sample.secondary(b), true);
                done = enumerate(newLo, guess, ranks, sub, out, 3L * enumerateLimit);
            }
            if (!done) {
                solve(newLo, upperCut(sample, b, hi, kMax), ranks, sub, out, round + 1);
            }
            from = to;
        }
    }

    /** The tightest valid lower cut from sample position a, or the parent's cut. */
    private Cut lowerCut(Sample sample, int a, Cut parent, long kMin) {
        if (a < 0 || a >= sample.size()) {
            return parent;
        }
        double s = sample.primary(a);
        double sigma = sample.secondary(a);
        Cut c = finiteCut(s, sigma, false);
        if (c.count <= kMin) {
            return c;
        }
        // the wanted rank may sit inside a run of slopes equal to the cut: cut just below it instead
        Cut strict = finiteCut(s, sigma, true);
        return strict.count <= kMin && strict.count >= parent.count ? strict : parent;
    }

    /** The tightest valid upper cut from sample position b, or the parent's cut. */
    private Cut upperCut(Sample sample, int b, Cut parent, long kMax) {
        if (b < 0 || b >= sample.size()) {
            return parent;
        }
        double s = sample.primary(b);
        double sigma = sample.secondary(b);
        Cut c = finiteCut(s, sigma, true);
        if (c.count > kMax) {
            return c;
        }
        Cut inclusive = finiteCut(s, sigma, false);
        return inclusive.count > kMax && inclusive.count <= parent.count ? inclusive : parent;
    }

    /**
     * Sampled slopes with their second keys; {@link #primary(int)} and {@link #secondary(int)} give the key of
     * the i-th smallest in (slope, second) order.
     */
    private static final class Sample {
        private final double[] slope;
        private final double[] second;
        private final double[] sorted;

        Sample(double[] slope, double[] second, int m) {
            this.slope = Arrays.copyOf(slope, m);
            this.second = Arrays.copyOf(second, m);
            this.sorted = this.slope.clone();
            Arrays.sort(sorted);
        }

        int size() {
            return sorted.length;
        }

        double primary(int i) {
            return sorted[i];
        }

        double secondary(int i) {
            double v = sorted[i];
            int first = i;
            while (first > 0 && sorted[first - 1] == v) {
                first--;
            }
            int last = i;
            while (last + 1 < sorted.length && sorted[last + 1] == v) {
                last++;
            }
            if (first == last) {
                for (int j = 0; j < slope.length; j++) {
                    if (slope[j] == v) {
                        return second[j];
                    }
                }
            }
            double[] tied = new double[last - first + 1];
            int m = 0;
            for (int j = 0; j < slope.length; j++) {
                if (slope[j] == v) {
                    tied[m++] = second[j];
                }
            }
            Arrays.sort(tied);
            return tied[i - first];
        }
    }

    /** r slopes drawn uniformly (with replacement) among all: random pairs within a block, distinct times. */
    private Sample sampleAll(int r) {
        int blocks = start.length - 1;
        long[] cumulative = new long[blocks];
        long c = 0;
        for (int b = 0; b < blocks; b++) {
            c += KendallScore.pairs(start[b + 1] - start[b]);
            cumulative[b] = c;
        }
        double[] slope = new double[r];
        double[] second = new double[r];
        int m = 0;
        long attempts = 0;
        while (m < r && attempts < 64L * r) {
            attempts++;
            long u = Math.min(c - 1, (long) (random.nextDouble() * c));
            int b = 0;
            if (blocks > 1) {
                int idx = Arrays.binarySearch(cumulative, u);
                b = idx >= 0 ? idx + 1 : -idx - 1;
            }
            int len = start[b + 1] - start[b];
            long bits = random.nextLong();
            int i = start[b] + (int) (((bits >>> 32) * len) >>> 32);
            int j = start[b] + (int) (((bits & 0xFFFFFFFFL) * len) >>> 32);
            if (t[i] == t[j]) {
                continue;
            }
            double dt = t[j] - t[i];
            slope[m] = (y[j] - y[i]) / dt;
            second[m] = (j - i) / dt;
            m++;
        }
        if (m < r) {
            return sampleBetween(negativeInfinity(), positiveInfinity(), r); // times mostly tied
        }
        return new Sample(slope, second, m);
    }

    /**
     * r slopes drawn uniformly (with replacement) among those between the cuts: the slopes between them are the
     * inversions between the two cuts' orders, which {@link InversionCounter} counts and samples in O(n log n + r).
     */
    private Sample sampleBetween(Cut lo, Cut hi, int r) {
        long k = hi.count - lo.count;
        r = (int) Math.min(r, k);
        long[] u = sortedUniform(r, k);
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[hi.order[i]] = i;
        }
        double[] slope = new double[r];
        double[] second = new double[r];
        int[] m = {0};
        long offset = 0;
        int[] perm = new int[n];
        int[] scratch = new int[n];
        for (int b = 0; b + 1 < start.length && m[0] < r; b++) {
            int bs = start[b];
            int len = start[b + 1] - bs;
            for (int a = 0; a < len; a++) {
                perm[a] = pos[lo.order[bs + a]] - bs;
            }
            int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, len - 1)));
            offset += InversionCounter.countInversions(perm, scratch, len, bits, u, m[0], offset, (later, earlier) -> {
                int p = hi.order[bs + later];
                int o = hi.order[bs + earlier];
                double dt = t[p] - t[o];
                slope[m[0]] = (y[p] - y[o]) / dt;
                second[m[0]] = (p - o) / dt;
                m[0]++;
            });
        }
        return new Sample(slope, second, m[0]);
    }

    /** r sorted positions in [0, k), one uniform draw in each of r equal strata (stratified sampling). */
    private long[] sortedUniform(int r, long k) {
        long[] u = new long[r];
        double stratum = (double) k / r;
        for (int i = 0; i < r; i++) {
            u[i] = Math.min(k - 1, (long) ((i + random.nextDouble()) * stratum));
        }
        return u;
    }

    /**
     * Enumerates the slopes between two cuts (an insertion sort from the lower cut's order into the upper cut's
     * order meets each of them once) and picks the ranks. Gives up, returning false, when more than
     * {@code cap} slopes lie between the cuts or, for an upper cut not counted yet, when the ranks lie above it.
     */
    private boolean enumerate(Cut lo, Cut hi, long[] ranks, Integer[] group, double[] out, long cap) {
        if (Math.min(hi.count - lo.count, cap) > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("pairwise slope selection did not narrow below 2^31 slopes");
        }
        prepare(hi);
        int[] ord = lo.order.clone();
        // the points in the lower cut's order, so that the insertion sort reads memory sequentially
        double[] zo = new double[n];
        double[] yo = new double[n];
        double[] to = new double[n];
        for (int i = 0; i < n; i++) {
            int p = ord[i];
            zo[i] = hi.kind == 0 ? z[p] : (hi.kind < 0 ? t[p] : -t[p]);
            yo[i] = y[p];
            to[i] = t[p];
        }
        long expected = hi.order != null || hi.kind != 0 ? hi.count - lo.count : cap;
        double[] found = new double[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, Math.min(expected, cap)))];
        int m = 0;
        for (int b = 0; b + 1 < start.length; b++) {
            for (int i = start[b] + 1; i < start[b + 1]; i++) {
                int x = ord[i];
                double zx = zo[i];
                double yx = yo[i];
                double tx = to[i];
                int j = i - 1;
                while (j >= start[b] && (zx < zo[j] || (zx == zo[j] && before(hi, x, ord[j])))) {
                    if (m == found.length) {
                        if (m >= cap) {
                            return false;
                        }
                        found = Arrays.copyOf(found, (int) Math.min(Integer.MAX_VALUE - 8, 2L * found.length));
                    }
                    found[m++] = (yx - yo[j]) / (tx - to[j]);
                    ord[j + 1] = ord[j];
                    zo[j + 1] = zo[j];
                    yo[j + 1] = yo[j];
                    to[j + 1] = to[j];
                    j--;
                }
                ord[j + 1] = x;
                zo[j + 1] = zx;
                yo[j + 1] = yx;
                to[j + 1] = tx;
            }
        }
        if (ranks[group[group.length - 1]] >= lo.count + m && hi.order == null && hi.kind == 0) {
            return false;
        }
        if (m == 0) {
            for (int g : group) {
                out[g] = hi.s;
            }
            return true;
        }
        int[] local = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            local[i] = (int) Math.max(0, Math.min(m - 1, ranks[group[i]] - lo.count));
        }
        double[] values = Median.select(found, m, local);
        for (int i = 0; i < group.length; i++) {
            out[group[i]] = values[i];
        }
        return true;
    }
}
