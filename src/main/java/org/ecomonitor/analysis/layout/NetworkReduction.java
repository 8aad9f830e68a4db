package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.CrossValidationResult;
import org.ecomonitor.analysis.interpolation.Neighbourhood;
import org.ecomonitor.analysis.interpolation.OrdinaryKriging;
import org.ecomonitor.analysis.interpolation.Sample;
import org.ecomonitor.analysis.interpolation.SampleSet;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which existing points are redundant: ranks the points of a network by how much giving each up would raise the
 * mean ordinary-kriging variance over the area (or by their leave-one-out cross-validation error, when values
 * are known: a point the others predict well adds little).
 * <p>
 * With Q the inverse of the augmented kriging matrix of all points and {@code k_s} the covariances of cell s
 * (with a trailing 1), leaving out point q raises the variance at s by {@code (Q k_s)_q^2 / Q_qq}; summed over the
 * cells that is {@code (Q M Q)_qq / Q_qq} with {@code M = sum_s k_s k_s'}. M is accumulated once (O(N n^2 / 2)
 * on all cores), after which every point's increase costs O(n^2) and a removal O(n^2) (Q is down-dated). The
 * proposed removals are chosen one after another (backward elimination: the least useful point of what
 * remains), so two neighbours that back each other up are not both given up. A point at the same location as
 * an earlier one is redundant outright (increase 0).
 */
public final class NetworkReduction {

    /** Method code in plans and exports. */
    public static final String METHOD = "network-reduction";

    /** How points are ranked. */
    public enum Criterion {
        /** Rise of the mean kriging variance when the point is left out. */
        KRIGING_VARIANCE,
        /** Absolute leave-one-out cross-validation error (needs the points' values). */
        CROSS_VALIDATION
    }

    /**
     * @param model           the variogram
     * @param criterion       how to rank
     * @param remove          how many points to propose for removal (0: only rank)
     * @param evaluationCells cells of the evaluation grid
     */
    public record Options(VariogramModel model, Criterion criterion, int remove, int evaluationCells) {
        public Options {
            if (model == null) {
                throw new UserException("layout.variogramMissing");
            }
            if (remove < 0) {
                throw new UserException("layout.pointCountInvalid", remove);
            }
            if (evaluationCells < 1) {
                throw new UserException("layout.cellCountInvalid", evaluationCells);
            }
            criterion = criterion == null ? Criterion.KRIGING_VARIANCE : criterion;
        }

        public static Options of(VariogramModel model) {
            return new Options(model, Criterion.KRIGING_VARIANCE, 0, 50_000);
        }

        public Options withRemove(int r) {
            return new Options(model, criterion, r, evaluationCells);
        }

        public Options withCriterion(Criterion c) {
            return new Options(model, c, remove, evaluationCells);
        }

        public Options withEvaluationCells(int c) {
            return new Options(model, criterion, remove, c);
        }
    }

    /**
     * One point's place in the ranking.
     *
     * @param site             the point
     * @param varianceIncrease rise of the mean kriging variance when only this point is left out
     * @param cvError          its leave-one-out error (observed - predicted), NaN without values
     * @param rank             1 for the most redundant point
     * @param removalOrder     1.. for the points proposed for removal, in the order they were chosen; 0 otherwise
     */
    public record Entry(Site site, double varianceIncrease, double cvError, int rank, int removalOrder) {
    }

    private NetworkReduction() {
    }

    /** The points, most redundant first. */
    public static List<Entry> rank(StudyArea area, List<Site> points, Options options, Progress progress) {
        return rank(area.discretiseTo(options.evaluationCells()), points, options, progress);
    }

    static List<Entry> rank(Discretisation eval, List<Site> points, Options options, Progress progress) {
        int total = points.size();
        if (total < OrdinaryKriging.MIN_POINTS + 1) {
            throw new UserException("layout.tooFewPointsToReduce", total, OrdinaryKriging.MIN_POINTS + 1);
        }
        if (options.remove() > total - OrdinaryKriging.MIN_POINTS) {
            throw new UserException("layout.removeTooMany", options.remove(), total, OrdinaryKriging.MIN_POINTS);
        }
        double[] px = points.stream().mapToDouble(Site::x).toArray();
        double[] py = points.stream().mapToDouble(Site::y).toArray();
        int[] keep = KrigingVariance.distinct(px, py, NetworkEvaluation.SAME_LOCATION);
        boolean[] isKept = new boolean[total];
        for (int i : keep) {
            isKept[i] = true;
        }
        double[] kx = KrigingVarianceDesign.pick(px, keep);
        double[] ky = KrigingVarianceDesign.pick(py, keep);
        VariogramModel model = options.model();
        KrigingVariance field = new KrigingVariance(kx, ky, model);
        int n = keep.length;
        int m = n + 1;
        double[] q = field.inverseAugmented();
        progress.start("network reduction", eval.size());
        double[] mm = gram(eval, kx, ky, model, progress);

        double[] single = increases(q, mm, m, n, eval.size());
        double[] increase = new double[total];
        for (int i = 0; i < n; i++) {
            increase[keep[i]] = single[i];
        }
        // backward elimination of the proposed removals (duplicates go first, at no cost)
        int[] order = new int[total];
        int removed = 0;
        for (int i = 0; i < total && removed < options.remove(); i++) {
            if (!isKept[i]) {
                order[i] = ++removed;
            }
        }
        int[] alive = new int[n];
        for (int i = 0; i < n; i++) {
            alive[i] = i;
        }
        int size = n;
        double[] qq = q;
        double[] mq = mm;
        while (removed < options.remove()) {
            progress.checkCancelled();
            int ms = size + 1;
            double[] inc = increases(qq, mq, ms, size, eval.size());
            int worst = 0;
            for (int i = 1; i < size; i++) {
                if (inc[i] < inc[worst]) {
                    worst = i;
                }
            }
            order[keep[alive[worst]]] = ++removed;
            qq = downdate(qq, ms, worst);
            mq = without(mq, ms, worst);
            int[] next = new int[size - 1];
            for (int i = 0, o = 0; i < size; i++) {
                if (i != worst) {
                    next[o++] = alive[i];
                }
            }
            alive = next;
            size--;
        }

        double[] cv = new double[total];
        Arrays.fill(cv, Double.NaN);
        boolean haveValues = points.stream().allMatch(s -> Double.isFinite(s.value()));
        if (options.criterion() == Criterion.CROSS_VALIDATION && !haveValues) {
            throw new UserException("layout.cvNeedsValues");
        }
        if (haveValues) {
            List<Sample> samples = new ArrayList<>();
            for (Site s : points) {
                samples.add(new Sample(s.id(), s.x(), s.y(), s.value()));
            }
            SampleSet set = SampleSet.of(samples);
            CrossValidationResult r = new OrdinaryKriging(set, model, Neighbourhood.global()).crossValidate(progress);
            Map<String, Double> byId = new HashMap<>();
            for (int i = 0; i < set.size(); i++) {
                byId.put(set.id(i), r.residual(i));
            }
            for (int i = 0; i < total; i++) {
                cv[i] = byId.getOrDefault(points.get(i).id(), Double.NaN);
            }
        }
        Integer[] idx = new Integer[total];
        for (int i = 0; i < total; i++) {
            idx[i] = i;
        }
        Comparator<Integer> byRemoval = Comparator.comparingInt(i -> order[i] == 0 ? Integer.MAX_VALUE : order[i]);
        Comparator<Integer> rest = options.criterion() == Criterion.CROSS_VALIDATION
                ? Comparator.comparingDouble(i -> Double.isNaN(cv[i]) ? Double.POSITIVE_INFINITY : Math.abs(cv[i]))
                : Comparator.comparingDouble(i -> isKept[i] ? increase[i] : -1);
        if (options.criterion() == Criterion.CROSS_VALIDATION) {
            // the proposal follows the cross-validation ranking itself
            Integer[] byCv = idx.clone();
            Arrays.sort(byCv, rest.thenComparingInt(i -> i));
            Arrays.fill(order, 0);
            for (int r = 0; r < options.remove(); r++) {
                order[byCv[r]] = r + 1;
            }
        }
        Arrays.sort(idx, byRemoval.thenComparing(rest).thenComparingInt(i -> i));
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < total; r++) {
            int i = idx[r];
            entries.add(new Entry(points.get(i), isKept[i] ? increase[i] : 0, cv[i], r + 1, order[i]));
        }
        return entries;
    }

    /** {@code (Q M Q)_ii / (Q_ii N)} for the first n indices. */
    private static double[] increases(double[] q, double[] mm, int ms, int n, int cells) {
        double[] qm = new double[ms * ms];
        for (int i = 0; i < ms; i++) {
            for (int k = 0; k < ms; k++) {
                double qik = q[i * ms + k];
                if (qik == 0) {
                    continue;
                }
                int ko = k * ms;
                int io = i * ms;
                for (int j = 0; j < ms; j++) {
                    qm[io + j] += qik * mm[ko + j];
                }
            }
        }
        double[] inc = new double[n];
        for (int i = 0; i < n; i++) {
            double acc = 0;
            int io = i * ms;
            for (int j = 0; j < ms; j++) {
                acc += qm[io + j] * q[j * ms + i];
            }
            inc[i] = acc / q[io + i] / cells;
        }
        return inc;
    }

    /** {@code M = sum_s k_s k_s'} over the cells, k_s = (C(s, x_1..x_n), 1); fixed chunks summed in order. */
    private static double[] gram(Discretisation eval, double[] px, double[] py, VariogramModel model,
                                 Progress progress) {
        int n = px.length;
        int m = n + 1;
        int count = eval.size();
        int chunks = Parallel.chunks(count, 2048);
        double[][] partial = new double[chunks][];
        Parallel.forEach(chunks, progress, c -> {
            double[] acc = new double[m * m];
            double[] k = new double[m];
            for (int s = Parallel.start(c, chunks, count); s < Parallel.start(c + 1, chunks, count); s++) {
                for (int i = 0; i < n; i++) {
                    k[i] = model.covariance(Distances.length(px[i] - eval.x[s], py[i] - eval.y[s]));
                }
                k[n] = 1;
                for (int i = 0; i < m; i++) {
                    double ki = k[i];
                    if (ki == 0) {
                        continue;
                    }
                    int io = i * m;
                    for (int j = 0; j <= i; j++) {
                        acc[io + j] += ki * k[j];
                    }
                }
            }
            partial[c] = acc;
        });
        double[] mm = new double[m * m];
        for (double[] p : partial) {
            for (int i = 0; i < mm.length; i++) {
                mm[i] += p[i];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                mm[j * m + i] = mm[i * m + j];
            }
        }
        return mm;
    }

    /** The inverse without row and column r: {@code Q_-r = Q_rr' - Q_.r Q_r. / Q_rr}. */
    private static double[] downdate(double[] q, int ms, int r) {
        int k = ms - 1;
        double[] out = new double[k * k];
        double qrr = q[r * ms + r];
        for (int i = 0, oi = 0; i < ms; i++) {
            if (i == r) {
                continue;
            }
            double f = q[i * ms + r] / qrr;
            for (int j = 0, oj = 0; j < ms; j++) {
                if (j == r) {
                    continue;
                }
                out[oi * k + oj] = q[i * ms + j] - f * q[r * ms + j];
                oj++;
            }
            oi++;
        }
        return out;
    }

    /** The matrix without row and column r. */
    private static double[] without(double[] a, int ms, int r) {
        int k = ms - 1;
        double[] out = new double[k * k];
        for (int i = 0, oi = 0; i < ms; i++) {
            if (i == r) {
                continue;
            }
            for (int j = 0, oj = 0; j < ms; j++) {
                if (j != r) {
                    out[oi * k + oj++] = a[i * ms + j];
                }
            }
            oi++;
        }
        return out;
    }

    /** The ranking as a plan: the proposed removals have status REMOVE; before = all points, after = the rest. */
    public static LayoutPlan plan(StudyArea area, List<Site> points, Options options, Progress progress) {
        Discretisation eval = area.discretiseTo(options.evaluationCells());
        List<Entry> ranking = rank(eval, points, options, progress);
        Map<Site, Entry> bySite = new java.util.IdentityHashMap<>();
        for (Entry e : ranking) {
            bySite.put(e.site(), e);
        }
        List<PlanAssembler.Entry> entries = new ArrayList<>();
        for (Site s : points) {
            Entry e = bySite.get(s);
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("rank", (long) e.rank());
            attrs.put("kv_increase", e.varianceIncrease());
            attrs.put("cv_error", Double.isNaN(e.cvError()) ? null : e.cvError());
            attrs.put("removal_order", e.removalOrder() == 0 ? null : (long) e.removalOrder());
            entries.add(new PlanAssembler.Entry(s, e.removalOrder() > 0 ? PointStatus.REMOVE : PointStatus.EXISTING,
                    null, attrs));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("variogram", options.model().toString());
        params.put("criterion", options.criterion().name().toLowerCase(java.util.Locale.ROOT));
        params.put("points", points.size());
        params.put("proposed_removals", options.remove());
        params.put("evaluation_cells", eval.size());
        return PlanAssembler.assemble(METHOD, params, area, entries, options.model(), eval, List.of(), List.of(),
                progress);
    }
}
