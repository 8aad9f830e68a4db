package org.ecomonitor.analysis.aggregate;

import org.ecomonitor.model.Reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The accepted hourly values of one station's parameter, keyed by the start of their local hour (a reading's
 * instant is the start of the hour it averages, as HJ 212 hourly data). Readings of one hour are averaged;
 * readings with a flag the options do not accept, or a NaN value, are left out. O(n log n).
 */
final class HourlyValues {

    final long[] hour;      // epoch ms of each local hour's start, ascending
    final double[] value;
    final AggregationOptions options;

    private HourlyValues(long[] hour, double[] value, AggregationOptions options) {
        this.hour = hour;
        this.value = value;
        this.options = options;
    }

    static HourlyValues of(List<Reading> readings, AggregationOptions options) {
        List<Reading> accepted = new ArrayList<>();
        String station = null;
        String parameter = null;
        for (Reading r : readings) {
            if (station == null) {
                station = r.station();
                parameter = r.parameter();
            } else if (!station.equals(r.station()) || !parameter.equals(r.parameter())) {
                throw new IllegalArgumentException("readings of one station and parameter expected, got "
                        + station + "/" + parameter + " and " + r.station() + "/" + r.parameter());
            }
            if (options.accepts(r.flag()) && !Double.isNaN(r.value())) {
                accepted.add(r);
            }
        }
        accepted.sort(Comparator.comparingLong(Reading::instant));
        long[] hours = new long[accepted.size()];
        double[] values = new double[accepted.size()];
        int m = 0;
        int i = 0;
        while (i < accepted.size()) {
            long h = hourStart(accepted.get(i).instant(), options);
            int j = i;
            while (j < accepted.size() && hourStart(accepted.get(j).instant(), options) == h) {
                j++;
            }
            double[] group = new double[j - i];
            for (int k = i; k < j; k++) {
                group[k - i] = accepted.get(k).value();
            }
            hours[m] = h;
            values[m++] = AccurateMean.of(group);
            i = j;
        }
        return new HourlyValues(Arrays.copyOf(hours, m), Arrays.copyOf(values, m), options);
    }

    private static long hourStart(long instant, AggregationOptions options) {
        return Instant.ofEpochMilli(instant).atZone(options.zone()).truncatedTo(ChronoUnit.HOURS).toInstant()
                .toEpochMilli();
    }

    int size() {
        return hour.length;
    }

    /** Index of the value of the hour starting at {@code epochMs}, or −1. */
    int indexOf(long epochMs) {
        int i = Arrays.binarySearch(hour, epochMs);
        return i >= 0 ? i : -1;
    }

    LocalDate localDate(int i) {
        return Instant.ofEpochMilli(hour[i]).atZone(options.zone()).toLocalDate();
    }

    ZonedDateTime startOf(LocalDate day) {
        return day.atStartOfDay(options.zone());
    }

    LocalDateTime local(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(options.zone()).toLocalDateTime();
    }
}
