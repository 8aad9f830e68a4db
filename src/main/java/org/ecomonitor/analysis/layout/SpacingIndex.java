package org.ecomonitor.analysis.layout;

import java.util.HashMap;
import java.util.Map;

/**
 * The minimum-spacing rule between monitoring points: a bucket grid of the spacing's size, so that asking whether
 * a location is at least the spacing away from every point added so far looks at nine buckets, O(1). A spacing
 * of 0 or less accepts every location. Not thread-safe.
 */
final class SpacingIndex {

    private final double spacing;
    private final double spacing2;
    private final Map<Long, double[]> buckets = new HashMap<>();

    SpacingIndex(double spacing) {
        this.spacing = spacing;
        this.spacing2 = spacing * spacing;
    }

    private static long key(long bx, long by) {
        return (bx << 32) ^ (by & 0xffffffffL);
    }

    /** Adds a point. */
    void add(double x, double y) {
        if (!(spacing > 0)) {
            return;
        }
        long bx = (long) Math.floor(x / spacing);
        long by = (long) Math.floor(y / spacing);
        buckets.merge(key(bx, by), new double[]{x, y}, (a, b) -> {
            double[] c = java.util.Arrays.copyOf(a, a.length + 2);
            c[a.length] = b[0];
            c[a.length + 1] = b[1];
            return c;
        });
    }

    /** Removes one point at exactly (x, y), if present. */
    void remove(double x, double y) {
        if (!(spacing > 0)) {
            return;
        }
        long k = key((long) Math.floor(x / spacing), (long) Math.floor(y / spacing));
        double[] a = buckets.get(k);
        if (a == null) {
            return;
        }
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] == x && a[i + 1] == y) {
                double[] c = new double[a.length - 2];
                System.arraycopy(a, 0, c, 0, i);
                System.arraycopy(a, i + 2, c, i, a.length - i - 2);
                if (c.length == 0) {
                    buckets.remove(k);
                } else {
                    buckets.put(k, c);
                }
                return;
            }
        }
    }

    /** True when no added point is closer than the spacing to (x, y). */
    boolean isFree(double x, double y) {
        if (!(spacing > 0)) {
            return true;
        }
        long bx = (long) Math.floor(x / spacing);
        long by = (long) Math.floor(y / spacing);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                double[] a = buckets.get(key(bx + dx, by + dy));
                if (a == null) {
                    continue;
                }
                for (int i = 0; i < a.length; i += 2) {
                    double ex = a[i] - x;
                    double ey = a[i + 1] - y;
                    if (ex * ex + ey * ey < spacing2) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
