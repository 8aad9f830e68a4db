package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast kriging variance against gstat's golden global kriging of meuse. */
class KrigingVarianceTest {

    @Test
    void equalsGstatGlobalKrigingVarianceOnMeuseGrid() {
        List<Site> pts = MeuseData.points();
        double[] px = pts.stream().mapToDouble(Site::x).toArray();
        double[] py = pts.stream().mapToDouble(Site::y).toArray();
        List<double[]> golden = MeuseData.columns("golden/meuse_logzinc_ok_global.csv", "x", "y", "var");
        KrigingVariance kv = new KrigingVariance(px, py, MeuseData.MODEL);
        double[] v = kv.variances(golden.get(0), golden.get(1), Progress.NONE);
        double maxRel = 0;
        for (int i = 0; i < v.length; i++) {
            maxRel = Math.max(maxRel, Math.abs(v[i] - golden.get(2)[i]) / golden.get(2)[i]);
            if (i % 97 == 0) {
                assertEquals(golden.get(2)[i], kv.variance(golden.get(0)[i], golden.get(1)[i]), 1e-9);
            }
        }
        assertTrue(maxRel < 1e-7, "largest relative difference " + maxRel);
    }

    @Test
    void extensionsEqualFactoringTheWholeDesign() {
        List<Site> pts = MeuseData.points();
        double[] px = pts.stream().mapToDouble(Site::x).toArray();
        double[] py = pts.stream().mapToDouble(Site::y).toArray();
        int n = 100;
        double[] bx = java.util.Arrays.copyOf(px, n);
        double[] by = java.util.Arrays.copyOf(py, n);
        double[] ax = java.util.Arrays.copyOfRange(px, n, px.length);
        double[] ay = java.util.Arrays.copyOfRange(py, n, py.length);
        List<double[]> grid = MeuseData.columns("meuse_grid.csv", "x", "y");
        KrigingVariance base = new KrigingVariance(bx, by, MeuseData.MODEL);
        double[][] per = {new double[grid.get(0).length], new double[grid.get(0).length]};
        KrigingVariance.Summary[] s = base.summarise(grid.get(0), grid.get(1), List.of(base.extend(ax, ay)), per,
                Progress.NONE);
        KrigingVariance whole = new KrigingVariance(px, py, MeuseData.MODEL);
        double[] direct = whole.variances(grid.get(0), grid.get(1), Progress.NONE);
        double mean = 0;
        for (int i = 0; i < direct.length; i++) {
            assertEquals(direct[i], per[1][i], 1e-10);
            mean += direct[i];
        }
        assertEquals(mean / direct.length, s[1].mean(), 1e-12);
        assertTrue(s[0].mean() > s[1].mean());
        // none base: an empty network extended by every point
        KrigingVariance empty = new KrigingVariance(new double[0], new double[0], MeuseData.MODEL);
        KrigingVariance.Summary[] e = empty.summarise(grid.get(0), grid.get(1), List.of(empty.extend(px, py)), null,
                Progress.NONE);
        assertTrue(Double.isNaN(e[0].mean()));
        assertEquals(mean / direct.length, e[1].mean(), 1e-10);
    }

    @Test
    void inverseAugmentedMatrixGivesTheSameVariance() {
        List<Site> pts = MeuseData.points().subList(0, 40);
        double[] px = pts.stream().mapToDouble(Site::x).toArray();
        double[] py = pts.stream().mapToDouble(Site::y).toArray();
        KrigingVariance kv = new KrigingVariance(px, py, MeuseData.MODEL);
        double[] q = kv.inverseAugmented();
        int m = px.length + 1;
        double sx = 179_500;
        double sy = 331_000;
        double[] k = new double[m];
        for (int i = 0; i < px.length; i++) {
            k[i] = MeuseData.MODEL.covariance(Math.hypot(px[i] - sx, py[i] - sy));
        }
        k[m - 1] = 1;
        double kqk = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                kqk += k[i] * q[i * m + j] * k[j];
            }
        }
        assertEquals(kv.variance(sx, sy), MeuseData.MODEL.sill() - kqk, 1e-10);
    }
}
