package org.ecomonitor.analysis.contour;

import java.util.Arrays;

/** Directed segments between keyed points, in growable primitive arrays. */
final class SegmentList {

    int size;
    long[] from = new long[1024];
    long[] to = new long[1024];
    double[] fx = new double[1024];
    double[] fy = new double[1024];
    double[] tx = new double[1024];
    double[] ty = new double[1024];

    void add(long fromKey, double x1, double y1, long toKey, double x2, double y2) {
        if (size == from.length) {
            int n = size * 2;
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            fx = Arrays.copyOf(fx, n);
            fy = Arrays.copyOf(fy, n);
            tx = Arrays.copyOf(tx, n);
            ty = Arrays.copyOf(ty, n);
        }
        from[size] = fromKey;
        to[size] = toKey;
        fx[size] = x1;
        fy[size] = y1;
        tx[size] = x2;
        ty[size] = y2;
        size++;
    }

    /**
     * For each key, the segments starting there: {@code (from[s] * size + s)} sorted, so that the segments
     * leaving a key form one run. O(n log n).
     */
    long[] byStart() {
        long[] sorted = new long[size];
        for (int s = 0; s < size; s++) {
            sorted[s] = from[s] * size + s;
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** Index in {@code sorted} of the first segment leaving {@code key}, or -1. */
    int firstLeaving(long[] sorted, long key) {
        long target = key * size;
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < sorted.length && sorted[lo] / size == key ? lo : -1;
    }
}
