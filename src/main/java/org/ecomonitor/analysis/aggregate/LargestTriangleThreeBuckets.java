package org.ecomonitor.analysis.aggregate;

/**
 * Largest-Triangle-Three-Buckets decimation of a line chart (Steinarsson 2013): keeps the first and last point
 * and, from each of {@code threshold − 2} equal buckets between them, the point forming the largest triangle
 * with the point kept before and the mean of the next bucket, so peaks and troughs survive (87,600 hourly
 * values of a year become ~2,000 points). Points whose x or y is NaN are never kept (gaps are drawn from the
 * data, not from the decimation). O(n) time.
 */
public final class LargestTriangleThreeBuckets {

    private LargestTriangleThreeBuckets() {
    }

    /**
     * Indices (ascending) of the points to draw. x must be ascending. When there are at most {@code threshold}
     * finite points, all of them are returned.
     */
    public static int[] decimate(double[] x, double[] y, int threshold) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        if (threshold < 3) {
            throw new IllegalArgumentException("threshold must be at least 3: " + threshold);
        }
        int[] finite = new int[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                finite[n++] = i;
            }
        }
        if (n <= threshold) {
            return java.util.Arrays.copyOf(finite, n);
        }
        int[] out = new int[threshold];
        int kept = 0;
        out[kept++] = finite[0];
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0; // position (in finite) of the point kept last
        for (int b = 0; b < threshold - 2; b++) {
            int from = (int) Math.floor(b * every) + 1;
            int to = (int) Math.floor((b + 1) * every) + 1;
            int nextFrom = to;
            int nextTo = Math.min((int) Math.floor((b + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = nextFrom; j < nextTo; j++) {
                avgX += x[finite[j]];
                avgY += y[finite[j]];
            }
            int len = nextTo - nextFrom;
            if (len == 0) {
                avgX = x[finite[n - 1]];
                avgY = y[finite[n - 1]];
            } else {
                avgX /= len;
                avgY /= len;
            }
            double ax = x[finite[a]];
            double ay = y[finite[a]];
            double maxArea = -1;
            int chosen = from;
            for (int j = from; j < to; j++) {
                double area = Math.abs((ax - avgX) * (y[finite[j]] - ay) - (ax - x[finite[j]]) * (avgY - ay));
                if (area > maxArea) {
                    maxArea = area;
                    chosen = j;
                }
            }
            out[kept++] = finite[chosen];
            a = chosen;
        }
        out[kept++] = finite[n - 1];
        return out;
    }
}
