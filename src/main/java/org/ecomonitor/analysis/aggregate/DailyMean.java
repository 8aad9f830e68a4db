package org.ecomonitor.analysis.aggregate;

import org.ecomonitor.model.Reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 24-hour means of hourly readings per local day (GB 3095-2012: valid with at least 20 hourly values; the rule
 * applies to SO2, NO2, CO, PM10, PM2.5, NOx and is used for every hourly parameter). Every day from the first to
 * the last reading appears; a day failing the rule is NaN with its reason. O(n log n).
 */
public final class DailyMean {

    private DailyMean() {
    }

    /** Daily means of one station's parameter. */
    public static List<AggregateValue> of(List<Reading> hourly, AggregationOptions options) {
        HourlyValues h = HourlyValues.of(hourly, options);
        List<AggregateValue> out = new ArrayList<>();
        if (h.size() == 0) {
            return out;
        }
        int required = options.rules().minHoursPerDay();
        int i = 0;
        for (LocalDate day = h.localDate(0); !day.isAfter(h.localDate(h.size() - 1)); day = day.plusDays(1)) {
            long end = h.startOf(day.plusDays(1)).toInstant().toEpochMilli();
            int from = i;
            while (i < h.size() && h.hour[i] < end) {
                i++;
            }
            int count = i - from;
            double mean = count >= required ? AccurateMean.of(h.value, from, i) : Double.NaN;
            out.add(AggregateValue.of(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), mean, count, required));
        }
        return out;
    }
}
