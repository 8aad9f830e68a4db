package org.ecomonitor.analysis.forecast;

/**
 * Errors of forecasts against what was then observed.
 *
 * @param n        number of compared values
 * @param mae      mean absolute error
 * @param rmse     root mean squared error
 * @param mape     mean absolute percentage error in percent, over the values that are not 0 (NaN when all are)
 * @param mapeN    number of values in the MAPE
 */
public record ForecastAccuracy(int n, double mae, double rmse, double mape, int mapeN) {

    /** The accuracy of forecasts f against observations o (pairs with a NaN are skipped). */
    public static ForecastAccuracy of(double[] observed, double[] forecast) {
        double abs = 0;
        double sq = 0;
        double pct = 0;
        int n = 0;
        int np = 0;
        for (int i = 0; i < observed.length; i++) {
            double o = observed[i];
            double f = forecast[i];
            if (Double.isNaN(o) || Double.isNaN(f)) {
                continue;
            }
            double e = o - f;
            abs += Math.abs(e);
            sq += e * e;
            n++;
            if (o != 0) {
                pct += Math.abs(e / o);
                np++;
            }
        }
        return new ForecastAccuracy(n, n == 0 ? Double.NaN : abs / n, n == 0 ? Double.NaN : Math.sqrt(sq / n),
                np == 0 ? Double.NaN : 100 * pct / np, np);
    }
}
