package org.ecomonitor.analysis.interpolation;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.ecomonitor.i18n.UserException;

/**
 * Weighted least-squares fit of a {@link VariogramModel} to an {@link EmpiricalVariogram}, minimising gstat's
 * criterion of {@code fit.method = 7}: {@code sum_j w_j (gamma_j - gamma(h_j))^2} with {@code w_j = N_j / h_j^2}
 * ({@code N_j} pairs at mean distance {@code h_j}), with nugget and partial sill kept at 0 or more.
 * <p>
 * For a fixed range the model is linear in (nugget, partial sill), so the sills come from a two-variable
 * non-negative least-squares solve; the range is then found by a one-dimensional search on the profile
 * criterion: 64 log-spaced ranges from a tenth of the shortest lag to ten times the longest (plus the starting
 * range), each local minimum refined with Brent's method. This reaches the minimum gstat's Gauss-Newton
 * iteration converges to from good starting values, and the same minimum from bad ones. Cost: O(64 + Brent
 * iterations) evaluations of O(lags).
 * <p>
 * One gstat quirk is reproduced by default ({@link Criterion#GSTAT}): for the Gaussian model gstat 2.1 steps
 * the range with the derivative {@code -(h/a^2) exp(-(h/a)^2)} ({@code da_fn_gaussian}), which lacks the
 * factor {@code 2h/a} of the true one, so its iteration stops where the weighted residuals are orthogonal to
 * that function rather than at the least-squares minimum (for meuse log(zinc): range 386.5 instead of 411.4,
 * weighted SSE 1.915e-5 instead of 1.762e-5). With {@code GSTAT} the Gaussian range is the root of that
 * estimating equation (found on the same grid, refined with Brent's root finder), so our models equal gstat's;
 * {@link Criterion#LEAST_SQUARES} gives the true minimum. The two agree for all other shapes.
 */
public final class VariogramFitter {

    private static final int GRID = 64;

    private VariogramFitter() {
    }

    /**
     * A fitted model.
     *
     * @param model       the fitted model
     * @param weightedSse the minimised criterion
     */
    public record Fit(VariogramModel model, double weightedSse) {
    }

    /** What the fit solves for. */
    public enum Criterion {
        /** gstat 2.1's fixed point, equal to {@link #LEAST_SQUARES} except for the Gaussian range. */
        GSTAT,
        /** The minimum of the weighted sum of squares. */
        LEAST_SQUARES
    }

    /** Fits nugget, partial sill and range; {@code initial} gives the shape, kappa and a starting range. */
    public static Fit fit(EmpiricalVariogram variogram, VariogramModel initial) {
        return fit(variogram, initial, true, true, Criterion.GSTAT);
    }

    /**
     * @param fitNugget false keeps the initial nugget
     * @param fitRange  false keeps the initial range
     * @throws UserException when there are fewer lags than free parameters or no model can be fitted
     */
    public static Fit fit(EmpiricalVariogram variogram, VariogramModel initial, boolean fitNugget,
                          boolean fitRange, Criterion criterion) {
        Profile profile = new Profile(variogram, initial, fitNugget);
        int free = 1 + (fitNugget ? 1 : 0) + (fitRange ? 1 : 0);
        if (profile.m < free) {
            throw new UserException("interpolation.variogramTooFewLags", profile.m, free);
        }
        double bestRange = initial.range();
        double bestSse = profile.sse(bestRange);
        if (fitRange) {
            double lo = Math.log(profile.minDist / 10);
            double hi = Math.log(profile.maxDist * 10);
            double[] logR = new double[GRID];
            double[] sse = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                logR[i] = lo + (hi - lo) * i / (GRID - 1);
                sse[i] = profile.sse(Math.exp(logR[i]));
            }
            BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
            for (int i = 0; i < GRID; i++) {
                boolean localMin = (i == 0 || sse[i] <= sse[i - 1]) && (i == GRID - 1 || sse[i] <= sse[i + 1]);
                if (!localMin || !Double.isFinite(sse[i])) {
                    continue;
                }
                double a = logR[Math.max(0, i - 1)];
                double b = logR[Math.min(GRID - 1, i + 1)];
                double start = logR[i];
                double candidate = start;
                double candidateSse = sse[i];
                if (b > a) {
                    UnivariatePointValuePair p = brent.optimize(new MaxEval(500), GoalType.MINIMIZE,
                            new SearchInterval(a, b, start),
                            new UnivariateObjectiveFunction(t -> profile.sse(Math.exp(t))));
                    if (p.getValue() < candidateSse) {
                        candidate = p.getPoint();
                        candidateSse = p.getValue();
                    }
                }
                if (candidateSse < bestSse) {
                    bestSse = candidateSse;
                    bestRange = Math.exp(candidate);
                }
            }
        }
        if (fitRange && criterion == Criterion.GSTAT && initial.shape() == VariogramShape.GAUSSIAN) {
            double root = profile.gstatGaussianRoot();
            if (!Double.isNaN(root)) {
                bestRange = root;
                bestSse = profile.sse(root);
            }
        }
        double[] sills = profile.sills(bestRange);
        if (!Double.isFinite(bestSse) || !(sills[0] + sills[1] > 0)) {
            throw new UserException("interpolation.variogramFitFailed", initial.shape().code());
        }
        return new Fit(new VariogramModel(sills[0], initial.shape(), sills[1], bestRange, initial.kappa()),
                bestSse);
    }

    /** gstat-like starting values: range a third of the longest lag, sills from the first and last lags. */
    public static VariogramModel initialGuess(EmpiricalVariogram v, VariogramShape shape, double kappa) {
        int m = v.size();
        double head = 0;
        int nh = Math.min(3, m);
        for (int i = 0; i < nh; i++) {
            head += v.gamma(i);
        }
        double tail = 0;
        int nt = Math.min(5, m);
        for (int i = m - nt; i < m; i++) {
            tail += v.gamma(i);
        }
        double nugget = Math.max(0, head / nh);
        double psill = Math.max(tail / nt - nugget, tail / nt * 0.5);
        if (!(psill > 0)) {
            psill = 1;
        }
        return new VariogramModel(nugget, shape, psill, v.dist(m - 1) / 3, kappa);
    }

    /** The criterion as a function of the range alone, sills solved for. */
    private static final class Profile {
        final int m;
        final double[] h;
        final double[] g;
        final double[] w;
        final double[] f;
        final VariogramShape shape;
        final double kappa;
        final boolean fitNugget;
        final double fixedNugget;
        final double minDist;
        final double maxDist;

        Profile(EmpiricalVariogram v, VariogramModel initial, boolean fitNugget) {
            int count = 0;
            for (int i = 0; i < v.size(); i++) {
                if (v.dist(i) > 0) {
                    count++;
                }
            }
            m = count;
            h = new double[m];
            g = new double[m];
            w = new double[m];
            f = new double[m];
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (int i = 0, o = 0; i < v.size(); i++) {
                if (v.dist(i) > 0) {
                    h[o] = v.dist(i);
                    g[o] = v.gamma(i);
                    w[o] = v.np(i) / (h[o] * h[o]);
                    min = Math.min(min, h[o]);
                    max = Math.max(max, h[o]);
                    o++;
                }
            }
            minDist = min;
            maxDist = max;
            shape = initial.shape();
            kappa = initial.kappa();
            this.fitNugget = fitNugget;
            this.fixedNugget = initial.nugget();
        }

        /**
         * The range where gstat's Gaussian iteration stops: a root of
         * {@code sum w (gamma - model) (h/a^2) exp(-(h/a)^2)} (sills solved for) that attracts the iteration
         * (sign from + to - with growing range); among several the one with the least SSE; NaN when none.
         */
        double gstatGaussianRoot() {
            double lo = Math.log(minDist / 10);
            double hi = Math.log(maxDist * 10);
            BrentSolver solver = new BrentSolver(1e-13, 1e-15);
            double best = Double.NaN;
            double bestSse = Double.POSITIVE_INFINITY;
            double prevT = lo;
            double prevG = gstatEquation(Math.exp(lo));
            for (int i = 1; i < GRID; i++) {
                double t = lo + (hi - lo) * i / (GRID - 1);
                double gt = gstatEquation(Math.exp(t));
                if (prevG > 0 && gt < 0) {
                    double root = solver.solve(500, u -> gstatEquation(Math.exp(u)), prevT, t);
                    double a = Math.exp(root);
                    double sse = sse(a);
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = a;
                    }
                }
                prevT = t;
                prevG = gt;
            }
            return best;
        }

        /** gstat's Gauss-Newton range equation for the Gaussian model, up to the positive partial sill. */
        private double gstatEquation(double range) {
            double[] s = sills(range);
            if (!(s[1] > 0)) {
                return 0;
            }
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double hr = h[i] / range;
                double residual = g[i] - s[0] - s[1] * f[i];
                sum += w[i] * residual * (hr / range) * Math.exp(-hr * hr);
            }
            return -sum;
        }

        double sse(double range) {
            double[] s = sills(range);
            return criterion(s[0], s[1]);
        }

        private double criterion(double nugget, double psill) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double r = g[i] - nugget - psill * f[i];
                sum += w[i] * r * r;
            }
            return sum;
        }

        /** Non-negative (nugget, psill) minimising the criterion at this range; fills f. */
        double[] sills(double range) {
            for (int i = 0; i < m; i++) {
                f[i] = 1 - shape.correlation(h[i], range, kappa);
            }
            double sw = 0;
            double sf = 0;
            double sff = 0;
            double sg = 0;
            double sfg = 0;
            for (int i = 0; i < m; i++) {
                sw += w[i];
                sf += w[i] * f[i];
                sff += w[i] * f[i] * f[i];
                sg += w[i] * g[i];
                sfg += w[i] * f[i] * g[i];
            }
            if (!fitNugget) {
                double p = sff > 0 ? Math.max(0, (sfg - fixedNugget * sf) / sff) : 0;
                return new double[]{fixedNugget, p};
            }
            double bestN = Math.max(0, sg / sw);
            double bestP = 0;
            double best = criterion(bestN, bestP);
            if (sff > 0) {
                double p = Math.max(0, sfg / sff);
                double c = criterion(0, p);
                if (c < best) {
                    best = c;
                    bestN = 0;
                    bestP = p;
                }
            }
            double det = sw * sff - sf * sf;
            if (det > 1e-12 * sw * sff) {
                double n = (sff * sg - sf * sfg) / det;
                double p = (sw * sfg - sf * sg) / det;
                if (n >= 0 && p >= 0) {
                    double c = criterion(n, p);
                    if (c <= best) {
                        bestN = n;
                        bestP = p;
                    }
                }
            }
            return new double[]{bestN, bestP};
        }
    }
}
