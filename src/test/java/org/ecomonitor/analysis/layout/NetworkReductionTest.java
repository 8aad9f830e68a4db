package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ranking the meuse points by the rise of the mean kriging variance without them. */
class NetworkReductionTest {

    @Test
    void increasesEqualRefittingWithoutThePointAndDuplicatesGoFirst() {
        StudyArea area = MeuseData.grid();
        List<Site> pts = new ArrayList<>(MeuseData.points());
        Site copy = pts.get(17);
        pts.add(new Site("copy of " + copy.id(), copy.x(), copy.y(), null, copy.value()));
        NetworkReduction.Options o = NetworkReduction.Options.of(MeuseData.MODEL).withRemove(5);
        List<NetworkReduction.Entry> ranking = NetworkReduction.rank(area, pts, o, Progress.NONE);
        assertEquals(pts.size(), ranking.size());
        assertEquals("copy of " + copy.id(), ranking.get(0).site().id());
        assertEquals(0, ranking.get(0).varianceIncrease());
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, ranking.get(i).removalOrder());
            assertEquals(i + 1, ranking.get(i).rank());
        }
        assertEquals(0, ranking.get(5).removalOrder());

        Discretisation cells = area.discretiseTo(50_000);
        List<Site> original = MeuseData.points();
        double full = mean(original, cells);
        for (int probe : new int[]{0, 40, 100}) {
            Site s = original.get(probe);
            List<Site> without = new ArrayList<>(original);
            without.remove(probe);
            double expected = mean(without, cells) - full;
            NetworkReduction.Entry e = ranking.stream().filter(r -> r.site().id().equals(s.id())).findFirst().orElseThrow();
            assertEquals(expected, e.varianceIncrease(), 1e-9 * full);
            assertTrue(Double.isFinite(e.cvError()), "values known: cross-validation error given");
        }

        LayoutPlan plan = NetworkReduction.plan(area, pts, o, Progress.NONE);
        assertEquals(5, plan.points().stream().filter(p -> p.status() == PointStatus.REMOVE).count());
        assertEquals(pts.size(), plan.before().points());
        assertEquals(pts.size() - 5, plan.after().points());
        double rise = plan.after().meanKrigingVariance() - plan.before().meanKrigingVariance();
        assertTrue(rise >= 0 && rise < 0.01 * plan.before().meanKrigingVariance(),
                "dropping the five most redundant points costs little: " + rise);

        List<NetworkReduction.Entry> byCv = NetworkReduction.rank(area, MeuseData.points(),
                o.withCriterion(NetworkReduction.Criterion.CROSS_VALIDATION), Progress.NONE);
        for (int i = 1; i < byCv.size(); i++) {
            assertTrue(Math.abs(byCv.get(i - 1).cvError()) <= Math.abs(byCv.get(i).cvError()));
        }
    }

    private static double mean(List<Site> sites, Discretisation cells) {
        KrigingVariance kv = new KrigingVariance(sites.stream().mapToDouble(Site::x).toArray(),
                sites.stream().mapToDouble(Site::y).toArray(), MeuseData.MODEL);
        return kv.summarise(cells.xs(), cells.ys(), List.of(), null, Progress.NONE)[0].mean();
    }
}
