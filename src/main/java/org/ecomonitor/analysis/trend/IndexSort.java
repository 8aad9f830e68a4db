package org.ecomonitor.analysis.trend;

/**
 * A stable primitive merge sort of indices by two double keys (no boxing), linear when the input is already in
 * order, as time series usually are. O(n log n) time, O(n) extra space. Keys must not be NaN.
 */
final class IndexSort {

    private IndexSort() {
    }

    /** Indices 0..n-1 ordered by (primary, secondary), ties kept in index order. */
    static int[] order(double[] primary, double[] secondary) {
        int n = primary.length;
        int[] idx = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            if (i > 0 && compare(primary, secondary, i - 1, i) > 0) {
                sorted = false;
            }
        }
        if (sorted) {
            return idx;
        }
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (compare(primary, secondary, idx[mid - 1], idx[mid]) <= 0) {
                    continue;
                }
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = compare(primary, secondary, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
                }
                while (i < mid) {
                    tmp[k++] = idx[i++];
                }
                while (j < hi) {
                    tmp[k++] = idx[j++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
        return idx;
    }

    private static int compare(double[] primary, double[] secondary, int a, int b) {
        if (primary[a] < primary[b]) {
            return -1;
        }
        if (primary[a] > primary[b]) {
            return 1;
        }
        if (secondary == null) {
            return 0;
        }
        return secondary[a] < secondary[b] ? -1 : secondary[a] > secondary[b] ? 1 : 0;
    }
}
