package org.ecomonitor.analysis.trend;

/**
 * The seasonal Kendall slope estimator (Hirsch, Slack and Smith 1982): the median of the pairwise slopes formed
 * only within each season, with the interval of Gilbert (1987, §17.3.2) from the summed seasonal Var(S).
 * Same selection machinery, and complexity, as {@link SenSlope}.
 */
public final class SeasonalSenSlope {

    private SeasonalSenSlope() {
    }

    /** NaN pairs are dropped; slopes are per unit of {@code time}. */
    public static SenSlopeResult estimate(double[] time, double[] values, int[] season, double confidence) {
        int m = 0;
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(time[i]) && !Double.isNaN(values[i])) {
                m++;
            }
        }
        double[] t = new double[m];
        double[] y = new double[m];
        int[] g = new int[m];
        int k = 0;
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(time[i]) && !Double.isNaN(values[i])) {
                t[k] = time[i];
                y[k] = values[i];
                g[k++] = season[i];
            }
        }
        double var = SeasonalKendallTest.varianceS(t, y, g);
        return SenSlope.estimate(t, y, g, var, confidence);
    }
}
