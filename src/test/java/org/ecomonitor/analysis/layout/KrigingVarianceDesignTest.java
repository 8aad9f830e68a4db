package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Densifying meuse with the golden variogram. */
class KrigingVarianceDesignTest {

    @Test
    void twentyPointsBeatRandomAdditionsAndAnnealingNeverLoses() {
        StudyArea area = MeuseData.grid();
        List<Site> pts = MeuseData.points();
        double[] px = pts.stream().mapToDouble(Site::x).toArray();
        double[] py = pts.stream().mapToDouble(Site::y).toArray();
        KrigingVarianceDesign.Options o = KrigingVarianceDesign.Options.of(MeuseData.MODEL, 20).withSeed(11)
                .withSearch(5000, 3000);
        long t0 = System.nanoTime();
        KrigingVarianceDesign.Result r = KrigingVarianceDesign.design(area, px, py, o, Progress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(3103, r.evaluationCells());
        assertEquals(20, r.x().length);

        // 20 random 20-point additions on the grid's cells
        Discretisation cells = area.discretiseTo(50_000);
        KrigingVariance base = new KrigingVariance(px, py, MeuseData.MODEL);
        SplittableRandom random = new SplittableRandom(5);
        double[] means = new double[20];
        for (int t = 0; t < 20; t++) {
            double[] ax = new double[20];
            double[] ay = new double[20];
            SpacingIndex taken = new SpacingIndex(1);
            for (double[] xy : new double[][]{px, py}) {
                assertEquals(155, xy.length);
            }
            for (int i = 0; i < px.length; i++) {
                taken.add(px[i], py[i]);
            }
            for (int i = 0; i < 20; ) {
                int c = random.nextInt(cells.size());
                if (taken.isFree(cells.x(c), cells.y(c))) {
                    taken.add(cells.x(c), cells.y(c));
                    ax[i] = cells.x(c);
                    ay[i] = cells.y(c);
                    i++;
                }
            }
            means[t] = base.summarise(cells.xs(), cells.ys(), List.of(base.extend(ax, ay)), null,
                    Progress.NONE)[1].mean();
        }
        Arrays.sort(means);
        double median = (means[9] + means[10]) / 2;
        System.out.printf("meuse +20: before %.5f, greedy %.5f, annealed %.5f (kept %s, %d/%d accepted), "
                        + "random median %.5f, search greedy %.7f annealed %.7f, %.2f s%n",
                r.before().mean(), r.greedy().mean(), r.annealed().mean(), r.annealedKept(), r.accepted(),
                r.proposals(), median, r.greedySearch(), r.annealedSearch(), seconds);
        double designed = Math.min(r.greedy().mean(), r.annealed().mean());
        assertTrue(r.before().mean() - designed > r.before().mean() - median,
                "designed " + designed + " vs random median " + median);
        assertTrue(r.annealedSearch() <= r.greedySearch(), "annealing worse than greedy on the search grid");
        double kept = r.annealedKept() ? r.annealed().mean() : r.greedy().mean();
        assertTrue(kept <= r.greedy().mean(), "the kept design is never worse than greedy");
        for (int i = 0; i < 20; i++) {
            assertTrue(area.isAdmissible(r.x()[i], r.y()[i]));
        }
    }

    @Test
    void sameSeedSameDesignAndMaxCriterionLowersTheLargestVariance() {
        StudyArea area = MeuseData.grid();
        List<Site> pts = MeuseData.points();
        double[] px = pts.stream().mapToDouble(Site::x).toArray();
        double[] py = pts.stream().mapToDouble(Site::y).toArray();
        KrigingVarianceDesign.Options o = KrigingVarianceDesign.Options.of(MeuseData.MODEL, 6).withSeed(3)
                .withSearch(800, 800).withAnnealingIterations(150).withMinSpacing(100)
                .withCriterion(KrigingVarianceDesign.Criterion.MAX);
        KrigingVarianceDesign.Result a = KrigingVarianceDesign.design(area, px, py, o, Progress.NONE);
        KrigingVarianceDesign.Result b = KrigingVarianceDesign.design(area, px, py, o, Progress.NONE);
        assertArrayEquals(a.x(), b.x(), "same seed, same design");
        assertArrayEquals(a.y(), b.y());
        assertTrue(a.greedy().max() < a.before().max());
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < px.length; j++) {
                assertTrue(Math.hypot(a.x()[i] - px[j], a.y()[i] - py[j]) >= 100 - 1e-9);
            }
            for (int j = 0; j < i; j++) {
                assertTrue(Math.hypot(a.x()[i] - a.x()[j], a.y()[i] - a.y()[j]) >= 100 - 1e-9);
            }
        }
    }

    @Test
    void startsFromNothingWhenThereIsNoNetwork() {
        StudyArea square = StudyArea.of(4545, SpatialCoverageDesignTest.box(0, 0, 5000, 5000));
        var model = org.ecomonitor.analysis.interpolation.VariogramModel.of(0.1,
                org.ecomonitor.analysis.interpolation.VariogramShape.EXPONENTIAL, 1, 1500);
        LayoutPlan plan = KrigingVarianceDesign.plan(square, List.of(), KrigingVarianceDesign.Options.of(model, 9)
                .withEvaluationCells(2500).withSearch(900, 900).withAnnealingIterations(300), Progress.NONE);
        assertEquals(9, plan.added().size());
        assertTrue(Double.isNaN(plan.before().meanKrigingVariance()));
        assertTrue(plan.after().meanKrigingVariance() < model.sill());
        // nine points on a square spread out: none closer than half the grid spacing of a 3 x 3 layout
        List<PlannedPoint> pts = plan.added();
        for (int i = 0; i < pts.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertTrue(Math.hypot(pts.get(i).x() - pts.get(j).x(), pts.get(i).y() - pts.get(j).y()) > 800);
            }
        }
    }
}
