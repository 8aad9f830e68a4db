package org.ecomonitor.io.evaluation;

import org.ecomonitor.analysis.aggregate.AggregateValue;
import org.ecomonitor.analysis.aggregate.AggregationOptions;
import org.ecomonitor.analysis.aggregate.CalendarMean;
import org.ecomonitor.analysis.aggregate.DailyMean;
import org.ecomonitor.analysis.forecast.Backtest;
import org.ecomonitor.analysis.forecast.ForecastAccuracy;
import org.ecomonitor.analysis.forecast.HoltWinters;
import org.ecomonitor.analysis.forecast.HoltWintersModel;
import org.ecomonitor.analysis.trend.TrendSummary;
import org.ecomonitor.analysis.trend.TrendVerdict;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Reading;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.ProjectStore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trend of one station's parameter over a period, as the CLI {@code trend} command and the trend window
 * report it: the series aggregated (GB 3095-2012 validity rules; flagged data excluded unless asked), then
 * Mann-Kendall (or seasonal Kendall), Sen's slope with its 95 % interval, Spearman and least squares, and the
 * verdict sentence. Slopes are per year.
 *
 * @param station     station code
 * @param parameter   parameter code
 * @param unit        the parameter's unit
 * @param aggregation how the values were formed
 * @param times       the aggregated values' times (local start of the period)
 * @param values      the aggregated values (NaN where an aggregate failed its validity rule)
 * @param summary     the statistics
 */
public record TrendReport(String station, String parameter, String unit, Aggregation aggregation,
                          List<LocalDateTime> times, double[] values, TrendSummary summary) {

    /** How readings become the values tested. */
    public enum Aggregation { AUTO, NONE, DAILY, MONTHLY, ANNUAL }

    /** Significance level of verdicts. */
    public static final double ALPHA = 0.05;

    public TrendVerdict verdict() {
        return summary.verdict(unit, ALPHA);
    }

    public static TrendReport of(ProjectStore store, String stationCode, String parameterCode, Aggregation aggregation,
                                 Period period, boolean includeFlagged, boolean seasonal) {
        Station s = store.stations().find(stationCode)
                .orElseThrow(() -> new UserException("trend.station_unknown", stationCode));
        Parameter p = store.parameters().get(parameterCode)
                .or(() -> store.parameters().resolve(parameterCode, s.kind()))
                .orElseThrow(() -> new UserException("trend.parameter_unknown", parameterCode));
        List<Reading> readings = StationReadings.of(store, s, p.code(), period);
        AggregationOptions options = AggregationOptions.of(s.zone());
        if (includeFlagged) {
            options = options.includingFlagged();
        }
        if (!includeFlagged) {
            readings = readings.stream().filter(r -> r.flag().isValid()).toList();
        }
        if (readings.size() < TrendVerdict.MIN_VALUES) {
            throw new UserException("trend.too_few", stationCode, p.code(), readings.size());
        }
        Aggregation a = aggregation == Aggregation.AUTO ? (isSubDaily(readings) ? Aggregation.MONTHLY : Aggregation.NONE)
                : aggregation;
        ZoneId zone = s.zone();
        return switch (a) {
            case NONE -> {
                double[] t = new double[readings.size()];
                double[] v = new double[readings.size()];
                List<LocalDateTime> times = new ArrayList<>();
                for (int i = 0; i < t.length; i++) {
                    Reading r = readings.get(i);
                    t[i] = decimalYear(r.instant());
                    v[i] = r.value();
                    times.add(LocalDateTime.ofInstant(Instant.ofEpochMilli(r.instant()), zone));
                }
                yield new TrendReport(s.code(), p.code(), p.unit(), a, times, v, TrendSummary.of(t, v, 1));
            }
            case DAILY -> {
                List<AggregateValue> daily = DailyMean.of(readings, options);
                double[] t = new double[daily.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = daily.get(i).start().toLocalDate().toEpochDay();
                }
                yield report(s, p, a, daily, TrendSummary.of(t, values(daily), 365.25));
            }
            case MONTHLY -> {
                List<AggregateValue> monthly = CalendarMean.monthly(DailyMean.of(readings, options), options.rules());
                TrendSummary summary = seasonal && monthly.size() >= 24
                        ? TrendSummary.monthlySeasonal(values(monthly), monthly.get(0).start().getMonthValue())
                        : TrendSummary.ofMonthly(monthly);
                yield report(s, p, a, monthly, summary);
            }
            case ANNUAL -> {
                List<AggregateValue> annual = CalendarMean.annual(DailyMean.of(readings, options), options.rules());
                yield report(s, p, a, annual, TrendSummary.ofAnnual(annual));
            }
            case AUTO -> throw new IllegalStateException();
        };
    }

    private static TrendReport report(Station s, Parameter p, Aggregation a, List<AggregateValue> agg, TrendSummary summary) {
        return new TrendReport(s.code(), p.code(), p.unit(), a, agg.stream().map(AggregateValue::start).toList(),
                values(agg), summary);
    }

    private static double[] values(List<AggregateValue> agg) {
        return agg.stream().mapToDouble(AggregateValue::value).toArray();
    }

    /** True when readings come more often than once a day (hourly data): those are aggregated. */
    private static boolean isSubDaily(List<Reading> readings) {
        long[] gaps = new long[readings.size() - 1];
        for (int i = 1; i < readings.size(); i++) {
            gaps[i - 1] = readings.get(i).instant() - readings.get(i - 1).instant();
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2] < 20 * 3_600_000L;
    }

    /** The time as a decimal year (2024.5 is about the middle of 2024): the time axis of unaggregated trends. */
    static double decimalYear(long instant) {
        return 1970 + instant / (365.2425 * 86_400_000.0);
    }

    /**
     * The early warning: a Holt-Winters forecast of the next {@code horizon} periods (seasonal with 12 months for
     * monthly values, 7 days for daily values), 95 % prediction intervals, the probability of each period's value
     * exceeding {@code limit} (NaN: none), and how well the same method forecast the last {@code horizon} known
     * periods (a hold-out backtest, NaN when the series is too short for one).
     */
    public Outlook outlook(int horizon, double limit) {
        int period = switch (aggregation) {
            case DAILY -> 7;
            case MONTHLY, NONE -> 12;
            default -> throw new UserException("trend.forecast_needs_season", aggregation.name().toLowerCase(java.util.Locale.ROOT));
        };
        if (values.length < 2 * period + 1) {
            throw new UserException("trend.forecast_too_short", values.length, 2 * period + 1);
        }
        double[] series = fillStart(values, 2 * period);
        HoltWintersModel model = HoltWinters.fit(series, period);
        List<HoltWintersModel.Forecast> forecasts = model.forecast(horizon, 0.95);
        double[] p = Double.isNaN(limit) ? new double[horizon] : model.exceedanceProbabilities(horizon, limit);
        if (Double.isNaN(limit)) {
            Arrays.fill(p, Double.NaN);
        }
        List<LocalDateTime> next = new ArrayList<>();
        LocalDateTime last = times.get(times.size() - 1);
        for (int h = 1; h <= horizon; h++) {
            next.add(switch (aggregation) {
                case DAILY -> last.plusDays(h);
                default -> last.plusMonths(h);
            });
        }
        ForecastAccuracy backtest = values.length >= 2 * period + 1 + horizon
                ? Backtest.holdout(series, period, horizon) : new ForecastAccuracy(0, Double.NaN, Double.NaN, Double.NaN, 0);
        return new Outlook(next, forecasts, p, limit, backtest);
    }

    /**
     * Holt-Winters starts from its first two seasons, which must be complete: a missing value there (a month that
     * failed its validity rule) is interpolated linearly between its neighbours for the model only. Later gaps
     * the model bridges with its own forecasts.
     */
    static double[] fillStart(double[] v, int count) {
        double[] out = v.clone();
        int n = Math.min(count, out.length);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(out[i])) {
                continue;
            }
            int before = i - 1;
            int after = i + 1;
            while (after < out.length && Double.isNaN(out[after])) {
                after++;
            }
            if (before < 0 && after < out.length) {
                out[i] = out[after];
            } else if (before >= 0 && after >= out.length) {
                out[i] = out[before];
            } else if (before >= 0) {
                out[i] = out[before] + (out[after] - out[before]) * (i - before) / (double) (after - before);
            }
        }
        return out;
    }

    /** A forecast with its exceedance probabilities and backtest error. */
    public record Outlook(List<LocalDateTime> periods, List<HoltWintersModel.Forecast> forecasts,
                          double[] exceedanceProbability, double limit, ForecastAccuracy backtest) {
    }

    /** Number of values that entered the test. */
    public int n() {
        return summary.mannKendall().n();
    }
}
