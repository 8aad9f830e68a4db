package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.DenseCholesky;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.List;

/**
 * The ordinary-kriging variance of a set of sampling locations, for a variogram, everywhere in a study area,
 * without data values: gstat's {@code C(0) - c' C^-1 c + (1 - 1' C^-1 c)^2 / (1' C^-1 1)} with all points in the
 * kriging system (a global neighbourhood), as {@link org.ecomonitor.analysis.interpolation.OrdinaryKriging}
 * computes it. The n x n covariance matrix is factored once by Cholesky (O(n^3 / 6)); a location then costs one
 * forward substitution, done four locations at a time so that every row of the factor is read once for four
 * (about three times faster than one by one), on all cores: O(N n^2 / 2) for N locations.
 * <p>
 * A design that adds k points to these ({@link #extend}) reuses the factor: its Cholesky factor is this one
 * bordered by k rows, so it costs O(k n) more per location, and {@link #summarise} evaluates several such designs
 * and the base in one pass (the "before" and "after" of a layout for the price of one).
 * <p>
 * Coincident points make the system singular: pass distinct locations ({@link #distinct}).
 */
public final class KrigingVariance {

    /** Smallest squared Cholesky pivot, relative to the sill, before a system counts as singular. */
    private static final double SINGULAR = 1e-10;

    private final VariogramModel model;
    private final double c0;
    private final int n;
    private final double[] px;
    private final double[] py;
    /** Cholesky factor of C, row-major lower triangle. */
    private final double[] l;
    private final double[] invDiag;
    /** L^-1 1 and its squared norm 1' C^-1 1. */
    private final double[] v;
    private final double s;

    /**
     * @param x     eastings of the sampling locations (may be empty)
     * @param y     northings
     * @param model the variogram
     * @throws UserException when two locations are so close that the system is singular
     */
    public KrigingVariance(double[] x, double[] y, VariogramModel model) {
        this.model = model;
        this.c0 = model.sill();
        this.n = x.length;
        this.px = x.clone();
        this.py = y.clone();
        this.l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                l[i * n + j] = model.covariance(Distances.length(px[i] - px[j], py[i] - py[j]));
            }
            l[i * n + i] = c0;
        }
        int failed = DenseCholesky.factor(l, n, SINGULAR * c0);
        if (failed >= 0) {
            throw new UserException("layout.krigingSingular", px[failed], py[failed], model.toString());
        }
        this.invDiag = new double[n];
        for (int i = 0; i < n; i++) {
            invDiag[i] = 1 / l[i * n + i];
        }
        this.v = new double[n];
        java.util.Arrays.fill(v, 1);
        forward(l, invDiag, n, v);
        double ss = 0;
        for (double e : v) {
            ss += e * e;
        }
        this.s = ss;
    }

    public VariogramModel model() {
        return model;
    }

    /** Number of sampling locations. */
    public int size() {
        return n;
    }

    /**
     * Indices of the points to keep so that no two are closer than {@code tolerance} metres (the first of each
     * group is kept), in input order.
     */
    public static int[] distinct(double[] x, double[] y, double tolerance) {
        SpacingIndex index = new SpacingIndex(Math.max(tolerance, 1e-9));
        int[] keep = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (index.isFree(x[i], y[i])) {
                index.add(x[i], y[i]);
                keep[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(keep, k);
    }

    /** The kriging variance at (x, y); NaN without sampling locations. */
    public double variance(double x, double y) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = model.covariance(Distances.length(px[i] - x, py[i] - y));
        }
        forward(l, invDiag, n, b);
        double bb = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            bb += b[i] * b[i];
            vb += v[i] * b[i];
        }
        return Math.max(0, c0 - bb + (1 - vb) * (1 - vb) / s);
    }

    /** A design of these points and k more, sharing this factorisation. */
    public Extension extend(double[] yx, double[] yy) {
        return new Extension(yx.clone(), yy.clone());
    }

    /** The mean and largest kriging variance over a set of locations, and where the largest is. */
    public record Summary(double mean, double max, int argMax) {
        static final Summary NONE = new Summary(Double.NaN, Double.NaN, -1);
    }

    /**
     * These points bordered by k more: {@code L_D = [[L, 0], [R, L_Y]]} with {@code R = (L^-1 C_XY)'} and
     * {@code L_Y} the factor of {@code C_YY - R R'}.
     */
    public final class Extension {
        final int k;
        final double[] yx;
        final double[] yy;
        final double[] r;
        final double[] ly;
        final double[] lyInv;
        final double[] vy;
        final double sd;

        private Extension(double[] yx, double[] yy) {
            this.k = yx.length;
            this.yx = yx;
            this.yy = yy;
            this.r = new double[k * n];
            double[] col = new double[n];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    col[i] = model.covariance(Distances.length(px[i] - yx[j], py[i] - yy[j]));
                }
                forward(l, invDiag, n, col);
                System.arraycopy(col, 0, r, j * n, n);
            }
            this.ly = new double[k * k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b <= a; b++) {
                    double c = a == b ? c0 : model.covariance(Distances.length(yx[a] - yx[b], yy[a] - yy[b]));
                    double rr = 0;
                    for (int i = 0; i < n; i++) {
                        rr += r[a * n + i] * r[b * n + i];
                    }
                    ly[a * k + b] = c - rr;
                }
            }
            int failed = DenseCholesky.factor(ly, k, SINGULAR * c0);
            if (failed >= 0) {
                throw new UserException("layout.krigingSingular", yx[failed], yy[failed], model.toString());
            }
            lyInv = new double[k];
            for (int a = 0; a < k; a++) {
                lyInv[a] = 1 / ly[a * k + a];
            }
            vy = new double[k];
            for (int a = 0; a < k; a++) {
                double rv = 0;
                for (int i = 0; i < n; i++) {
                    rv += r[a * n + i] * v[i];
                }
                vy[a] = 1 - rv;
            }
            forward(ly, lyInv, k, vy);
            double ss = s;
            for (double e : vy) {
                ss += e * e;
            }
            sd = ss;
        }

        /** Number of added points. */
        public int added() {
            return k;
        }
    }

    /**
     * Evaluates the base design (index 0 of the result; NaN values without points) and each extension (index
     * 1..) at the locations, on all cores.
     *
     * @param perPoint null, or an array of {@code 1 + extensions.size()} arrays of the locations' length to receive
     *                 every variance
     */
    public Summary[] summarise(double[] ex, double[] ey, List<Extension> extensions, double[][] perPoint,
                               Progress progress) {
        int designs = 1 + extensions.size();
        int count = ex.length;
        int chunks = Parallel.chunks(count, 256);
        double[][] sums = new double[chunks][designs];
        double[][] maxs = new double[chunks][designs];
        int[][] args = new int[chunks][designs];
        int maxK = 0;
        for (Extension e : extensions) {
            maxK = Math.max(maxK, e.k);
        }
        int kk = maxK;
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        progress.start("kriging variance", count);
        Parallel.forEach(chunks, progress, c -> {
            int from = Parallel.start(c, chunks, count);
            int to = Parallel.start(c + 1, chunks, count);
            double[] b = new double[4 * n];
            double[] t = new double[4 * kk];
            double[] sum = sums[c];
            double[] max = maxs[c];
            int[] arg = args[c];
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(arg, -1);
            double[] bb = new double[4];
            double[] vb = new double[4];
            for (int start = from; start < to; start += 4) {
                int m = Math.min(4, to - start);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 4; j++) {
                        int p = start + Math.min(j, m - 1);
                        b[4 * i + j] = model.covariance(Distances.length(px[i] - ex[p], py[i] - ey[p]));
                    }
                }
                forward4(l, invDiag, n, b);
                java.util.Arrays.fill(bb, 0);
                java.util.Arrays.fill(vb, 0);
                for (int i = 0; i < n; i++) {
                    double vi = v[i];
                    for (int j = 0; j < 4; j++) {
                        double e = b[4 * i + j];
                        bb[j] += e * e;
                        vb[j] += vi * e;
                    }
                }
                for (int j = 0; j < m; j++) {
                    double var = n == 0 ? Double.NaN : Math.max(0, c0 - bb[j] + (1 - vb[j]) * (1 - vb[j]) / s);
                    accept(sum, max, arg, 0, var, start + j, perPoint);
                }
                for (int d = 0; d < extensions.size(); d++) {
                    Extension e = extensions.get(d);
                    int k = e.k;
                    for (int a = 0; a < k; a++) {
                        double t0 = 0;
                        double t1 = 0;
                        double t2 = 0;
                        double t3 = 0;
                        int ra = a * n;
                        for (int i = 0; i < n; i++) {
                            double ri = e.r[ra + i];
                            int o = 4 * i;
                            t0 += ri * b[o];
                            t1 += ri * b[o + 1];
                            t2 += ri * b[o + 2];
                            t3 += ri * b[o + 3];
                        }
                        for (int j = 0; j < 4; j++) {
                            int p = start + Math.min(j, m - 1);
                            double cy = model.covariance(Distances.length(e.yx[a] - ex[p], e.yy[a] - ey[p]));
                            t[4 * a + j] = cy - (j == 0 ? t0 : j == 1 ? t1 : j == 2 ? t2 : t3);
                        }
                    }
                    forward4(e.ly, e.lyInv, k, t);
                    for (int j = 0; j < m; j++) {
                        double bbd = bb[j];
                        double vbd = vb[j];
                        for (int a = 0; a < k; a++) {
                            double ea = t[4 * a + j];
                            bbd += ea * ea;
                            vbd += e.vy[a] * ea;
                        }
                        double var = Math.max(0, c0 - bbd + (1 - vbd) * (1 - vbd) / e.sd);
                        accept(sum, max, arg, d + 1, var, start + j, perPoint);
                    }
                }
            }
            progress.update(done.addAndGet(to - from));
        });
        Summary[] result = new Summary[designs];
        for (int d = 0; d < designs; d++) {
            if (d == 0 && n == 0) {
                result[0] = Summary.NONE;
                continue;
            }
            double total = 0;
            double max = Double.NEGATIVE_INFINITY;
            int arg = -1;
            for (int c = 0; c < chunks; c++) {
                total += sums[c][d];
                if (maxs[c][d] > max) {
                    max = maxs[c][d];
                    arg = args[c][d];
                }
            }
            result[d] = count == 0 ? Summary.NONE : new Summary(total / count, max, arg);
        }
        return result;
    }

    private static void accept(double[] sum, double[] max, int[] arg, int d, double var, int p, double[][] perPoint) {
        if (perPoint != null) {
            perPoint[d][p] = var;
        }
        if (Double.isNaN(var)) {
            return;
        }
        sum[d] += var;
        if (var > max[d]) {
            max[d] = var;
            arg[d] = p;
        }
    }

    /**
     * {@code L^-1 c(X, q)} for each query location q, row-major (count x n), on all cores: the whitened
     * covariances the greedy design works with.
     */
    double[] whitened(double[] qx, double[] qy, Progress progress) {
        int count = qx.length;
        double[] out = new double[count * n];
        int chunks = Parallel.chunks(count, 64);
        Parallel.forEach(chunks, progress, c -> {
            int from = Parallel.start(c, chunks, count);
            int to = Parallel.start(c + 1, chunks, count);
            double[] b = new double[4 * n];
            for (int start = from; start < to; start += 4) {
                int m = Math.min(4, to - start);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 4; j++) {
                        int p = start + Math.min(j, m - 1);
                        b[4 * i + j] = model.covariance(Distances.length(px[i] - qx[p], py[i] - qy[p]));
                    }
                }
                forward4(l, invDiag, n, b);
                for (int j = 0; j < m; j++) {
                    int row = (start + j) * n;
                    for (int i = 0; i < n; i++) {
                        out[row + i] = b[4 * i + j];
                    }
                }
            }
        });
        return out;
    }

    /** {@code L^-1 1}. */
    double[] whitenedOnes() {
        return v.clone();
    }

    /** {@code 1' C^-1 1}. */
    double onesNorm() {
        return s;
    }

    /** The variances of the base design at the locations. */
    public double[] variances(double[] ex, double[] ey, Progress progress) {
        double[][] out = {new double[ex.length]};
        summarise(ex, ey, List.of(), out, progress);
        return out[0];
    }

    /**
     * The inverse of the augmented ordinary kriging matrix {@code [[C, 1], [1', 0]]}, row-major, (n+1) x (n+1):
     * {@code [[C^-1 - u u'/S, u/S], [u'/S, -1/S]]} with {@code u = C^-1 1}, {@code S = 1' C^-1 1}.
     */
    public double[] inverseAugmented() {
        int m = n + 1;
        double[] q = new double[m * m];
        // C^-1 column by column: solve L L' x = e_j
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(col, 0);
            col[j] = 1;
            forward(l, invDiag, n, col);
            backward(l, invDiag, n, col);
            for (int i = 0; i < n; i++) {
                q[i * m + j] = col[i];
            }
        }
        double[] u = v.clone();
        backward(l, invDiag, n, u);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i * m + j] -= u[i] * u[j] / s;
            }
            q[i * m + n] = u[i] / s;
            q[n * m + i] = u[i] / s;
        }
        q[n * m + n] = -1 / s;
        return q;
    }

    // ------------------------------------------------------------------ dense kernels

    /** Solves {@code L y = b} in place. */
    static void forward(double[] l, double[] invDiag, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            double acc = b[i];
            for (int k = 0; k < i; k++) {
                acc -= l[ri + k] * b[k];
            }
            b[i] = acc * invDiag[i];
        }
    }

    /** Solves {@code L' x = y} in place. */
    static void backward(double[] l, double[] invDiag, int m, double[] b) {
        for (int i = m - 1; i >= 0; i--) {
            double acc = b[i];
            for (int k = i + 1; k < m; k++) {
                acc -= l[k * m + i] * b[k];
            }
            b[i] = acc * invDiag[i];
        }
    }

    /** Solves {@code L Y = B} in place for four right-hand sides interleaved ({@code b[4 i + j]}). */
    static void forward4(double[] l, double[] invDiag, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            int oi = 4 * i;
            double s0 = b[oi];
            double s1 = b[oi + 1];
            double s2 = b[oi + 2];
            double s3 = b[oi + 3];
            for (int k = 0; k < i; k++) {
                double lk = l[ri + k];
                int o = 4 * k;
                s0 -= lk * b[o];
                s1 -= lk * b[o + 1];
                s2 -= lk * b[o + 2];
                s3 -= lk * b[o + 3];
            }
            double inv = invDiag[i];
            b[oi] = s0 * inv;
            b[oi + 1] = s1 * inv;
            b[oi + 2] = s2 * inv;
            b[oi + 3] = s3 * inv;
        }
    }
}
