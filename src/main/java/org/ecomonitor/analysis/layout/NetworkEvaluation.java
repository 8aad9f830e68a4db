package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.PointKdTree;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@link NetworkMetrics}: the mean squared shortest distance and the largest gap from a k-d tree of the
 * points (O(N log n) for N evaluation cells), the mean and largest ordinary-kriging variance with
 * {@link KrigingVariance} (O(N n^2 / 2)), and the points per zone. The before/after pair shares one kriging
 * factorisation: the points common to both are factored once and each side adds its own.
 */
public final class NetworkEvaluation {

    /** Points closer than this (metres) are one location for the kriging system. */
    static final double SAME_LOCATION = 1e-3;

    private NetworkEvaluation() {
    }

    /** The metrics of one set of points; {@code model} may be null (no kriging variance). */
    public static NetworkMetrics of(StudyArea area, Discretisation eval, List<Site> points, VariogramModel model,
                                    Progress progress) {
        return compare(area, eval, points, points, model, progress)[1];
    }

    /** The metrics of two sets of points (before, after); {@code model} may be null. */
    public static NetworkMetrics[] compare(StudyArea area, Discretisation eval, List<Site> before, List<Site> after,
                                           VariogramModel model, Progress progress) {
        KrigingVariance.Summary[] kv = {KrigingVariance.Summary.NONE, KrigingVariance.Summary.NONE};
        if (model != null) {
            kv = krigingVariance(eval, before, after, model, progress);
        }
        return new NetworkMetrics[]{distances(area, eval, before, kv[0], progress),
                distances(area, eval, after, kv[1], progress)};
    }

    private static String key(Site s) {
        return s.id() + "\u0000" + s.x() + "\u0000" + s.y();
    }

    private static KrigingVariance.Summary[] krigingVariance(Discretisation eval, List<Site> before,
                                                             List<Site> after, VariogramModel model,
                                                             Progress progress) {
        Set<String> inAfter = new HashSet<>();
        for (Site s : after) {
            inAfter.add(key(s));
        }
        List<Site> common = new ArrayList<>();
        List<Site> onlyBefore = new ArrayList<>();
        for (Site s : before) {
            (inAfter.contains(key(s)) ? common : onlyBefore).add(s);
        }
        Set<String> inCommon = new HashSet<>();
        for (Site s : common) {
            inCommon.add(key(s));
        }
        List<Site> onlyAfter = new ArrayList<>();
        for (Site s : after) {
            if (!inCommon.contains(key(s))) {
                onlyAfter.add(s);
            }
        }
        double[][] base = distinct(common, new SpacingIndex(SAME_LOCATION));
        KrigingVariance field = new KrigingVariance(base[0], base[1], model);
        List<KrigingVariance.Extension> ext = new ArrayList<>();
        double[][] b = distinct(onlyBefore, indexOf(base));
        double[][] a = distinct(onlyAfter, indexOf(base));
        int ib = -1;
        int ia = -1;
        if (b[0].length > 0) {
            ib = ext.size() + 1;
            ext.add(field.extend(b[0], b[1]));
        }
        if (a[0].length > 0) {
            ia = ext.size() + 1;
            ext.add(field.extend(a[0], a[1]));
        }
        KrigingVariance.Summary[] s = field.summarise(eval.x, eval.y, ext, null, progress);
        return new KrigingVariance.Summary[]{ib < 0 ? s[0] : s[ib], ia < 0 ? s[0] : s[ia]};
    }

    private static SpacingIndex indexOf(double[][] base) {
        SpacingIndex index = new SpacingIndex(SAME_LOCATION);
        for (int i = 0; i < base[0].length; i++) {
            index.add(base[0][i], base[1][i]);
        }
        return index;
    }

    /** The sites' coordinates, leaving out those at a location the index already holds (and adding the rest). */
    private static double[][] distinct(List<Site> sites, SpacingIndex index) {
        double[] x = new double[sites.size()];
        double[] y = new double[sites.size()];
        int k = 0;
        for (Site s : sites) {
            if (index.isFree(s.x(), s.y())) {
                index.add(s.x(), s.y());
                x[k] = s.x();
                y[k] = s.y();
                k++;
            }
        }
        return new double[][]{java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k)};
    }

    private static NetworkMetrics distances(StudyArea area, Discretisation eval, List<Site> points,
                                            KrigingVariance.Summary kv, Progress progress) {
        Map<String, Integer> perZone = new LinkedHashMap<>();
        for (Zone z : area.zones()) {
            perZone.put(z.id(), 0);
        }
        for (Site s : points) {
            int z = area.zoneOf(s);
            if (z >= 0) {
                perZone.merge(area.zones().get(z).id(), 1, Integer::sum);
            }
        }
        int n = points.size();
        if (n == 0) {
            return new NetworkMetrics(0, Double.NaN, kv.mean(), kv.max(), Double.NaN, Double.NaN, Double.NaN,
                    perZone);
        }
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = points.get(i).x();
            py[i] = points.get(i).y();
        }
        double[] d2 = nearestSquaredDistances(eval.x, eval.y, px, py, progress);
        double sum = 0;
        int arg = 0;
        for (int i = 0; i < d2.length; i++) {
            sum += d2[i];
            if (d2[i] > d2[arg]) {
                arg = i;
            }
        }
        double[] gap = refineGap(area, new PointKdTree(px, py), eval.x[arg], eval.y[arg], eval.cellSize());
        return new NetworkMetrics(n, sum / d2.length, kv.mean(), kv.max(), gap[2], gap[0], gap[1], perZone);
    }

    /** Squared distance from each location to its nearest point, on all cores. */
    static double[] nearestSquaredDistances(double[] ex, double[] ey, double[] px, double[] py, Progress progress) {
        PointKdTree tree = new PointKdTree(px, py);
        int count = ex.length;
        double[] d2 = new double[count];
        int chunks = Parallel.chunks(count, 4096);
        Parallel.forEach(chunks, progress, c -> {
            PointKdTree.Search search = tree.search();
            for (int i = Parallel.start(c, chunks, count); i < Parallel.start(c + 1, chunks, count); i++) {
                search.nearest(ex[i], ey[i], 1, Double.POSITIVE_INFINITY, -1);
                d2[i] = search.distance2(0);
            }
        });
        return d2;
    }

    /**
     * Hill-climbs from a grid cell to the admissible location farthest from every point nearby: steps of half a
     * cell in eight directions, halved when none improves, to a hundredth of a cell. Returns {x, y, distance}.
     */
    static double[] refineGap(StudyArea area, PointKdTree tree, double x, double y, double cellSize) {
        PointKdTree.Search search = tree.search();
        search.nearest(x, y, 1, Double.POSITIVE_INFINITY, -1);
        double best = search.distance2(0);
        double step = cellSize / 2;
        while (step > cellSize / 100) {
            boolean moved = false;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    if (dx == 0 && dy == 0) {
                        continue;
                    }
                    double nx = x + dx * step;
                    double ny = y + dy * step;
                    if (!area.isAdmissible(nx, ny)) {
                        continue;
                    }
                    search.nearest(nx, ny, 1, Double.POSITIVE_INFINITY, -1);
                    double d = search.distance2(0);
                    if (d > best) {
                        best = d;
                        x = nx;
                        y = ny;
                        moved = true;
                    }
                }
            }
            if (!moved) {
                step /= 2;
            }
        }
        return new double[]{x, y, Math.sqrt(best)};
    }
}
