package org.ecomonitor.gui.trend;

import org.ecomonitor.analysis.aggregate.AggregateValue;
import org.ecomonitor.analysis.aggregate.AggregationOptions;
import org.ecomonitor.analysis.aggregate.CalendarMean;
import org.ecomonitor.analysis.aggregate.DailyMean;
import org.ecomonitor.analysis.aggregate.OzoneEightHour;
import org.ecomonitor.gui.charts.ChartSeries;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Reading;
import org.ecomonitor.model.ReadingSeries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a station's readings of one parameter into the values a chart shows at a {@link TrendStep}.
 * <ul>
 * <li>Hourly (automatic) data follow GB 3095-2012: daily means need 20 hourly values (ozone: the daily maximum
 * 8-hour mean, HJ 663), months 27 days (February 25), years 324; a period failing its rule is missing with its
 * reason and never averaged ({@link DailyMean}, {@link OzoneEightHour}, {@link CalendarMean}).</li>
 * <li>Sampled data (water sections, a sample every few days or weeks) have no such rule: a period's value is the
 * mean of its samples, missing when it has none.</li>
 * <li>Readings flagged other than N are left out unless {@code includeFlagged}; they are always listed apart so
 * the chart can show them distinctly.</li>
 * </ul>
 * Times are epoch ms of the start of each period on the station's clock.
 */
public final class SeriesAggregation {

    /**
     * The values at a step.
     *
     * @param times    epoch ms
     * @param values   NaN where missing
     * @param periods  the aggregates behind the values (null for readings as measured)
     * @param flagged  readings flagged other than N
     * @param daily    the daily values (for the calendar and the monthly box plot)
     * @param sampled  true when the readings are samples rather than an hourly series
     */
    public record Result(long[] times, double[] values, List<AggregateValue> periods, List<ChartSeries.FlaggedPoint> flagged,
                         List<AggregateValue> daily, boolean sampled) {
    }

    /** Readings farther apart than this (median) are samples, not an hourly series. */
    static final long SAMPLED_STEP = 20 * 3_600_000L;

    private SeriesAggregation() {
    }

    public static Result of(ReadingSeries raw, ZoneId zone, TrendStep step, boolean includeFlagged) {
        long[] t = raw.instants();
        double[] v = raw.values();
        Flag[] f = raw.flags();
        List<ChartSeries.FlaggedPoint> flagged = new ArrayList<>();
        List<Reading> readings = new ArrayList<>(t.length);
        for (int i = 0; i < t.length; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            readings.add(new Reading(raw.station(), raw.parameter(), t[i], v[i], f[i], null));
            if (!f[i].isValid()) {
                flagged.add(new ChartSeries.FlaggedPoint(t[i], v[i], f[i]));
            }
        }
        boolean sampled = isSampled(t);
        AggregationOptions options = AggregationOptions.of(zone);
        if (includeFlagged) {
            options = options.includingFlagged();
        }
        List<AggregateValue> daily = sampled ? sampledMeans(readings, options, zone, d -> d, d -> d.plusDays(1))
                : "a05024".equals(raw.parameter()) ? OzoneEightHour.dailyMaximum(readings, options) : DailyMean.of(readings, options);
        return switch (step) {
            case NATIVE -> asMeasured(raw, includeFlagged, flagged, daily, sampled);
            case HOURLY -> sampled ? asMeasured(raw, includeFlagged, flagged, daily, true)
                    : aggregated(hourly(readings, options, zone), zone, flagged, daily, false);
            case DAILY -> aggregated(daily, zone, List.of(), daily, sampled);
            case MONTHLY -> aggregated(sampled ? sampledMeans(readings, options, zone, d -> d.withDayOfMonth(1), d -> d.plusMonths(1))
                    : CalendarMean.monthly(daily, options.rules()), zone, List.of(), daily, sampled);
            case SEASONAL -> aggregated(sampled ? sampledMeans(readings, options, zone, SeriesAggregation::seasonStart, d -> d.plusMonths(3))
                    : CalendarMean.seasonal(daily, options.rules()), zone, List.of(), daily, sampled);
            case ANNUAL -> aggregated(sampled ? sampledMeans(readings, options, zone, d -> d.withDayOfYear(1), d -> d.plusYears(1))
                    : CalendarMean.annual(daily, options.rules()), zone, List.of(), daily, sampled);
        };
    }

    /** True when the median spacing of the readings is a day or more (samples, not an hourly series). */
    static boolean isSampled(long[] t) {
        if (t.length < 3) {
            return true;
        }
        long[] gaps = new long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            gaps[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2] >= SAMPLED_STEP;
    }

    private static Result asMeasured(ReadingSeries raw, boolean includeFlagged, List<ChartSeries.FlaggedPoint> flagged,
                                     List<AggregateValue> daily, boolean sampled) {
        double[] v = raw.values().clone();
        if (!includeFlagged) {
            for (int i = 0; i < v.length; i++) {
                if (!raw.flags()[i].isValid()) {
                    v[i] = Double.NaN;
                }
            }
        }
        return new Result(raw.instants(), v, null, flagged, daily, sampled);
    }

    private static Result aggregated(List<AggregateValue> periods, ZoneId zone, List<ChartSeries.FlaggedPoint> flagged,
                                     List<AggregateValue> daily, boolean sampled) {
        long[] t = new long[periods.size()];
        double[] v = new double[periods.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = periods.get(i).start().atZone(zone).toInstant().toEpochMilli();
            v[i] = periods.get(i).value();
        }
        return new Result(t, v, periods, flagged, daily, sampled);
    }

    /** Hourly means of the accepted readings on the station's clock, every hour from the first to the last. */
    static List<AggregateValue> hourly(List<Reading> readings, AggregationOptions options, ZoneId zone) {
        TreeMap<LocalDateTime, double[]> sums = new TreeMap<>();
        for (Reading r : readings) {
            if (!options.accepts(r.flag())) {
                continue;
            }
            LocalDateTime h = LocalDateTime.ofInstant(Instant.ofEpochMilli(r.instant()), zone).truncatedTo(ChronoUnit.HOURS);
            double[] s = sums.computeIfAbsent(h, k -> new double[2]);
            s[0] += r.value();
            s[1]++;
        }
        List<AggregateValue> out = new ArrayList<>();
        if (sums.isEmpty()) {
            return out;
        }
        for (LocalDateTime h = sums.firstKey(); !h.isAfter(sums.lastKey()); h = h.plusHours(1)) {
            double[] s = sums.get(h);
            out.add(s == null ? AggregateValue.of(h, h.plusHours(1), Double.NaN, 0, 1)
                    : AggregateValue.of(h, h.plusHours(1), s[0] / s[1], (int) s[1], 1));
        }
        return out;
    }

    /** Means of samples per period (days, months, seasons, years), every period from the first to the last. */
    static List<AggregateValue> sampledMeans(List<Reading> readings, AggregationOptions options, ZoneId zone,
                                             Function<LocalDate, LocalDate> startOf, Function<LocalDate, LocalDate> next) {
        TreeMap<LocalDate, double[]> sums = new TreeMap<>();
        for (Reading r : readings) {
            if (!options.accepts(r.flag())) {
                continue;
            }
            LocalDate d = LocalDateTime.ofInstant(Instant.ofEpochMilli(r.instant()), zone).toLocalDate();
            double[] s = sums.computeIfAbsent(startOf.apply(d), k -> new double[2]);
            s[0] += r.value();
            s[1]++;
        }
        List<AggregateValue> out = new ArrayList<>();
        if (sums.isEmpty()) {
            return out;
        }
        for (LocalDate p = sums.firstKey(); !p.isAfter(sums.lastKey()); p = next.apply(p)) {
            double[] s = sums.get(p);
            LocalDateTime start = p.atStartOfDay();
            LocalDateTime end = next.apply(p).atStartOfDay();
            out.add(s == null ? AggregateValue.of(start, end, Double.NaN, 0, 1) : AggregateValue.of(start, end, s[0] / s[1], (int) s[1], 1));
        }
        return out;
    }

    /** Seasons start on March, June, September and December 1st; winter runs into the next year. */
    static LocalDate seasonStart(LocalDate d) {
        int m = d.getMonthValue();
        int first = m == 12 ? 12 : m < 3 ? 12 : m - (m % 3);
        int year = m < 3 ? d.getYear() - 1 : d.getYear();
        return LocalDate.of(year, first, 1);
    }
}
