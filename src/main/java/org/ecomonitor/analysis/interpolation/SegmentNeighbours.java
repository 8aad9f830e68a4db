package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.model.GridSpec;

/**
 * The k nearest points (within an optional radius) of each cell of a short segment of a grid row, found with
 * one k-nearest and one radius search per segment and then a scan of the few candidates per cell.
 * <p>
 * Why the candidates suffice: with {@code r_c} the k-th neighbour distance at the segment centre c and h the
 * largest distance of a cell p from c, the k points nearest c lie within {@code r_c + |p - c|} of p, so every
 * k-nearest neighbour of p lies within {@code r_c + 2h} of c (and within {@code radius + h} when a radius
 * applies). Results are ordered by (squared distance, index) with squared distances computed as the k-d tree
 * computes them, so they equal {@link PointKdTree.Search#nearest} exactly. Per cell O(candidates + k^2) instead
 * of a tree descent; with 16-cell segments about 35 candidates for k = 16.
 */
final class SegmentNeighbours {

    /** Cells of a grid row that share one gathering. */
    static final int SEGMENT = 16;

    /** What an estimator does with a cell once its neighbours are found. */
    interface CellEstimate {
        /** Estimates cell {@code index} at (x, y) from the {@code neighbours} nearest points now held. */
        void at(int index, double x, double y, int neighbours);
    }

    private final PointKdTree.Search search;
    private final double[] x;
    private final double[] y;
    private final int k;
    private final double r2;
    private int[] cand = new int[64];
    private double[] cx = new double[64];
    private double[] cy = new double[64];
    private int candidates;
    private final int[] idx;
    private final double[] d2;

    SegmentNeighbours(PointKdTree tree, double[] x, double[] y, int k, double radius2) {
        this.search = tree.search();
        this.x = x;
        this.y = y;
        this.k = k;
        this.r2 = radius2;
        this.idx = new int[k];
        this.d2 = new double[k];
    }

    /**
     * Runs {@code estimate} for every cell of a grid row inside the mask (null: all), segment by segment; cells
     * outside become NaN in {@code values} and {@code variances} (which may be null).
     */
    void row(GridSpec grid, int row, boolean[] mask, double[] values, double[] variances, CellEstimate estimate) {
        double y = grid.y(row);
        int nc = grid.ncols();
        int base = row * nc;
        for (int c0 = 0; c0 < nc; c0 += SEGMENT) {
            int c1 = Math.min(nc, c0 + SEGMENT);
            boolean gathered = false;
            for (int c = c0; c < c1; c++) {
                int i = base + c;
                if (mask != null && !mask[i]) {
                    values[i] = Double.NaN;
                    if (variances != null) {
                        variances[i] = Double.NaN;
                    }
                    continue;
                }
                if (!gathered) {
                    gather((grid.x(c0) + grid.x(c1 - 1)) / 2, y, (grid.x(c1 - 1) - grid.x(c0)) / 2);
                    gathered = true;
                }
                double x = grid.x(c);
                estimate.at(i, x, y, nearest(x, y));
            }
        }
    }

    /** Collects the candidates for the cells within {@code h} of {@code (centreX, centreY)}. */
    void gather(double centreX, double centreY, double h) {
        int m = search.nearest(centreX, centreY, k, Double.POSITIVE_INFINITY, -1);
        double reach = Math.sqrt(search.distance2(m - 1)) + 2 * h;
        double bound = reach * reach;
        if (r2 != Double.POSITIVE_INFINITY) {
            double r = Math.sqrt(r2) + h;
            bound = Math.min(bound, r * r);
        }
        bound = bound * (1 + 1e-9) + 1e-9;
        int w = search.within(centreX, centreY, bound, -1);
        if (w > cand.length) {
            cand = new int[w];
            cx = new double[w];
            cy = new double[w];
        }
        for (int i = 0; i < w; i++) {
            int p = search.index(i);
            cand[i] = p;
            cx[i] = x[p];
            cy[i] = y[p];
        }
        candidates = w;
    }

    /** The k nearest candidates of (qx, qy) within the radius, nearest first; returns their number. */
    int nearest(double qx, double qy) {
        int found = 0;
        double bound = r2;
        for (int c = 0; c < candidates; c++) {
            double dx = cx[c] - qx;
            double dy = cy[c] - qy;
            double d = dx * dx + dy * dy;
            if (d > bound) {
                continue;
            }
            found = PointKdTree.insertSorted(d2, idx, found, k, d, cand[c]);
            if (found == k) {
                bound = d2[k - 1];
            }
        }
        return found;
    }

    int index(int i) {
        return idx[i];
    }

    double distance2(int i) {
        return d2[i];
    }
}
