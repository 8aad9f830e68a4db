package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.PointKdTree;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spatial coverage sampling as the spcosa R package does it (Walvoort, Brus and de Gruijter 2010): the study area
 * is discretised into many small cells and clustered by k-means into compact parts; the new points are the
 * parts' centroids, existing points are centres that do not move ("prior points"). The design minimises the mean
 * squared shortest distance (MSSD) from a cell to its nearest point, the criterion k-means descends.
 * <p>
 * Each restart seeds the free centres by k-means++ (D^2 sampling, the existing points counting as chosen) and
 * runs Lloyd's iteration with Hamerly's (2010) bounds, so that a cell whose nearest centre cannot have changed is
 * not compared with every centre: after the first iterations a pass costs little more than O(N). Restarts run on
 * all cores with their own random streams split from the seed; the best MSSD is kept (ties: the first restart),
 * so a seed always gives the same design. A centroid outside the area (a non-convex area, or in an exclusion) is
 * moved to the nearest cell of its part; a point closer than the minimum spacing to another is moved to the
 * nearest admissible cell far enough from all.
 */
public final class SpatialCoverageDesign {

    /** Method code in plans and exports. */
    public static final String METHOD = "spatial-coverage";

    /**
     * @param newPoints       number of points to add, at least 1
     * @param restarts        independent k-means runs, the best kept (spcosa's nTry), at least 1
     * @param maxIterations   Lloyd iterations per run at most
     * @param seed            the random seed
     * @param minSpacing      minimum distance between any new point and any other point (m), 0 for none
     * @param cells           number of cells of the discretisation the k-means clusters
     * @param evaluationCells number of cells of the grid the before/after table is evaluated on
     */
    public record Options(int newPoints, int restarts, int maxIterations, long seed, double minSpacing, int cells,
                          int evaluationCells) {

        public Options {
            if (newPoints < 1) {
                throw new UserException("layout.pointCountInvalid", newPoints);
            }
            if (restarts < 1 || maxIterations < 1) {
                throw new UserException("layout.restartsInvalid", restarts);
            }
            if (!(minSpacing >= 0)) {
                throw new UserException("layout.spacingInvalid", minSpacing);
            }
            if (cells < 1 || evaluationCells < 1) {
                throw new UserException("layout.cellCountInvalid", Math.min(cells, evaluationCells));
            }
        }

        /** Ten restarts, at most 1,000 iterations, seed 1, no spacing, 50,000 cells. */
        public static Options of(int newPoints) {
            return new Options(newPoints, 10, 1000, 1, 0, 50_000, 50_000);
        }

        public Options withSeed(long s) {
            return new Options(newPoints, restarts, maxIterations, s, minSpacing, cells, evaluationCells);
        }

        public Options withRestarts(int r) {
            return new Options(newPoints, r, maxIterations, seed, minSpacing, cells, evaluationCells);
        }

        public Options withMinSpacing(double m) {
            return new Options(newPoints, restarts, maxIterations, seed, m, cells, evaluationCells);
        }

        public Options withCells(int c) {
            return new Options(newPoints, restarts, maxIterations, seed, minSpacing, c, evaluationCells);
        }

        public Options withEvaluationCells(int c) {
            return new Options(newPoints, restarts, maxIterations, seed, minSpacing, cells, c);
        }
    }

    /**
     * A design: the new points and the MSSD over the discretisation (with the existing points).
     *
     * @param x          eastings of the new points
     * @param y          northings
     * @param mssd       mean squared shortest distance, m^2
     * @param restart    which restart gave it (0-based)
     * @param iterations Lloyd iterations of that restart
     * @param moved      points moved off their centroid (outside the area, or too close to another)
     */
    public record Result(double[] x, double[] y, double mssd, int restart, int iterations, int moved) {
    }

    /** Where a centroid may stay. */
    interface Admissibility {
        boolean allows(double x, double y);
    }

    /** Most centres for which sorted neighbour lists (O(k^2) memory) speed up the rescans. */
    private static final int NEIGHBOUR_LISTS = 2048;

    private SpatialCoverageDesign() {
    }

    /**
     * Adds {@code options.newPoints()} points to the fixed ones, covering the area.
     *
     * @param fixed existing points that stay (may be empty)
     */
    public static LayoutPlan plan(StudyArea area, List<Site> fixed, Options options, Progress progress) {
        Discretisation d = area.discretiseTo(options.cells());
        double[] fx = fixed.stream().mapToDouble(Site::x).toArray();
        double[] fy = fixed.stream().mapToDouble(Site::y).toArray();
        Result r = design(d, fx, fy, options, area::isAdmissible, progress);
        List<PlanAssembler.Entry> entries = new ArrayList<>(PlanAssembler.existing(fixed));
        List<String> ids = PlanAssembler.sequenceIds("C", r.x().length, fixed);
        for (int i = 0; i < r.x().length; i++) {
            entries.add(new PlanAssembler.Entry(Site.of(ids.get(i), r.x()[i], r.y()[i]), PointStatus.NEW, null,
                    Map.of()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("new_points", options.newPoints());
        params.put("fixed_points", fixed.size());
        params.put("restarts", options.restarts());
        params.put("seed", options.seed());
        params.put("min_spacing_m", options.minSpacing());
        params.put("cells", d.size());
        params.put("cell_size_m", d.cellSize());
        params.put("design_mssd_m2", r.mssd());
        params.put("best_restart", r.restart() + 1);
        params.put("iterations", r.iterations());
        List<LayoutNotice> notices = new ArrayList<>();
        if (r.moved() > 0) {
            notices.add(LayoutNotice.of("layout.centroidsMoved", r.moved()));
        }
        Discretisation eval = options.evaluationCells() == options.cells() ? d
                : area.discretiseTo(options.evaluationCells());
        return PlanAssembler.assemble(METHOD, params, area, entries, null, eval, List.of(), notices, progress);
    }

    /**
     * The k-means design on a discretisation.
     *
     * @param fx, fy     the fixed points
     * @param admissible where a new point may go
     */
    static Result design(Discretisation d, double[] fx, double[] fy, Options options, Admissibility admissible,
                         Progress progress) {
        int n = d.size();
        int k = options.newPoints();
        if (n < 2 * (k + fx.length)) {
            throw new UserException("layout.tooFewCells", n, k + fx.length);
        }
        int restarts = options.restarts();
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom[] streams = new SplittableRandom[restarts];
        for (int r = 0; r < restarts; r++) {
            streams[r] = root.split();
        }
        Result[] results = new Result[restarts];
        AtomicInteger done = new AtomicInteger();
        progress.start("spatial coverage", restarts);
        Parallel.forEach(restarts, progress, r -> {
            results[r] = run(d.x, d.y, fx, fy, k, options.maxIterations(), streams[r], admissible, r, progress);
            progress.update(done.incrementAndGet());
        });
        Result best = results[0];
        for (Result r : results) {
            if (r.mssd() < best.mssd()) {
                best = r;
            }
        }
        if (options.minSpacing() > 0) {
            best = enforceSpacing(d, fx, fy, best, options.minSpacing(), admissible);
        }
        return best;
    }

    /** One k-means run from a k-means++ start. */
    static Result run(double[] px0, double[] py0, double[] fx, double[] fy, int k, int maxIterations,
                      SplittableRandom random, Admissibility admissible, int restart, Progress progress) {
        int n = px0.length;
        int f = fx.length;
        int kk = f + k;
        // work relative to the cells' centre: smaller numbers, exact incremental sums
        double ox = 0;
        double oy = 0;
        for (int i = 0; i < n; i++) {
            ox += px0[i];
            oy += py0[i];
        }
        ox = Math.rint(ox / n);
        oy = Math.rint(oy / n);
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = px0[i] - ox;
            py[i] = py0[i] - oy;
        }
        double[] cx = new double[kk];
        double[] cy = new double[kk];
        for (int j = 0; j < f; j++) {
            cx[j] = fx[j] - ox;
            cy[j] = fy[j] - oy;
        }
        seed(px, py, cx, cy, f, kk, random);

        int[] a = new int[n];
        double[] u = new double[n];
        double[] lb = new double[n];
        assignAll(px, py, cx, cy, kk, a, u, lb);
        double[] sx = new double[kk];
        double[] sy = new double[kk];
        int[] cnt = new int[kk];
        for (int i = 0; i < n; i++) {
            sx[a[i]] += px[i];
            sy[a[i]] += py[i];
            cnt[a[i]]++;
        }
        double[] move = new double[kk];
        double[] half = new double[kk];
        // centre-to-centre distances and neighbour order; above NEIGHBOUR_LISTS centres plain scans instead
        boolean lists = kk <= NEIGHBOUR_LISTS;
        double[] cc = new double[lists ? kk * kk : 0];
        int[] near = new int[lists ? kk * kk : 0];
        long[] keys = new long[kk];
        int[] sortedIn = new int[kk];
        int iterations = 0;
        for (int it = 0; it < maxIterations; it++) {
            if ((it & 7) == 0) {
                progress.checkCancelled();
            }
            iterations = it + 1;
            java.util.Arrays.fill(move, 0);
            boolean reset = false;
            boolean anyMove = false;
            for (int j = f; j < kk; j++) {
                if (cnt[j] == 0) {
                    // an empty part: restart its centre at the cell farthest from its own centre
                    int far = 0;
                    for (int i = 1; i < n; i++) {
                        if (u[i] > u[far]) {
                            far = i;
                        }
                    }
                    cx[j] = px[far];
                    cy[j] = py[far];
                    u[far] = 0;
                    reset = true;
                    continue;
                }
                double nx = sx[j] / cnt[j];
                double ny = sy[j] / cnt[j];
                move[j] = Distances.length(nx - cx[j], ny - cy[j]);
                anyMove |= move[j] > 0;
                cx[j] = nx;
                cy[j] = ny;
            }
            if (reset) {
                assignAll(px, py, cx, cy, kk, a, u, lb);
                java.util.Arrays.fill(sx, 0);
                java.util.Arrays.fill(sy, 0);
                java.util.Arrays.fill(cnt, 0);
                for (int i = 0; i < n; i++) {
                    sx[a[i]] += px[i];
                    sy[a[i]] += py[i];
                    cnt[a[i]]++;
                }
                continue;
            }
            if (!anyMove) {
                break;
            }
            int r1 = -1;
            double m1 = 0;
            double m2 = 0;
            for (int j = f; j < kk; j++) {
                if (move[j] > m1) {
                    m2 = m1;
                    m1 = move[j];
                    r1 = j;
                } else if (move[j] > m2) {
                    m2 = move[j];
                }
            }
            if (lists) {
                for (int j = 0; j < kk; j++) {
                    double best = Double.POSITIVE_INFINITY;
                    int row = j * kk;
                    for (int o = 0; o < kk; o++) {
                        double d = Distances.length(cx[j] - cx[o], cy[j] - cy[o]);
                        cc[row + o] = d;
                        if (o != j && d < best) {
                            best = d;
                        }
                    }
                    half[j] = 0.5 * best;
                }
            } else {
                PointKdTree.Search centres = new PointKdTree(cx, cy).search();
                for (int j = 0; j < kk; j++) {
                    centres.nearest(cx[j], cy[j], 1, Double.POSITIVE_INFINITY, j);
                    half[j] = 0.5 * Math.sqrt(centres.distance2(0));
                }
            }
            int changes = 0;
            for (int i = 0; i < n; i++) {
                int c = a[i];
                double ui = u[i] + move[c];
                double li = lb[i] - (c == r1 ? m2 : m1);
                double m = Math.max(half[c], li);
                if (ui <= m) {
                    u[i] = ui;
                    lb[i] = li;
                    continue;
                }
                double dx0 = px[i] - cx[c];
                double dy0 = py[i] - cy[c];
                double d0 = dx0 * dx0 + dy0 * dy0;
                ui = Math.sqrt(d0);
                if (ui <= m) {
                    u[i] = ui;
                    lb[i] = li;
                    continue;
                }
                double d1 = d0;
                double d2 = Double.POSITIVE_INFINITY;
                int b1 = c;
                if (!lists) {
                    for (int j = 0; j < kk; j++) {
                        double dx = px[i] - cx[j];
                        double dy = py[i] - cy[j];
                        double dd = dx * dx + dy * dy;
                        if (dd < d1) {
                            d2 = d1;
                            d1 = dd;
                            b1 = j;
                        } else if (dd < d2 && j != b1) {
                            d2 = dd;
                        }
                    }
                }
                // the other centres in order of their distance from c: stop once none can come nearer
                int row = c * kk;
                if (lists && sortedIn[c] != iterations) {
                    for (int o = 0; o < kk; o++) {
                        keys[o] = (Double.doubleToLongBits(cc[row + o]) & ~0xFFFFL) | o;
                    }
                    java.util.Arrays.sort(keys);
                    for (int o = 0; o < kk; o++) {
                        near[row + o] = (int) (keys[o] & 0xFFFFL);
                    }
                    sortedIn[c] = iterations;
                }
                for (int t = 0; lists && t < kk; t++) {
                    int j = near[row + t];
                    if (j == c) {
                        continue;
                    }
                    double lim = cc[row + j] * (1 - 1e-12) - ui;
                    if (lim > 0 && lim * lim >= d2) {
                        break;
                    }
                    double dx = px[i] - cx[j];
                    double dy = py[i] - cy[j];
                    double dd = dx * dx + dy * dy;
                    if (dd < d1) {
                        d2 = d1;
                        d1 = dd;
                        b1 = j;
                    } else if (dd < d2) {
                        d2 = dd;
                    }
                }
                if (b1 != c) {
                    sx[c] -= px[i];
                    sy[c] -= py[i];
                    cnt[c]--;
                    sx[b1] += px[i];
                    sy[b1] += py[i];
                    cnt[b1]++;
                    a[i] = b1;
                    changes++;
                }
                u[i] = Math.sqrt(d1);
                lb[i] = Math.sqrt(d2);
            }
            if (changes == 0) {
                break;
            }
        }
        // centroids that left the area go to the nearest cell of their part
        int moved = 0;
        for (int j = f; j < kk; j++) {
            if (admissible.allows(cx[j] + ox, cy[j] + oy)) {
                continue;
            }
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (a[i] == j) {
                    double dd = sq(px[i] - cx[j]) + sq(py[i] - cy[j]);
                    if (dd < bestD) {
                        bestD = dd;
                        best = i;
                    }
                }
            }
            if (best >= 0) {
                cx[j] = px[best];
                cy[j] = py[best];
                moved++;
            }
        }
        for (int j = 0; j < kk; j++) {
            cx[j] += ox;
            cy[j] += oy;
        }
        double[] nx = Arrays.copyOfRange(cx, f, kk);
        double[] ny = Arrays.copyOfRange(cy, f, kk);
        return new Result(nx, ny, mssd(px0, py0, cx, cy), restart, iterations, moved);
    }

    private static double sq(double v) {
        return v * v;
    }

    /** k-means++ seeding of centres f..kk-1, the first f being given. */
    private static void seed(double[] px, double[] py, double[] cx, double[] cy, int f, int kk,
                             SplittableRandom random) {
        int n = px.length;
        double[] d2 = new double[n];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int j = 0; j < f; j++) {
            lower(px, py, d2, cx[j], cy[j]);
        }
        for (int j = f; j < kk; j++) {
            int pick;
            if (j == 0) {
                pick = random.nextInt(n);
            } else {
                double total = 0;
                for (double v : d2) {
                    total += v;
                }
                double target = random.nextDouble() * total;
                pick = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += d2[i];
                    if (acc > target) {
                        pick = i;
                        break;
                    }
                }
            }
            cx[j] = px[pick];
            cy[j] = py[pick];
            lower(px, py, d2, cx[j], cy[j]);
        }
    }

    private static void lower(double[] px, double[] py, double[] d2, double x, double y) {
        for (int i = 0; i < px.length; i++) {
            double dx = px[i] - x;
            double dy = py[i] - y;
            double d = dx * dx + dy * dy;
            if (d < d2[i]) {
                d2[i] = d;
            }
        }
    }

    /** Nearest and second-nearest centre of every cell, from scratch. */
    private static void assignAll(double[] px, double[] py, double[] cx, double[] cy, int kk, int[] a, double[] u,
                                  double[] lb) {
        for (int i = 0; i < px.length; i++) {
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            int b1 = 0;
            for (int j = 0; j < kk; j++) {
                double dx = px[i] - cx[j];
                double dy = py[i] - cy[j];
                double dd = dx * dx + dy * dy;
                if (dd < d1) {
                    d2 = d1;
                    d1 = dd;
                    b1 = j;
                } else if (dd < d2) {
                    d2 = dd;
                }
            }
            a[i] = b1;
            u[i] = Math.sqrt(d1);
            lb[i] = Math.sqrt(d2);
        }
    }

    /** Mean squared distance from the cells to their nearest centre. */
    static double mssd(double[] px, double[] py, double[] cx, double[] cy) {
        PointKdTree tree = new PointKdTree(cx, cy);
        PointKdTree.Search search = tree.search();
        double sum = 0;
        for (int i = 0; i < px.length; i++) {
            search.nearest(px[i], py[i], 1, Double.POSITIVE_INFINITY, -1);
            sum += search.distance2(0);
        }
        return sum / px.length;
    }

    /** Moves new points closer than the spacing to another point to the nearest admissible cell far enough. */
    private static Result enforceSpacing(Discretisation d, double[] fx, double[] fy, Result r, double spacing,
                                         Admissibility admissible) {
        SpacingIndex index = new SpacingIndex(spacing);
        for (int i = 0; i < fx.length; i++) {
            index.add(fx[i], fy[i]);
        }
        double[] x = r.x().clone();
        double[] y = r.y().clone();
        int moved = r.moved();
        boolean changed = false;
        for (int j = 0; j < x.length; j++) {
            if (!index.isFree(x[j], y[j])) {
                int best = nearestFreeCell(d, x[j], y[j], index, admissible);
                if (best < 0) {
                    throw new UserException("layout.spacingTooLarge", spacing, x.length + fx.length);
                }
                x[j] = d.x[best];
                y[j] = d.y[best];
                moved++;
                changed = true;
            }
            index.add(x[j], y[j]);
        }
        if (!changed) {
            return r;
        }
        double[] cx = new double[fx.length + x.length];
        double[] cy = new double[cx.length];
        System.arraycopy(fx, 0, cx, 0, fx.length);
        System.arraycopy(fy, 0, cy, 0, fy.length);
        System.arraycopy(x, 0, cx, fx.length, x.length);
        System.arraycopy(y, 0, cy, fy.length, y.length);
        return new Result(x, y, mssd(d.x, d.y, cx, cy), r.restart(), r.iterations(), moved);
    }

    /** The cell nearest to (x, y) that is admissible and at least the spacing from every indexed point, or -1. */
    static int nearestFreeCell(Discretisation d, double x, double y, SpacingIndex index, Admissibility admissible) {
        int n = d.size();
        Integer[] order = new Integer[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            dist[i] = sq(d.x[i] - x) + sq(d.y[i] - y);
        }
        Arrays.sort(order, (p, q) -> Double.compare(dist[p], dist[q]));
        for (int i : order) {
            if (index.isFree(d.x[i], d.y[i]) && admissible.allows(d.x[i], d.y[i])) {
                return i;
            }
        }
        return -1;
    }
}
