package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Geostatistical densification: adds k points to an existing network so that the mean (or the largest)
 * ordinary-kriging variance over the study area is as small as possible, for a given variogram. The variance
 * does not depend on the measured values, so the design needs only the locations and the model.
 * <p>
 * <b>Greedy placement.</b> Candidates are the admissible centres of a grid offset by half a cell from the search
 * grid (so that no candidate sits on a location it is judged at). With {@code kappa(s, t)} the kriging
 * covariance conditional on the current points (the ordinary-kriging "residual" covariance, whose diagonal is the
 * kriging variance), adding a point p lowers the variance at s by {@code kappa(s, p)^2 / kappa(p, p)}, exactly.
 * The matrix {@code kappa(search, candidates)} is built once from the existing points' Cholesky factor
 * (O(N M n) on all cores for N search cells, M candidates, n points) and updated by a rank-one correction after
 * each pick (O(N M)), so each of the k picks scores every candidate exactly.
 * <p>
 * <b>Spatial simulated annealing</b> (van Groenigen and Stein 1998) then moves one new point at a time by a random
 * step that shrinks from the design's typical spacing to half a search cell, accepting worse designs with the Metropolis
 * probability at a temperature that falls geometrically. A move is evaluated exactly from the inverse of the
 * augmented kriging matrix Q of the current design: removing point q raises the variance at s by
 * {@code (Q k_s)_q^2 / Q_qq}, adding p' lowers it as above, so a proposal costs O(m^2 + N m) instead of a
 * refactorisation, and an accepted move updates Q in O(m^2) (refactored every 100 moves against rounding).
 * The best design met is kept; it is never worse than the greedy one on the search grid, and it replaces the
 * greedy design only if it is also no worse on the full evaluation grid.
 * <p>
 * Variances are those of a global neighbourhood (all points in every kriging system), as gstat's {@code krige}
 * without {@code nmax}. Deterministic for a seed: all sums over cells are combined in a fixed chunk order.
 */
public final class KrigingVarianceDesign {

    /** Method code in plans and exports. */
    public static final String METHOD = "kriging-variance";

    /** What the design minimises. */
    public enum Criterion {
        /** The mean kriging variance over the area. */
        MEAN,
        /** The largest kriging variance in the area (minimax). */
        MAX
    }

    /**
     * @param model               the variogram
     * @param newPoints           points to add, at least 1
     * @param criterion           mean or largest variance
     * @param seed                random seed of the annealing
     * @param minSpacing          least distance of a new point to any other point (m), 0 for none
     * @param evaluationCells     cells of the grid the before/after figures are computed on
     * @param searchCells         cells of the grid the search judges designs on
     * @param candidates          candidate locations of the greedy phase
     * @param annealingIterations proposals of the annealing; 0 for none, -1 for 60 per new point (500..3000)
     */
    public record Options(VariogramModel model, int newPoints, Criterion criterion, long seed, double minSpacing,
                          int evaluationCells, int searchCells, int candidates, int annealingIterations) {

        public Options {
            if (model == null) {
                throw new UserException("layout.variogramMissing");
            }
            if (newPoints < 1) {
                throw new UserException("layout.pointCountInvalid", newPoints);
            }
            if (!(minSpacing >= 0)) {
                throw new UserException("layout.spacingInvalid", minSpacing);
            }
            if (evaluationCells < 1 || searchCells < 1 || candidates < 1) {
                throw new UserException("layout.cellCountInvalid", Math.min(evaluationCells,
                        Math.min(searchCells, candidates)));
            }
            criterion = criterion == null ? Criterion.MEAN : criterion;
        }

        /** Mean variance, seed 1, no spacing, 50,000 evaluation cells, 3,000 search cells and candidates. */
        public static Options of(VariogramModel model, int newPoints) {
            return new Options(model, newPoints, Criterion.MEAN, 1, 0, 50_000, 3_000, 3_000, -1);
        }

        public Options withCriterion(Criterion c) {
            return new Options(model, newPoints, c, seed, minSpacing, evaluationCells, searchCells, candidates,
                    annealingIterations);
        }

        public Options withSeed(long s) {
            return new Options(model, newPoints, criterion, s, minSpacing, evaluationCells, searchCells, candidates,
                    annealingIterations);
        }

        public Options withMinSpacing(double m) {
            return new Options(model, newPoints, criterion, seed, m, evaluationCells, searchCells, candidates,
                    annealingIterations);
        }

        public Options withEvaluationCells(int c) {
            return new Options(model, newPoints, criterion, seed, minSpacing, c, searchCells, candidates,
                    annealingIterations);
        }

        public Options withSearch(int cells, int candidateCount) {
            return new Options(model, newPoints, criterion, seed, minSpacing, evaluationCells, cells,
                    candidateCount, annealingIterations);
        }

        public Options withAnnealingIterations(int i) {
            return new Options(model, newPoints, criterion, seed, minSpacing, evaluationCells, searchCells,
                    candidates, i);
        }

        int iterations() {
            return annealingIterations >= 0 ? annealingIterations : Math.max(500, Math.min(3000, 60 * newPoints));
        }
    }

    /**
     * The greedy and the annealed design with their figures.
     *
     * @param greedyX         the greedy design's new points
     * @param greedyY
     * @param x               the design kept (annealed when no worse on the evaluation grid, else greedy)
     * @param y
     * @param greedySearch    the greedy design's criterion on the search grid
     * @param annealedSearch  the annealed design's criterion on the search grid (at most greedySearch)
     * @param before          the existing points on the evaluation grid (NaN without existing points)
     * @param greedy          the greedy design on the evaluation grid
     * @param annealed        the annealed design on the evaluation grid
     * @param annealedKept    whether x, y is the annealed design
     * @param proposals       annealing proposals made
     * @param accepted        proposals accepted
     * @param evaluationCells cells of the evaluation grid
     * @param searchCells     cells of the search grid
     * @param candidates      candidates of the greedy phase
     */
    public record Result(double[] greedyX, double[] greedyY, double[] x, double[] y, double greedySearch,
                         double annealedSearch, KrigingVariance.Summary before, KrigingVariance.Summary greedy,
                         KrigingVariance.Summary annealed, boolean annealedKept, int proposals, int accepted,
                         int evaluationCells, int searchCells, int candidates) {
    }

    private KrigingVarianceDesign() {
    }

    /** Adds {@code options.newPoints()} points to the existing ones. */
    public static LayoutPlan plan(StudyArea area, List<Site> existing, Options options, Progress progress) {
        double[] ex = existing.stream().mapToDouble(Site::x).toArray();
        double[] ey = existing.stream().mapToDouble(Site::y).toArray();
        Result r = design(area, ex, ey, options, progress);
        int[] keep = KrigingVariance.distinct(ex, ey, NetworkEvaluation.SAME_LOCATION);
        KrigingVariance base = new KrigingVariance(pick(ex, keep), pick(ey, keep), options.model());
        List<PlanAssembler.Entry> entries = new ArrayList<>(PlanAssembler.existing(existing));
        List<String> ids = PlanAssembler.sequenceIds("K", r.x().length, existing);
        for (int i = 0; i < r.x().length; i++) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("kv_before", base.size() == 0 ? null : base.variance(r.x()[i], r.y()[i]));
            entries.add(new PlanAssembler.Entry(Site.of(ids.get(i), r.x()[i], r.y()[i]), PointStatus.NEW, null,
                    attrs));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("variogram", options.model().toString());
        params.put("criterion", options.criterion().name().toLowerCase(java.util.Locale.ROOT));
        params.put("new_points", options.newPoints());
        params.put("existing_points", existing.size());
        params.put("seed", options.seed());
        params.put("min_spacing_m", options.minSpacing());
        params.put("evaluation_cells", r.evaluationCells());
        params.put("search_cells", r.searchCells());
        params.put("candidates", r.candidates());
        params.put("greedy_mean_kriging_variance", r.greedy().mean());
        params.put("greedy_max_kriging_variance", r.greedy().max());
        params.put("annealed_mean_kriging_variance", r.annealed().mean());
        params.put("annealed_max_kriging_variance", r.annealed().max());
        params.put("annealing_proposals", r.proposals());
        params.put("annealing_accepted", r.accepted());
        params.put("annealed_kept", r.annealedKept());
        Discretisation eval = area.discretiseTo(options.evaluationCells());
        return PlanAssembler.assemble(METHOD, params, area, entries, options.model(), eval, List.of(), List.of(),
                progress);
    }

    static double[] pick(double[] a, int[] idx) {
        double[] r = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = a[idx[i]];
        }
        return r;
    }

    /**
     * Runs the greedy placement and the annealing.
     *
     * @param ex, ey the existing points (duplicates within a millimetre count once)
     */
    public static Result design(StudyArea area, double[] ex, double[] ey, Options options, Progress progress) {
        int[] keep = KrigingVariance.distinct(ex, ey, NetworkEvaluation.SAME_LOCATION);
        double[] fx = pick(ex, keep);
        double[] fy = pick(ey, keep);
        VariogramModel model = options.model();
        Discretisation eval = area.discretiseTo(options.evaluationCells());
        Discretisation search = options.searchCells() >= eval.size() ? eval : area.discretiseTo(options.searchCells());
        Discretisation grid = area.discretiseTo(options.candidates(), 0.5);
        SpacingIndex spacing = new SpacingIndex(options.minSpacing());
        for (int i = 0; i < fx.length; i++) {
            spacing.add(fx[i], fy[i]);
        }
        List<Integer> cand = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            if (area.isAdmissible(grid.x[i], grid.y[i]) && spacing.isFree(grid.x[i], grid.y[i])) {
                cand.add(i);
            }
        }
        if (cand.size() < options.newPoints()) {
            throw new UserException("layout.tooFewCandidates", cand.size(), options.newPoints());
        }
        double[] cx = new double[cand.size()];
        double[] cy = new double[cand.size()];
        for (int i = 0; i < cx.length; i++) {
            cx[i] = grid.x[cand.get(i)];
            cy[i] = grid.y[cand.get(i)];
        }
        progress.start("greedy placement", options.newPoints());
        double[][] greedy = Greedy.run(fx, fy, search.x, search.y, cx, cy, options, progress);
        double[] gx = greedy[0];
        double[] gy = greedy[1];

        Annealing annealing = new Annealing(area, fx, fy, gx, gy, search.x, search.y, options, progress);
        double greedySearch = annealing.criterion();
        annealing.run(options.iterations());
        double[] ax = annealing.bestX();
        double[] ay = annealing.bestY();
        double annealedSearch = annealing.bestCriterion();

        KrigingVariance base = new KrigingVariance(fx, fy, model);
        KrigingVariance.Summary[] s = base.summarise(eval.x, eval.y, List.of(base.extend(gx, gy),
                base.extend(ax, ay)), null, progress);
        boolean kept = value(s[2], options.criterion()) <= value(s[1], options.criterion());
        return new Result(gx, gy, kept ? ax : gx, kept ? ay : gy, greedySearch, annealedSearch, s[0], s[1], s[2],
                kept, annealing.proposals, annealing.accepted, eval.size(), search.size(), cx.length);
    }

    static double value(KrigingVariance.Summary s, Criterion c) {
        return c == Criterion.MEAN ? s.mean() : s.max();
    }

    // ------------------------------------------------------------------ greedy placement

    /** The greedy phase: exact variance reductions of every candidate, rank-one updates after each pick. */
    static final class Greedy {

        private Greedy() {
        }

        /** Returns {x[], y[]} of the new points in the order they were picked. */
        static double[][] run(double[] fx, double[] fy, double[] sx, double[] sy, double[] cx, double[] cy,
                              Options options, Progress progress) {
            VariogramModel model = options.model();
            int k = options.newPoints();
            double[] px = fx;
            double[] py = fy;
            double[] outX = new double[k];
            double[] outY = new double[k];
            boolean[] taken = new boolean[cx.length];
            SpacingIndex spacing = new SpacingIndex(options.minSpacing());
            int placed = 0;
            if (fx.length == 0) {
                // no network yet: the first point minimises the one-point variance 2 gamma(h)
                int first = firstPoint(sx, sy, cx, cy, model, options.criterion(), progress);
                outX[0] = cx[first];
                outY[0] = cy[first];
                taken[first] = true;
                spacing.add(cx[first], cy[first]);
                placed = 1;
                px = new double[]{cx[first]};
                py = new double[]{cy[first]};
                progress.update(1);
            }
            if (placed == k) {
                return new double[][]{outX, outY};
            }
            for (int i = 0; i < cx.length; i++) {
                if (!taken[i] && !spacing.isFree(cx[i], cy[i])) {
                    taken[i] = true;
                }
            }
            State st = new State(new KrigingVariance(px, py, model), sx, sy, cx, cy, progress);
            for (; placed < k; placed++) {
                progress.checkCancelled();
                int p = st.best(taken, options.criterion(), progress);
                if (p < 0) {
                    throw new UserException("layout.tooFewCandidates", placed, k);
                }
                outX[placed] = cx[p];
                outY[placed] = cy[p];
                taken[p] = true;
                spacing.add(cx[p], cy[p]);
                for (int i = 0; i < cx.length; i++) {
                    if (!taken[i] && !spacing.isFree(cx[i], cy[i])) {
                        taken[i] = true;
                    }
                }
                if (placed + 1 < k) {
                    st.add(p, progress);
                }
                progress.update(placed + 1);
            }
            return new double[][]{outX, outY};
        }

        private static int firstPoint(double[] sx, double[] sy, double[] cx, double[] cy, VariogramModel model,
                                      Criterion criterion, Progress progress) {
            int m = cx.length;
            double[] score = new double[m];
            int chunks = Parallel.chunks(m, 16);
            Parallel.forEach(chunks, progress, c -> {
                for (int p = Parallel.start(c, chunks, m); p < Parallel.start(c + 1, chunks, m); p++) {
                    double sum = 0;
                    double max = 0;
                    for (int s = 0; s < sx.length; s++) {
                        double v = 2 * model.semivariance(Distances.length(sx[s] - cx[p], sy[s] - cy[p]));
                        sum += v;
                        max = Math.max(max, v);
                    }
                    score[p] = criterion == Criterion.MEAN ? sum : max;
                }
            });
            int best = 0;
            for (int p = 1; p < m; p++) {
                if (score[p] < score[best]) {
                    best = p;
                }
            }
            return best;
        }
    }

    /**
     * kappa(search, candidates) as floats (N x M, row per search cell), the variances at both, and the normalised
     * update columns of the picks so far.
     */
    private static final class State {
        final int ns;
        final int nc;
        final float[] kappa;
        final double[] varS;
        final double[] varP;
        final double[] cx;
        final double[] cy;
        final VariogramModel model;
        final double[] bp;
        final double[] up;
        final int n;
        final double s;
        final List<double[]> columns = new ArrayList<>();

        State(KrigingVariance field, double[] sx, double[] sy, double[] cx, double[] cy, Progress progress) {
            this.model = field.model();
            this.ns = sx.length;
            this.nc = cx.length;
            this.cx = cx;
            this.cy = cy;
            this.n = field.size();
            double c0 = model.sill();
            double[] bs = field.whitened(sx, sy, progress);
            bp = field.whitened(cx, cy, progress);
            double[] v = field.whitenedOnes();
            s = field.onesNorm();
            double[] us = ones(bs, v, ns, n);
            up = ones(bp, v, nc, n);
            varS = new double[ns];
            for (int i = 0; i < ns; i++) {
                varS[i] = c0 - dot(bs, i * n, bs, i * n, n) + us[i] * us[i] / s;
            }
            varP = new double[nc];
            for (int p = 0; p < nc; p++) {
                varP[p] = c0 - dot(bp, p * n, bp, p * n, n) + up[p] * up[p] / s;
            }
            kappa = new float[ns * nc];
            int chunks = Parallel.chunks(ns, 16);
            final int tile = 128;
            Parallel.forEach(chunks, progress, c -> {
                int from = Parallel.start(c, chunks, ns);
                int to = Parallel.start(c + 1, chunks, ns);
                for (int p0 = 0; p0 < nc; p0 += tile) {
                    int p1 = Math.min(nc, p0 + tile);
                    int i = from;
                    for (; i + 1 < to; i += 2) {
                        int p = p0;
                        for (; p + 1 < p1; p += 2) {
                            dot2x2(bs, i, bp, p, n, sx, sy, us, i, p);
                        }
                        for (; p < p1; p++) {
                            one(bs, i, sx, sy, us, p);
                            one(bs, i + 1, sx, sy, us, p);
                        }
                    }
                    for (; i < to; i++) {
                        for (int p = p0; p < p1; p++) {
                            one(bs, i, sx, sy, us, p);
                        }
                    }
                }
            });
        }

        private void one(double[] bs, int i, double[] sx, double[] sy, double[] us, int p) {
            double d = dot(bs, i * n, bp, p * n, n);
            double c = model.covariance(Distances.length(sx[i] - cx[p], sy[i] - cy[p]));
            kappa[i * nc + p] = (float) (c - d + us[i] * up[p] / s);
        }

        /** Four entries (i, i+1) x (p, p+1) at once: every loaded value is used twice. */
        private void dot2x2(double[] bs, int i, double[] bpm, int p, int len, double[] sx, double[] sy, double[] us,
                            int ii, int pp) {
            int a0 = i * len;
            int a1 = a0 + len;
            int b0 = p * len;
            int b1 = b0 + len;
            double s00 = 0;
            double s01 = 0;
            double s10 = 0;
            double s11 = 0;
            for (int t = 0; t < len; t++) {
                double x0 = bs[a0 + t];
                double x1 = bs[a1 + t];
                double y0 = bpm[b0 + t];
                double y1 = bpm[b1 + t];
                s00 += x0 * y0;
                s01 += x0 * y1;
                s10 += x1 * y0;
                s11 += x1 * y1;
            }
            double[] d = {s00, s01, s10, s11};
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    int si = ii + a;
                    int pi = pp + b;
                    double c = model.covariance(Distances.length(sx[si] - cx[pi], sy[si] - cy[pi]));
                    kappa[si * nc + pi] = (float) (c - d[2 * a + b] + us[si] * up[pi] / s);
                }
            }
        }

        private static double[] ones(double[] b, double[] v, int count, int n) {
            double[] u = new double[count];
            for (int i = 0; i < count; i++) {
                u[i] = 1 - dot(b, i * n, v, 0, n);
            }
            return u;
        }

        private static double dot(double[] a, int ao, double[] b, int bo, int len) {
            double acc = 0;
            for (int t = 0; t < len; t++) {
                acc += a[ao + t] * b[bo + t];
            }
            return acc;
        }

        /** The candidate whose addition lowers the criterion most, or -1. */
        int best(boolean[] taken, Criterion criterion, Progress progress) {
            int chunks = Parallel.chunks(ns, 64);
            double[][] sums = new double[chunks][];
            double[][] maxs = new double[chunks][];
            double floor = 1e-9 * model.sill();
            Parallel.forEach(chunks, progress, c -> {
                double[] sum = new double[nc];
                double[] max = criterion == Criterion.MAX ? new double[nc] : null;
                for (int i = Parallel.start(c, chunks, ns); i < Parallel.start(c + 1, chunks, ns); i++) {
                    int row = i * nc;
                    if (max == null) {
                        for (int p = 0; p < nc; p++) {
                            double kk = kappa[row + p];
                            sum[p] += kk * kk;
                        }
                    } else {
                        double vs = varS[i];
                        for (int p = 0; p < nc; p++) {
                            double kk = kappa[row + p];
                            sum[p] += kk * kk;
                            double after = vs - (varP[p] > floor ? kk * kk / varP[p] : 0);
                            if (after > max[p]) {
                                max[p] = after;
                            }
                        }
                    }
                }
                sums[c] = sum;
                maxs[c] = max;
            });
            int best = -1;
            double bestMax = Double.POSITIVE_INFINITY;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < nc; p++) {
                if (taken[p] || !(varP[p] > floor)) {
                    continue;
                }
                double total = 0;
                double max = 0;
                for (int c = 0; c < chunks; c++) {
                    total += sums[c][p];
                    if (maxs[c] != null) {
                        max = Math.max(max, maxs[c][p]);
                    }
                }
                double gain = total / varP[p];
                if (criterion == Criterion.MAX) {
                    if (max < bestMax || (max == bestMax && gain > bestGain)) {
                        bestMax = max;
                        bestGain = gain;
                        best = p;
                    }
                } else if (gain > bestGain) {
                    bestGain = gain;
                    best = p;
                }
            }
            return best;
        }

        /** Conditions on candidate p: kappa -= g h', variances lowered. */
        void add(int p, Progress progress) {
            double sp = Math.sqrt(varP[p]);
            double[] g = new double[ns];
            for (int i = 0; i < ns; i++) {
                g[i] = kappa[i * nc + p] / sp;
            }
            // kappa(candidate, p) from the existing points' factor and the earlier picks
            double[] h = new double[nc];
            int bpo = p * n;
            for (int q = 0; q < nc; q++) {
                double c = q == p ? model.sill() : model.covariance(Distances.length(cx[q] - cx[p], cy[q] - cy[p]));
                double k = c - dot(bp, q * n, bp, bpo, n) + up[q] * up[p] / s;
                for (double[] col : columns) {
                    k -= col[q] * col[p];
                }
                h[q] = k / sp;
            }
            columns.add(h);
            int chunks = Parallel.chunks(ns, 64);
            Parallel.forEach(chunks, progress, c -> {
                for (int i = Parallel.start(c, chunks, ns); i < Parallel.start(c + 1, chunks, ns); i++) {
                    int row = i * nc;
                    double gi = g[i];
                    for (int q = 0; q < nc; q++) {
                        kappa[row + q] -= (float) (gi * h[q]);
                    }
                    varS[i] -= gi * gi;
                }
            });
            for (int q = 0; q < nc; q++) {
                varP[q] -= h[q] * h[q];
            }
        }
    }

    // ------------------------------------------------------------------ spatial simulated annealing

    /** The annealing phase on the search grid, with the inverse augmented kriging matrix of the design. */
    static final class Annealing {
        private static final int REFRESH = 100;
        private static final int CHAINS = 40;

        private final StudyArea area;
        private final VariogramModel model;
        private final double c0;
        private final int nf;
        private final int m;
        private final int ms;
        private final double[] dx;
        private final double[] dy;
        private final double[] sx;
        private final double[] sy;
        private final int ns;
        private final double[] g;
        private double[] q;
        private double[] var;
        private double[] newVar;
        private final double[] newCov;
        private double criterion;
        private final Criterion kind;
        private final double spacing;
        private final SplittableRandom random;
        private final Progress progress;
        private final double rMax;
        private final double rMin;
        private double bestCriterion;
        private double[] bestX;
        private double[] bestY;
        int proposals;
        int accepted;
        private int sinceRefresh;

        Annealing(StudyArea area, double[] fx, double[] fy, double[] gx, double[] gy, double[] sx, double[] sy,
                  Options options, Progress progress) {
            this.area = area;
            this.model = options.model();
            this.c0 = model.sill();
            this.nf = fx.length;
            this.m = nf + gx.length;
            this.ms = m + 1;
            this.dx = new double[m];
            this.dy = new double[m];
            System.arraycopy(fx, 0, dx, 0, nf);
            System.arraycopy(fy, 0, dy, 0, nf);
            System.arraycopy(gx, 0, dx, nf, gx.length);
            System.arraycopy(gy, 0, dy, nf, gy.length);
            this.sx = sx;
            this.sy = sy;
            this.ns = sx.length;
            this.kind = options.criterion();
            this.spacing = options.minSpacing();
            this.random = new SplittableRandom(options.seed());
            this.progress = progress;
            this.g = new double[ns * m];
            for (int i = 0; i < ns; i++) {
                for (int j = 0; j < m; j++) {
                    g[i * m + j] = model.covariance(Distances.length(sx[i] - dx[j], sy[i] - dy[j]));
                }
            }
            refresh();
            this.var = new KrigingVariance(dx, dy, model).variances(sx, sy, progress);
            this.newVar = new double[ns];
            this.newCov = new double[ns];
            this.criterion = summarise(var);
            var env = area.envelope();
            // steps from the typical spacing of the design's points down to half a search cell
            this.rMax = Math.min(Math.max(env.getWidth(), env.getHeight()) / 4, Math.sqrt(area.admissibleArea() / m));
            this.rMin = Math.min(rMax, 0.5 * Math.sqrt(area.admissibleArea() / Math.max(1, ns)));
            this.bestCriterion = criterion;
            this.bestX = Arrays.copyOfRange(dx, nf, m);
            this.bestY = Arrays.copyOfRange(dy, nf, m);
        }

        double criterion() {
            return criterion;
        }

        double bestCriterion() {
            return bestCriterion;
        }

        double[] bestX() {
            return bestX;
        }

        double[] bestY() {
            return bestY;
        }

        private void refresh() {
            q = new KrigingVariance(dx, dy, model).inverseAugmented();
            sinceRefresh = 0;
        }

        private double summarise(double[] v) {
            double sum = 0;
            double max = 0;
            for (double e : v) {
                sum += e;
                max = Math.max(max, e);
            }
            return kind == Criterion.MEAN ? sum / v.length : max;
        }

        void run(int iterations) {
            int free = m - nf;
            if (iterations <= 0 || free == 0) {
                return;
            }
            progress.start("simulated annealing", iterations);
            // starting temperature: a typical worsening is accepted with probability 0.05 (the greedy start is good)
            double t0 = temperature(Math.min(30, iterations), free);
            double cooling = Math.pow(1e-4, 1.0 / CHAINS);
            int chainLength = Math.max(1, iterations / CHAINS);
            double temperature = t0;
            for (int it = 0; it < iterations; it++) {
                if (it > 0 && it % chainLength == 0) {
                    temperature *= cooling;
                }
                if ((it & 15) == 0) {
                    progress.checkCancelled();
                    progress.update(it);
                }
                double radius = rMax + (rMin - rMax) * it / iterations;
                int j = nf + random.nextInt(free);
                double angle = random.nextDouble() * 2 * Math.PI;
                double dist = radius * Math.sqrt(random.nextDouble());
                double u = random.nextDouble();
                double nx = dx[j] + dist * Math.cos(angle);
                double ny = dy[j] + dist * Math.sin(angle);
                proposals++;
                double value = propose(j, nx, ny);
                if (Double.isNaN(value)) {
                    continue;
                }
                double delta = value - criterion;
                if (delta <= 0 || u < Math.exp(-delta / temperature)) {
                    accept(j, nx, ny, value);
                }
            }
            progress.update(iterations);
        }

        /** Mean positive change of random proposals, as a temperature accepting it with probability 0.05. */
        private double temperature(int samples, int free) {
            double sum = 0;
            int count = 0;
            SplittableRandom r = random.split();
            for (int i = 0; i < samples; i++) {
                int j = nf + r.nextInt(free);
                double angle = r.nextDouble() * 2 * Math.PI;
                double dist = rMax * Math.sqrt(r.nextDouble());
                double value = propose(j, dx[j] + dist * Math.cos(angle), dy[j] + dist * Math.sin(angle));
                if (!Double.isNaN(value) && value > criterion) {
                    sum += value - criterion;
                    count++;
                }
            }
            double mean = count == 0 ? 1e-3 * criterion : sum / count;
            return Math.max(1e-12, mean / Math.log(20));
        }

        /**
         * The criterion when point j moves to (nx, ny), leaving the new variances in {@code newVar} and the
         * covariances to the new location in {@code newCov}; NaN when the location is not allowed.
         */
        private double propose(int j, double nx, double ny) {
            if (!area.isAdmissible(nx, ny)) {
                return Double.NaN;
            }
            double spacing2 = spacing * spacing;
            double same2 = NetworkEvaluation.SAME_LOCATION * NetworkEvaluation.SAME_LOCATION;
            for (int i = 0; i < m; i++) {
                if (i != j) {
                    double d2 = (dx[i] - nx) * (dx[i] - nx) + (dy[i] - ny) * (dy[i] - ny);
                    if (d2 < spacing2 || d2 < same2) {
                        return Double.NaN;
                    }
                }
            }
            double[] kp = new double[ms];
            for (int i = 0; i < m; i++) {
                kp[i] = model.covariance(Distances.length(dx[i] - nx, dy[i] - ny));
            }
            kp[m] = 1;
            double[] w = new double[ms];
            for (int r = 0; r < ms; r++) {
                double acc = 0;
                int ro = r * ms;
                for (int c = 0; c < ms; c++) {
                    acc += q[ro + c] * kp[c];
                }
                w[r] = acc;
            }
            double qjj = q[j * ms + j];
            double ap = w[j];
            double kpw = 0;
            for (int i = 0; i < ms; i++) {
                kpw += kp[i] * w[i];
            }
            double gamma = c0 - kpw + ap * ap / qjj;
            if (!(gamma > 1e-10 * c0)) {
                return Double.NaN;
            }
            double[] qj = Arrays.copyOfRange(q, j * ms, j * ms + ms);
            int chunks = Parallel.chunks(ns, 512);
            double[] sums = new double[chunks];
            double[] maxs = new double[chunks];
            Parallel.forEach(chunks, progress, c -> {
                double sum = 0;
                double max = 0;
                for (int i = Parallel.start(c, chunks, ns); i < Parallel.start(c + 1, chunks, ns); i++) {
                    int o = i * m;
                    double t1 = w[m];
                    double as = qj[m];
                    for (int t = 0; t < m; t++) {
                        double gt = g[o + t];
                        t1 += gt * w[t];
                        as += gt * qj[t];
                    }
                    double csp = model.covariance(Distances.length(sx[i] - nx, sy[i] - ny));
                    double kMinus = csp - t1 + as * ap / qjj;
                    double vMinus = var[i] + as * as / qjj;
                    double v = Math.max(0, vMinus - kMinus * kMinus / gamma);
                    newVar[i] = v;
                    newCov[i] = csp;
                    sum += v;
                    max = Math.max(max, v);
                }
                sums[c] = sum;
                maxs[c] = max;
            });
            double sum = 0;
            double max = 0;
            for (int c = 0; c < chunks; c++) {
                sum += sums[c];
                max = Math.max(max, maxs[c]);
            }
            return kind == Criterion.MEAN ? sum / ns : max;
        }

        private void accept(int j, double nx, double ny, double value) {
            accepted++;
            // downdate: remove point j from Q
            double qjj = q[j * ms + j];
            double[] col = new double[ms];
            for (int i = 0; i < ms; i++) {
                col[i] = q[i * ms + j];
            }
            for (int r = 0; r < ms; r++) {
                if (r == j) {
                    continue;
                }
                double f = col[r] / qjj;
                int ro = r * ms;
                for (int c = 0; c < ms; c++) {
                    q[ro + c] -= f * col[c];
                }
            }
            for (int i = 0; i < ms; i++) {
                q[i * ms + j] = 0;
                q[j * ms + i] = 0;
            }
            // border with the new location
            dx[j] = nx;
            dy[j] = ny;
            double[] k = new double[ms];
            for (int i = 0; i < m; i++) {
                k[i] = i == j ? 0 : model.covariance(Distances.length(dx[i] - nx, dy[i] - ny));
            }
            k[m] = 1;
            double[] z = new double[ms];
            for (int r = 0; r < ms; r++) {
                double acc = 0;
                int ro = r * ms;
                for (int c = 0; c < ms; c++) {
                    acc += q[ro + c] * k[c];
                }
                z[r] = acc;
            }
            double gamma = c0;
            for (int i = 0; i < ms; i++) {
                gamma -= k[i] * z[i];
            }
            for (int r = 0; r < ms; r++) {
                double f = z[r] / gamma;
                int ro = r * ms;
                for (int c = 0; c < ms; c++) {
                    q[ro + c] += f * z[c];
                }
            }
            for (int i = 0; i < ms; i++) {
                q[i * ms + j] = -z[i] / gamma;
                q[j * ms + i] = -z[i] / gamma;
            }
            q[j * ms + j] = 1 / gamma;
            for (int i = 0; i < ns; i++) {
                g[i * m + j] = newCov[i];
            }
            double[] t = var;
            var = newVar;
            newVar = t;
            criterion = value;
            if (++sinceRefresh >= REFRESH) {
                refresh();
            }
            if (criterion < bestCriterion) {
                bestCriterion = criterion;
                bestX = Arrays.copyOfRange(dx, nf, m);
                bestY = Arrays.copyOfRange(dy, nf, m);
            }
        }
    }
}
