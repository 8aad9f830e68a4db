package org.ecomonitor.analysis.trend;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Spearman's rank correlation test with R's large-sample p: rho is the correlation of the mid-ranks,
 * S = (n³ − n)(1 − rho)/6, r = 1 − S/den with den = n(n² − 1)/6, and p from Student's t with n − 2 degrees of
 * freedom on r/√((1 − r²)/(n − 2)), two-sided. As R's
 * {@code cor.test(method = "spearman", exact = FALSE, continuity = c)}: with continuity R adds 1 to den
 * (Kendall et al. 1939, p. 260), which is what {@code continuity = true} does here. R's default, and the one
 * its golden values use, is without. O(n log n).
 */
public final class SpearmanTest {

    private SpearmanTest() {
    }

    /** The test without continuity correction (R's default). NaN pairs are dropped. */
    public static SpearmanResult test(double[] x, double[] y) {
        return test(x, y, false);
    }

    public static SpearmanResult test(double[] x, double[] y, boolean continuity) {
        TrendInput in = TrendInput.of(x, y);
        int n = in.n();
        if (n < 2) {
            return new SpearmanResult(n, Double.NaN, Double.NaN, Double.NaN);
        }
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        double[] rx = ranking.rank(in.t());
        double[] ry = ranking.rank(in.y());
        double rho = constant(rx) || constant(ry) ? Double.NaN : new PearsonsCorrelation().correlation(rx, ry);
        double dn = n;
        double s = (dn * dn * dn - dn) * (1 - rho) / 6;
        if (Double.isNaN(rho) || n < 3) {
            return new SpearmanResult(n, rho, s, Double.NaN);
        }
        boolean lowerTail = !(s > (dn * dn * dn - dn) / 6);
        double den = dn * (dn * dn - 1) / 6;
        if (continuity) {
            den += 1;
        }
        double r = 1 - s / den;
        double stat = r / Math.sqrt((1 - r * r) / (n - 2));
        TDistribution t = new TDistribution(null, n - 2);
        double p = lowerTail ? upperTail(t, stat) : t.cumulativeProbability(stat);
        return new SpearmanResult(n, rho, s, Math.min(1, 2 * p));
    }

    private static double upperTail(TDistribution t, double x) {
        return x > 0 ? t.cumulativeProbability(-x) : 1 - t.cumulativeProbability(x);
    }

    private static boolean constant(double[] a) {
        for (double v : a) {
            if (v != a[0]) {
                return false;
            }
        }
        return true;
    }
}
