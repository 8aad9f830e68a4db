package org.ecomonitor.analysis.trend;

import java.util.Arrays;

/**
 * Sorts the points of a range by a double key and counts the inversions of that order against index order
 * (pairs i &lt; j that the key order puts j before i). The machine's fast primitive sort does the work: keys
 * are packed with the index into longs (the key's low mantissa bits give way to the index), sorted, repaired
 * by an insertion pass on the exact keys (near-linear: only keys equal to ~1e-10 move), runs of exactly equal
 * keys are ordered by the caller's tie rule, and the inversions of the resulting permutation are counted bit
 * by bit (a stable radix partition per bit, no data-dependent branches). O(n log n) time, O(n) space.
 */
final class InversionCounter {

    /** Order of two points whose keys are exactly equal. */
    interface TieRule {
        boolean before(int a, int b);
    }

    private long[] packed = new long[0];
    private int[] local = new int[0];
    private int[] scratch = new int[0];

    /**
     * Writes into ord[from..to) the indices from..to−1 sorted by (key, tie rule, index) and returns the number of
     * index pairs it inverts. Keys must not be NaN. {@code tie} may be null (index order among equal keys).
     */
    long sort(double[] key, int from, int to, int[] ord, TieRule tie) {
        int len = to - from;
        if (len < 2) {
            if (len == 1) {
                ord[from] = from;
            }
            return 0;
        }
        ensure(len);
        int bits = 32 - Integer.numberOfLeadingZeros(len - 1);
        long mask = (1L << bits) - 1;
        for (int k = 0; k < len; k++) {
            long b = Double.doubleToRawLongBits(key[from + k] + 0.0); // -0.0 becomes 0.0
            b ^= (b >> 63) & Long.MAX_VALUE;
            packed[k] = (b & ~mask) | k;
        }
        Arrays.sort(packed, 0, len);
        for (int k = 0; k < len; k++) {
            ord[from + k] = from + (int) (packed[k] & mask);
        }
        // repair the order the truncated keys left: exact key, then index
        for (int i = from + 1; i < to; i++) {
            int x = ord[i];
            double kx = key[x];
            int j = i - 1;
            while (j >= from && (key[ord[j]] > kx || (key[ord[j]] == kx && ord[j] > x))) {
                ord[j + 1] = ord[j];
                j--;
            }
            ord[j + 1] = x;
        }
        if (tie != null) {
            int runStart = from;
            for (int i = from + 1; i <= to; i++) {
                if (i == to || key[ord[i]] != key[ord[runStart]]) {
                    if (i - runStart > 1) {
                        mergeSort(ord, runStart, i, tie);
                    }
                    runStart = i;
                }
            }
        }
        for (int k = 0; k < len; k++) {
            local[k] = ord[from + k] - from;
        }
        return countInversions(local, scratch, len, bits);
    }

    private void ensure(int len) {
        if (packed.length < len) {
            packed = new long[len];
            local = new int[len];
            scratch = new int[len];
        }
    }

    /** Receives sampled inversions: the value that comes later and the larger value before it. */
    interface InversionSink {
        void accept(int later, int earlier);
    }

    /** Inversions of a permutation of 0..len−1 (destroys a and b). */
    static long countInversions(int[] a, int[] b, int len, int bits) {
        return countInversions(a, b, len, bits, null, 0, 0, null);
    }

    /**
     * Inversions of a permutation of 0..len−1 (destroys a and b). From the top, two bits at a time: within each
     * group of values sharing the higher bits, count the pairs where a larger 2-bit digit comes first, then
     * partition the group stably by the digit. No data-dependent branches. Each inversion is met once, in a
     * fixed order; the inversions whose number (from {@code offset}) is in {@code wanted[from..]} (sorted) go to
     * the sink, at O(1) each: the earlier partner is read from the group's partition so far. Returns the count.
     */
    static long countInversions(int[] a, int[] b, int len, int bits, long[] wanted, int from, long offset,
                                InversionSink sink) {
        long inv = 0;
        int[] src = a;
        int[] dst = b;
        int[] count = new int[4];
        int[] write = new int[4];
        int[] first = new int[4];
        int next = from;
        long nextWanted = wanted != null && next < wanted.length ? wanted[next] - offset : Long.MAX_VALUE;
        for (int high = bits; high > 0; ) {
            int low = Math.max(0, high - 2);
            int digits = 1 << (high - low);
            int group = 1 << high;
            for (int s = 0; s < len; s += group) {
                int e = Math.min(s + group, len);
                for (int q = 0; q < 4; q++) {
                    count[q] = 0;
                    first[q] = Math.min(s + (q << low), e);
                    write[q] = first[q];
                }
                int mask = digits - 1;
                for (int i = s; i < e; i++) {
                    int v = src[i];
                    int q = (v >>> low) & mask;
                    long c = (count[1] & ((q - 1) >> 31)) + (count[2] & ((q - 2) >> 31))
                            + (count[3] & ((q - 3) >> 31));
                    while (inv + c > nextWanted) {
                        long j = nextWanted - inv;           // the j-th earlier value with a larger digit
                        int d = q + 1;
                        while (j >= count[d]) {
                            j -= count[d];
                            d++;
                        }
                        sink.accept(v, dst[first[d] + (int) j]);
                        next++;
                        nextWanted = next < wanted.length ? wanted[next] - offset : Long.MAX_VALUE;
                    }
                    inv += c;
                    count[q]++;
                    dst[write[q]++] = v;
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
            high = low;
        }
        return inv;
    }

    private void mergeSort(int[] ord, int from, int to, TieRule tie) {
        int[] tmp = new int[to - from];
        for (int width = 1; width < to - from; width *= 2) {
            for (int lo = from; lo < to - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, to);
                int i = lo;
                int j = mid;
                int k = 0;
                while (i < mid && j < hi) {
                    tmp[k++] = tie.before(ord[j], ord[i]) ? ord[j++] : ord[i++];
                }
                while (i < mid) {
                    tmp[k++] = ord[i++];
                }
                while (j < hi) {
                    tmp[k++] = ord[j++];
                }
                System.arraycopy(tmp, 0, ord, lo, hi - lo);
            }
        }
    }
}
