package org.ecomonitor.analysis.aggregate;

import org.ecomonitor.model.Reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Ozone 8-hour moving means and their daily maximum (GB 3095-2012, HJ 663-2013). The 8-hour mean ending with
 * hour h averages the hourly values of hours h−7 … h and is valid with at least 6 of them. A day's maximum is
 * taken over the 17 windows that lie within the day (00:00–08:00 … 16:00–24:00, "8 时至 24 时") and is valid
 * with at least 14 valid windows, or, under {@link ValidityRules#ozoneValidAbove()}, when it exceeds that limit
 * anyway. O(n log n).
 */
public final class OzoneEightHour {

    private static final long HOUR = 3_600_000L;
    private static final int WINDOWS_PER_DAY = 17;

    private OzoneEightHour() {
    }

    /** The 8-hour mean of every hour from the first reading's hour + 7 to the last reading's hour. */
    public static List<AggregateValue> movingMeans(List<Reading> hourly, AggregationOptions options) {
        HourlyValues h = HourlyValues.of(hourly, options);
        List<AggregateValue> out = new ArrayList<>();
        if (h.size() == 0) {
            return out;
        }
        for (long last = h.hour[0] + 7 * HOUR; last <= h.hour[h.size() - 1]; last += HOUR) {
            out.add(window(h, last));
        }
        return out;
    }

    /** The daily maximum 8-hour mean of every local day from the first to the last reading. */
    public static List<AggregateValue> dailyMaximum(List<Reading> hourly, AggregationOptions options) {
        HourlyValues h = HourlyValues.of(hourly, options);
        List<AggregateValue> out = new ArrayList<>();
        if (h.size() == 0) {
            return out;
        }
        ValidityRules rules = options.rules();
        for (LocalDate day = h.localDate(0); !day.isAfter(h.localDate(h.size() - 1)); day = day.plusDays(1)) {
            long dayStart = h.startOf(day).toInstant().toEpochMilli();
            int valid = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < WINDOWS_PER_DAY; k++) {
                AggregateValue w = window(h, dayStart + (k + 7) * HOUR);
                if (w.isValid()) {
                    valid++;
                    max = Math.max(max, w.value());
                }
            }
            int required = rules.minEightHourPerDay();
            boolean exceeds = valid > 0 && max > rules.ozoneValidAbove();
            AggregateValue v = valid >= required || exceeds
                    ? new AggregateValue(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), max, valid, required,
                    MissingReason.NONE)
                    : AggregateValue.of(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), Double.NaN, valid,
                    required);
            out.add(v);
        }
        return out;
    }

    /** The 8-hour window whose last hour starts at {@code lastHour}. */
    private static AggregateValue window(HourlyValues h, long lastHour) {
        double[] values = new double[8];
        int count = 0;
        for (long hour = lastHour - 7 * HOUR; hour <= lastHour; hour += HOUR) {
            int i = h.indexOf(hour);
            if (i >= 0) {
                values[count++] = h.value[i];
            }
        }
        int required = h.options.rules().minHoursPerEightHours();
        double mean = count >= required ? AccurateMean.of(values, 0, count) : Double.NaN;
        return AggregateValue.of(h.local(lastHour - 7 * HOUR), h.local(lastHour + HOUR), mean, count, required);
    }
}
