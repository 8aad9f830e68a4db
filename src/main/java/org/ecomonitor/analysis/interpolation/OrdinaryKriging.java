package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;

import java.util.StringJoiner;

/**
 * Ordinary kriging as gstat's {@code krige(z ~ 1, ...)}: the unbiased linear estimate with weights from the
 * covariance form {@code C(h) = sill - gamma(h)} of a {@link VariogramModel}, globally or in a
 * {@link Neighbourhood} of the nmax nearest points and/or a radius, with gstat's kriging variance
 * {@code C(0) - c0' C^-1 c0 + (1 - 1' C^-1 c0)^2 / (1' C^-1 1)}.
 * <p>
 * Each neighbour set is factored once by Cholesky ({@link DenseCholesky}) and cached (direct-mapped, per
 * thread) for the cells that share it along the row and in the next rows, so a cell costs a neighbour search
 * (on grids by {@link SegmentNeighbours}), a forward substitution and three dot products: O(log n + m^2) per
 * cell, plus O(m^3) per new neighbour set. A global neighbourhood factors the n x n system
 * once in the constructor (O(n^3), O(n^2) memory) and costs O(n^2) per estimate. Cross-validation of the
 * global system uses the closed form of Dubrule (1983) in O(n^3) instead of n refits.
 */
public final class OrdinaryKriging implements SpatialInterpolator {

    /** Fewest distinct points ordinary kriging accepts. */
    public static final int MIN_POINTS = 3;
    /** Smallest squared Cholesky pivot, relative to the sill, before a system counts as singular. */
    private static final double SINGULAR = 1e-10;

    private final SampleSet samples;
    private final VariogramModel model;
    private final Neighbourhood neighbourhood;
    private final boolean global;
    private final PointKdTree tree;
    // the global system: L, L^-1 1, L^-1 z, 1' C^-1 1, 1' C^-1 z
    private final double[] globalL;
    private final double[] globalV;
    private final double[] globalQ;
    private final double globalS;
    private final double globalVq;

    /**
     * @throws UserException for fewer than {@link #MIN_POINTS} points or a singular global system
     */
    public OrdinaryKriging(SampleSet samples, VariogramModel model, Neighbourhood neighbourhood) {
        int n = samples.size();
        if (n < MIN_POINTS) {
            throw new UserException("interpolation.tooFewPointsKriging", n, MIN_POINTS);
        }
        this.samples = samples;
        this.model = model;
        this.neighbourhood = neighbourhood;
        this.global = neighbourhood.isGlobalFor(n);
        if (global) {
            tree = null;
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            globalL = new double[n * n];
            factorSystem(all, n, globalL, Double.NaN, Double.NaN);
            globalV = new double[n];
            globalQ = new double[n];
            double[] out = solveSides(globalL, n, all, globalV, globalQ);
            globalS = out[0];
            globalVq = out[1];
        } else {
            tree = new PointKdTree(samples.x, samples.y);
            globalL = null;
            globalV = null;
            globalQ = null;
            globalS = 0;
            globalVq = 0;
        }
    }

    public VariogramModel model() {
        return model;
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
        return true;
    }

    @Override
    public String description() {
        return "OK " + model + " " + neighbourhood;
    }

    @Override
    public Estimator newEstimator() {
        return global ? new GlobalEstimator() : new LocalEstimator();
    }

    /**
     * Fills {@code l} (stride m) with the covariances among the points {@code set[0..m)} and factors it.
     * {@code (atX, atY)} is where the estimate is wanted, for the message; NaN names the failing point instead.
     */
    private void factorSystem(int[] set, int m, double[] l, double atX, double atY) {
        double[] x = samples.x;
        double[] y = samples.y;
        double c0 = model.sill();
        for (int i = 0; i < m; i++) {
            int pi = set[i];
            int ri = i * m;
            for (int j = 0; j < i; j++) {
                int pj = set[j];
                double dx = x[pi] - x[pj];
                double dy = y[pi] - y[pj];
                l[ri + j] = model.covariance(Math.sqrt(dx * dx + dy * dy));
            }
            l[ri + i] = c0;
        }
        int failed = DenseCholesky.factor(l, m, SINGULAR * c0);
        if (failed >= 0) {
            StringJoiner ids = new StringJoiner(", ");
            for (int i = 0; i < Math.min(m, 5); i++) {
                ids.add(samples.id(set[i]));
            }
            if (m > 5) {
                ids.add("...");
            }
            if (Double.isNaN(atX)) {
                atX = x[set[failed]];
                atY = y[set[failed]];
            }
            throw new UserException("interpolation.krigingSingular", atX, atY, m, ids.toString(), model.toString());
        }
    }

    /** v = L^-1 1, q = L^-1 z; returns {1' C^-1 1, 1' C^-1 z}. */
    private double[] solveSides(double[] l, int m, int[] set, double[] v, double[] q) {
        for (int i = 0; i < m; i++) {
            v[i] = 1;
            q[i] = samples.z[set[i]];
        }
        DenseCholesky.forward(l, m, v);
        DenseCholesky.forward(l, m, q);
        double s = 0;
        double vq = 0;
        for (int i = 0; i < m; i++) {
            s += v[i] * v[i];
            vq += v[i] * q[i];
        }
        return new double[]{s, vq};
    }

    /**
     * With b = L^-1 c0 already in place: prediction and variance from the factored system.
     */
    private static void finish(double[] b, double[] v, double[] q, int m, double s, double vq, double c0,
                               double[] out) {
        double vb = 0;
        double bq = 0;
        double bb = 0;
        for (int i = 0; i < m; i++) {
            vb += v[i] * b[i];
            bq += b[i] * q[i];
            bb += b[i] * b[i];
        }
        double t = 1 - vb;
        out[0] = bq + t * vq / s;
        out[1] = Math.max(0, c0 - bb + t * t / s);
    }

    /** All points, one factorisation. */
    private final class GlobalEstimator implements Estimator {
        private final double[] b = new double[samples.size()];

        @Override
        public void estimate(double px, double py, int exclude, double[] out) {
            int n = samples.size();
            if (exclude >= 0) {
                excludingOne(px, py, exclude, out);
                return;
            }
            double[] x = samples.x;
            double[] y = samples.y;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - px;
                double dy = y[i] - py;
                b[i] = model.covariance(Math.sqrt(dx * dx + dy * dy));
            }
            DenseCholesky.forward(globalL, n, b);
            finish(b, globalV, globalQ, n, globalS, globalVq, model.sill(), out);
        }

        /** Refactors without one point: O(n^3); cross-validation uses the closed form instead. */
        private void excludingOne(double px, double py, int exclude, double[] out) {
            int n = samples.size();
            int m = n - 1;
            int[] set = new int[m];
            for (int i = 0, o = 0; i < n; i++) {
                if (i != exclude) {
                    set[o++] = i;
                }
            }
            double[] l = new double[m * m];
            factorSystem(set, m, l, px, py);
            double[] v = new double[m];
            double[] q = new double[m];
            double[] sides = solveSides(l, m, set, v, q);
            double[] bb = new double[m];
            for (int i = 0; i < m; i++) {
                double dx = samples.x[set[i]] - px;
                double dy = samples.y[set[i]] - py;
                bb[i] = model.covariance(Math.sqrt(dx * dx + dy * dy));
            }
            DenseCholesky.forward(l, m, bb);
            finish(bb, v, q, m, sides[0], sides[1], model.sill(), out);
        }
    }

    /** A factored neighbour system: the points, L, L^-1 1, L^-1 z, 1' C^-1 1 and 1' C^-1 z. */
    private static final class Factor {
        int m;
        final int[] set;
        final double[] l;
        final double[] v;
        final double[] q;
        double s;
        double vq;

        Factor(int capacity) {
            set = new int[capacity];
            l = new double[capacity * capacity];
            v = new double[capacity];
            q = new double[capacity];
        }

        boolean holds(int[] other, int count) {
            if (count != m) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (set[i] != other[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Nearest points by k-d tree. Factored systems are kept in a small direct-mapped cache keyed by the neighbour
     * set, so a set met again (further along the row, or in the row below) is not factored twice.
     */
    private final class LocalEstimator implements Estimator {
        private static final int SLOTS = 1024;
        private static final int CACHED_MAX = 64;
        private final PointKdTree.Search search = tree.search();
        private final int k = (int) Math.min(neighbourhood.nmax(), samples.size());
        private final double r2 = neighbourhood.radius2();
        private final Factor[] cache = new Factor[SLOTS];
        private int[] set = new int[0];
        private double[] setD2 = new double[0];
        private double[] b = new double[0];
        private Factor current;
        private Factor scratch;
        private SegmentNeighbours segment;
        private final double[] cell = new double[2];

        @Override
        public void estimate(double px, double py, int exclude, double[] out) {
            int m = search.nearest(px, py, k, r2, exclude);
            krige(m, false, px, py, out);
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
                krige(m, true, px, py, cell);
                values[i] = cell[0];
                if (variances != null) {
                    variances[i] = cell[1];
                }
            });
        }

        /** Kriging with the m neighbours just found (by the segment search or the k-d search). */
        private void krige(int m, boolean fromSegment, double px, double py, double[] out) {
            if (m == 0) {
                out[0] = Double.NaN;
                out[1] = Double.NaN;
                return;
            }
            if (m > set.length) {
                set = new int[m];
                setD2 = new double[m];
                b = new double[m];
            }
            // neighbour set in index order: the cache key and a canonical system
            for (int i = 0; i < m; i++) {
                int id = fromSegment ? segment.index(i) : search.index(i);
                double d2 = fromSegment ? segment.distance2(i) : search.distance2(i);
                int j = i - 1;
                while (j >= 0 && set[j] > id) {
                    set[j + 1] = set[j];
                    setD2[j + 1] = setD2[j];
                    j--;
                }
                set[j + 1] = id;
                setD2[j + 1] = d2;
            }
            if (current == null || !current.holds(set, m)) {
                current = lookup(m, px, py);
            }
            Factor f = current;
            for (int i = 0; i < m; i++) {
                b[i] = model.covariance(Math.sqrt(setD2[i]));
            }
            DenseCholesky.forward(f.l, m, b);
            finish(b, f.v, f.q, m, f.s, f.vq, model.sill(), out);
        }

        /** The factored system of {@code set[0..m)}, from the cache or newly factored. */
        private Factor lookup(int m, double px, double py) {
            Factor f;
            if (m > CACHED_MAX) {
                if (scratch == null || scratch.set.length < m) {
                    scratch = new Factor(m);
                }
                f = scratch;
            } else {
                long h = 0;
                for (int i = 0; i < m; i++) {
                    h = (h + set[i] + 1) * 0x9E3779B97F4A7C15L;
                }
                int slot = (int) (h ^ (h >>> 29)) & (SLOTS - 1);
                f = cache[slot];
                if (f != null && f.holds(set, m)) {
                    return f;
                }
                if (f == null || f.set.length < m) {
                    f = new Factor(Math.min(CACHED_MAX, Math.max(m, k)));
                    cache[slot] = f;
                }
            }
            f.m = -1; // invalid until factored
            factorSystem(set, m, f.l, px, py);
            double[] sides = solveSides(f.l, m, set, f.v, f.q);
            f.s = sides[0];
            f.vq = sides[1];
            System.arraycopy(set, 0, f.set, 0, m);
            f.m = m;
            return f;
        }
    }

    /**
     * Leave-one-out cross-validation; for a global neighbourhood by the closed form (Dubrule 1983): with
     * {@code B} the upper-left block of the inverse ordinary kriging matrix, the residual at point i is
     * {@code (B z)_i / B_ii} and the kriging variance {@code 1 / B_ii}.
     */
    @Override
    public CrossValidationResult crossValidate(Progress progress) {
        if (!global) {
            return CrossValidation.leaveOneOut(this, progress);
        }
        int n = samples.size();
        progress.start("cross-validation", n);
        // diag(C^-1) from the columns of L^-1
        double[] gDiag = new double[n];
        double[] col = new double[n];
        double[] l = globalL;
        for (int i = 0; i < n; i++) {
            if ((i & 15) == 0) {
                progress.checkCancelled();
                progress.update(i);
            }
            col[i] = 1 / l[i * n + i];
            double sum = col[i] * col[i];
            for (int r = i + 1; r < n; r++) {
                int rr = r * n;
                double acc = 0;
                for (int c = i; c < r; c++) {
                    acc += l[rr + c] * col[c];
                }
                col[r] = -acc / l[rr + r];
                sum += col[r] * col[r];
            }
            gDiag[i] = sum;
        }
        double[] u = globalV.clone();
        DenseCholesky.backward(l, n, u);       // C^-1 1
        double[] gz = globalQ.clone();
        DenseCholesky.backward(l, n, gz);      // C^-1 z
        double[] predicted = new double[n];
        double[] variance = new double[n];
        for (int i = 0; i < n; i++) {
            double bii = gDiag[i] - u[i] * u[i] / globalS;
            double bz = gz[i] - u[i] * globalVq / globalS;
            predicted[i] = samples.z[i] - bz / bii;
            variance[i] = 1 / bii;
        }
        progress.update(n);
        return CrossValidationResult.of(samples, predicted, variance);
    }
}
