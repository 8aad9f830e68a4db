package org.ecomonitor.analysis.aggregate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Monthly, seasonal and annual means of valid daily values (GB 3095-2012: a month needs 27 daily values, 25
 * in February; a year 324; a season, by our rule, the sum of its months' minima). Missing days are never
 * filled or averaged; a period failing its rule is NaN with its reason. Every period from the first to the last
 * day given appears. O(n).
 */
public final class CalendarMean {

    private CalendarMean() {
    }

    public static List<AggregateValue> monthly(List<AggregateValue> daily, ValidityRules rules) {
        return periods(daily, d -> d.withDayOfMonth(1), d -> d.plusMonths(1),
                start -> rules.minDays(YearMonth.from(start).getMonth()));
    }

    public static List<AggregateValue> annual(List<AggregateValue> daily, ValidityRules rules) {
        return periods(daily, d -> d.withDayOfYear(1), d -> d.plusYears(1), start -> rules.minDaysPerYear());
    }

    /** Seasons start on March, June, September and December 1st; winter runs into the next year. */
    public static List<AggregateValue> seasonal(List<AggregateValue> daily, ValidityRules rules) {
        return periods(daily, CalendarMean::seasonStart, d -> d.plusMonths(3),
                start -> rules.minDays(Season.of(start.getMonth())));
    }

    static LocalDate seasonStart(LocalDate d) {
        int m = d.getMonthValue();
        int first = m == 12 ? 12 : m < 3 ? 12 : m - (m % 3);
        int year = m < 3 ? d.getYear() - 1 : d.getYear();
        return LocalDate.of(year, first, 1);
    }

    private static List<AggregateValue> periods(List<AggregateValue> daily, Function<LocalDate, LocalDate> startOf,
                                                Function<LocalDate, LocalDate> next,
                                                Function<LocalDate, Integer> required) {
        List<AggregateValue> out = new ArrayList<>();
        if (daily.isEmpty()) {
            return out;
        }
        List<AggregateValue> days = new ArrayList<>(daily);
        days.sort((a, b) -> a.start().compareTo(b.start()));
        LocalDate last = days.get(days.size() - 1).start().toLocalDate();
        int i = 0;
        for (LocalDate p = startOf.apply(days.get(0).start().toLocalDate()); !p.isAfter(last); p = next.apply(p)) {
            LocalDateTime end = next.apply(p).atStartOfDay();
            double[] values = new double[days.size()];
            int count = 0;
            while (i < days.size() && days.get(i).start().isBefore(end)) {
                AggregateValue d = days.get(i++);
                if (d.isValid()) {
                    values[count++] = d.value();
                }
            }
            int need = required.apply(p);
            double mean = count >= need ? AccurateMean.of(values, 0, count) : Double.NaN;
            out.add(AggregateValue.of(p.atStartOfDay(), end, mean, count, need));
        }
        return out;
    }
}
