package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;

import java.util.Arrays;
import java.util.Locale;

/**
 * Inverse distance weighting as gstat's {@code idw(z ~ 1, ..., idp = p)}: the mean of the neighbours' values
 * weighted by {@code 1 / d^p}, and the point's own value at distance 0. The neighbourhood is all points
 * (global), the nmax nearest and/or those within a radius, found with a {@link PointKdTree} (grid rows with
 * {@link SegmentNeighbours}); a cell without a neighbour gets NaN. Local estimates cost O(log n + k) each. A
 * global grid row is computed point by point over the whole row in a loop the JIT vectorises, two points per
 * division for power 2: O(n) per cell with a small constant.
 */
public final class InverseDistanceWeighting implements SpatialInterpolator {

    private final SampleSet samples;
    private final double power;
    private final Neighbourhood neighbourhood;
    private final boolean global;
    private final PointKdTree tree;

    /** @throws UserException when the power is not a finite number greater than 0 */
    public InverseDistanceWeighting(SampleSet samples, double power, Neighbourhood neighbourhood) {
        if (!(power > 0) || !Double.isFinite(power)) {
            throw new UserException("interpolation.powerInvalid", power);
        }
        this.samples = samples;
        this.power = power;
        this.neighbourhood = neighbourhood;
        this.global = neighbourhood.isGlobalFor(samples.size());
        this.tree = global ? null : new PointKdTree(samples.x, samples.y);
    }

    public double power() {
        return power;
    }

    public Neighbourhood neighbourhood() {
        return neighbourhood;
    }

    @Override
    public SampleSet samples() {
        return samples;
    }

    @Override
    public boolean hasVariance() {
        return false;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "IDW p=%s %s", power == Math.rint(power) ? String.valueOf((int) power)
                : String.valueOf(power), neighbourhood);
    }

    @Override
    public Estimator newEstimator() {
        return global ? new GlobalEstimator() : new LocalEstimator();
    }

    private double weight(double d2) {
        return power == 2 ? 1 / d2 : Math.pow(d2, -0.5 * power);
    }

    private final class GlobalEstimator implements Estimator {
        private double[] xs = new double[0];
        private double[] sw = new double[0];
        private double[] swz = new double[0];
        private GridSpec lastGrid;

        @Override
        public void estimate(double px, double py, int exclude, double[] out) {
            double[] x = samples.x;
            double[] y = samples.y;
            double[] z = samples.z;
            double sumW = 0;
            double sumWz = 0;
            out[1] = Double.NaN;
            for (int i = 0; i < x.length; i++) {
                if (i == exclude) {
                    continue;
                }
                double dx = x[i] - px;
                double dy = y[i] - py;
                double d2 = dx * dx + dy * dy;
                if (d2 == 0) {
                    out[0] = z[i];
                    return;
                }
                double w = weight(d2);
                sumW += w;
                sumWz += w * z[i];
            }
            out[0] = sumW > 0 ? sumWz / sumW : Double.NaN;
        }

        @Override
        public void estimateRow(GridSpec grid, int row, boolean[] mask, double[] values, double[] variances) {
            int nc = grid.ncols();
            int base = row * nc;
            boolean any = mask == null;
            for (int c = 0; c < nc && !any; c++) {
                any = mask[base + c];
            }
            if (!any) {
                Arrays.fill(values, base, base + nc, Double.NaN);
                if (variances != null) {
                    Arrays.fill(variances, base, base + nc, Double.NaN);
                }
                return;
            }
            if (!grid.equals(lastGrid)) {
                xs = new double[nc];
                sw = new double[nc];
                swz = new double[nc];
                for (int c = 0; c < nc; c++) {
                    xs[c] = grid.x(c);
                }
                lastGrid = grid;
            }
            double[] cx = xs;
            double[] sumW = sw;
            double[] sumWz = swz;
            Arrays.fill(sumW, 0);
            Arrays.fill(sumWz, 0);
            double py = grid.y(row);
            double[] x = samples.x;
            double[] y = samples.y;
            double[] z = samples.z;
            int n = x.length;
            if (power == 2) {
                // two points per pass share one division: 1/d1 = d2/(d1 d2), 1/d2 = d1/(d1 d2)
                int i = 0;
                for (; i + 1 < n; i += 2) {
                    double x1 = x[i];
                    double z1 = z[i];
                    double x2 = x[i + 1];
                    double z2 = z[i + 1];
                    double dy1 = py - y[i];
                    double dy2 = py - y[i + 1];
                    double e1 = dy1 * dy1;
                    double e2 = dy2 * dy2;
                    for (int c = 0; c < nc; c++) {
                        double dx1 = cx[c] - x1;
                        double dx2 = cx[c] - x2;
                        double d1 = dx1 * dx1 + e1;
                        double d2 = dx2 * dx2 + e2;
                        double inv = 1.0 / (d1 * d2);
                        sumW[c] += (d1 + d2) * inv;
                        sumWz[c] += (z1 * d2 + z2 * d1) * inv;
                    }
                }
                for (; i < n; i++) {
                    double xi = x[i];
                    double zi = z[i];
                    double dy = py - y[i];
                    double dy2 = dy * dy;
                    for (int c = 0; c < nc; c++) {
                        double dx = cx[c] - xi;
                        double w = 1.0 / (dx * dx + dy2);
                        sumW[c] += w;
                        sumWz[c] += w * zi;
                    }
                }
            } else {
                double e = -0.5 * power;
                for (int i = 0; i < n; i++) {
                    double xi = x[i];
                    double zi = z[i];
                    double dy = py - y[i];
                    double dy2 = dy * dy;
                    for (int c = 0; c < nc; c++) {
                        double dx = cx[c] - xi;
                        double w = Math.pow(dx * dx + dy2, e);
                        sumW[c] += w;
                        sumWz[c] += w * zi;
                    }
                }
            }
            double[] out = null;
            for (int c = 0; c < nc; c++) {
                int i = base + c;
                if (mask != null && !mask[i]) {
                    values[i] = Double.NaN;
                } else if (Double.isFinite(sumW[c]) && sumW[c] > 0) {
                    values[i] = sumWz[c] / sumW[c];
                } else {
                    // a point at the cell centre (infinite weight): take its value
                    if (out == null) {
                        out = new double[2];
                    }
                    estimate(cx[c], py, -1, out);
                    values[i] = out[0];
                }
                if (variances != null) {
                    variances[i] = Double.NaN;
                }
            }
        }
    }

    private final class LocalEstimator implements Estimator {
        private final PointKdTree.Search search = tree.search();
        private final int k = (int) Math.min(neighbourhood.nmax(), samples.size());
        private final double r2 = neighbourhood.radius2();
        private SegmentNeighbours segment;

        @Override
        public void estimate(double px, double py, int exclude, double[] out) {
            int m = search.nearest(px, py, k, r2, exclude);
            out[0] = weighted(m, false);
            out[1] = Double.NaN;
        }

        /** Grid rows of a neighbourhood limited by nmax go through {@link SegmentNeighbours}. */
        @Override
        public void estimateRow(GridSpec grid, int row, boolean[] mask, double[] values, double[] variances) {
            if (k >= samples.size()) {
                Estimator.super.estimateRow(grid, row, mask, values, variances);
                return;
            }
            if (segment == null) {
                segment = new SegmentNeighbours(tree, samples.x, samples.y, k, r2);
            }
            segment.row(grid, row, mask, values, variances, (i, px, py, m) -> {
                values[i] = weighted(m, true);
                if (variances != null) {
                    variances[i] = Double.NaN;
                }
            });
        }

        /** The weighted mean of the m neighbours just found; NaN for none. */
        private double weighted(int m, boolean fromSegment) {
            if (m == 0) {
                return Double.NaN;
            }
            double[] z = samples.z;
            if ((fromSegment ? segment.distance2(0) : search.distance2(0)) == 0) {
                return z[fromSegment ? segment.index(0) : search.index(0)];
            }
            double sumW = 0;
            double sumWz = 0;
            for (int i = 0; i < m; i++) {
                double w = weight(fromSegment ? segment.distance2(i) : search.distance2(i));
                sumW += w;
                sumWz += w * z[fromSegment ? segment.index(i) : search.index(i)];
            }
            return sumWz / sumW;
        }
    }
}
