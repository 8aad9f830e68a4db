package org.ecomonitor.analysis.forecast;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.util.Arrays;

/**
 * How well Holt-Winters would have forecast a series: refit on each origin's past, forecast the next
 * {@code horizon} values, compare (MAE, RMSE, MAPE). A hold-out test is one origin; a rolling-origin test moves
 * the origin by {@code step} to the end. O(origins × fit).
 */
public final class Backtest {

    private Backtest() {
    }

    /** Fit on all but the last {@code horizon} values and forecast them. */
    public static ForecastAccuracy holdout(double[] series, int period, int horizon) {
        return rolling(series, period, horizon, series.length - horizon, horizon, Progress.NONE);
    }

    /**
     * Origins at firstOrigin, firstOrigin + step, ... while a full horizon follows; all forecasts pooled.
     *
     * @param firstOrigin number of values the first fit sees (at least 2·period + 1)
     */
    public static ForecastAccuracy rolling(double[] series, int period, int horizon, int firstOrigin, int step,
                                           Progress progress) {
        if (horizon < 1 || step < 1) {
            throw new IllegalArgumentException("horizon and step must be at least 1");
        }
        if (firstOrigin + horizon > series.length) {
            throw new UserException("forecast.error.backtestTooShort", series.length, firstOrigin, horizon);
        }
        int origins = (series.length - horizon - firstOrigin) / step + 1;
        double[] observed = new double[origins * horizon];
        double[] forecast = new double[origins * horizon];
        progress.start("backtest", origins);
        int k = 0;
        for (int o = 0; o < origins; o++) {
            progress.checkCancelled();
            int origin = firstOrigin + o * step;
            HoltWintersModel m = HoltWinters.fit(Arrays.copyOf(series, origin), period);
            for (int h = 1; h <= horizon; h++) {
                observed[k] = series[origin + h - 1];
                forecast[k++] = m.mean(h);
            }
            progress.update(o + 1);
        }
        return ForecastAccuracy.of(observed, forecast);
    }
}
