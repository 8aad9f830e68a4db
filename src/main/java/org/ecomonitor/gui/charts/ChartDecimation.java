package org.ecomonitor.gui.charts;

import org.ecomonitor.analysis.aggregate.LargestTriangleThreeBuckets;

import java.util.Arrays;

/**
 * Which points of a long series a line chart draws: those in the visible time range, decimated with
 * {@link LargestTriangleThreeBuckets} to about two points per pixel column, so a 10-year hourly series (87,600
 * values) is drawn as ~2,000 points that keep its peaks and troughs. Zooming decimates again over the new range,
 * so detail appears as the user zooms in. Gaps (missing values, and steps much longer than the series' usual
 * step) are remembered so that a line never bridges a gap the decimation skipped over. O(n) per range.
 */
public final class ChartDecimation {

    private final double[] x;
    private final double[] y;
    /** breaks[i]: number of gaps at or before point i (a gap lies between i−1 and i). */
    private final int[] breaks;

    /** {@code x} ascending (epoch ms); {@code y} NaN where missing. */
    public ChartDecimation(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        this.x = x;
        this.y = y;
        this.breaks = new int[x.length];
        double usual = usualStep(x);
        double tooLong = usual * 1.6;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(y[i]) || (i > 0 && x[i] - x[i - 1] > tooLong)) {
                count++;
            }
            breaks[i] = count;
        }
    }

    /** The median distance of consecutive points (infinite for fewer than two). */
    static double usualStep(double[] x) {
        if (x.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        int n = Math.min(x.length - 1, 20_001);
        double[] d = new double[n];
        int stride = Math.max(1, (x.length - 1) / n);
        for (int i = 0; i < n; i++) {
            int j = 1 + i * stride;
            d[i] = x[Math.min(j, x.length - 1)] - x[Math.min(j, x.length - 1) - 1];
        }
        Arrays.sort(d);
        double m = d[n / 2];
        return m > 0 ? m : Double.POSITIVE_INFINITY;
    }

    public int size() {
        return x.length;
    }

    /**
     * Indices (ascending) of the points to draw for the range {@code from..to}, at most {@code maxPoints} of them;
     * the nearest point outside each end is included, so the line runs to the plot's edges.
     */
    public int[] visible(double from, double to, int maxPoints) {
        if (x.length == 0) {
            return new int[0];
        }
        int lo = lowerBound(from) - 1;
        int hi = lowerBound(Math.nextUp(to)) + 1;
        lo = Math.max(0, lo);
        hi = Math.min(x.length, hi);
        if (hi - lo <= 0) {
            return new int[0];
        }
        int threshold = Math.max(3, maxPoints);
        double[] sx = Arrays.copyOfRange(x, lo, hi);
        double[] sy = Arrays.copyOfRange(y, lo, hi);
        int[] idx = LargestTriangleThreeBuckets.decimate(sx, sy, threshold);
        for (int i = 0; i < idx.length; i++) {
            idx[i] += lo;
        }
        return idx;
    }

    /** True when the line from point {@code a} to point {@code b} (a &lt; b) would bridge a gap. */
    public boolean gapBetween(int a, int b) {
        return breaks[b] - breaks[a] > 0;
    }

    /** First index with x ≥ value. */
    private int lowerBound(double value) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    double x(int i) {
        return x[i];
    }

    double y(int i) {
        return y[i];
    }
}
