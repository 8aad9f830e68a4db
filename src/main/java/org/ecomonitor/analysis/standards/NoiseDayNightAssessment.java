package org.ecomonitor.analysis.standards;

import org.ecomonitor.model.Reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Day and night Leq of a noise point against its GB 3096-2008 zone limits. Hourly Leq readings (instant = start
 * of the hour, local time of the station) of flag N are energy-averaged per period: the day of date D is
 * 06:00–22:00 of D, the night of D is 22:00 of D to 06:00 of D + 1. O(n log n).
 */
public final class NoiseDayNightAssessment {

    private NoiseDayNightAssessment() {
    }

    /**
     * One period's result.
     *
     * @param date     the date the period starts on
     * @param period   day or night
     * @param leq      energy-average level, dB(A)
     * @param hours    number of hourly values
     * @param limit    the zone's limit for the period
     * @param exceeds  leq &gt; limit
     * @param excess   leq − limit (negative when within the limit)
     */
    public record Result(LocalDate date, NoisePeriod period, double leq, int hours, double limit, boolean exceeds,
                         double excess) {
    }

    /** Day and night results, in time order, for every period that has at least one value. */
    public static List<Result> assess(List<Reading> hourlyLeq, NoiseZone zone, ZoneId clock) {
        Map<LocalDateTime, List<Double>> byPeriod = new TreeMap<>();
        for (Reading r : hourlyLeq) {
            if (!r.flag().isValid() || Double.isNaN(r.value())) {
                continue;
            }
            LocalDateTime local = Instant.ofEpochMilli(r.instant()).atZone(clock).toLocalDateTime();
            int hour = local.getHour();
            NoisePeriod p = NoisePeriod.ofHour(hour);
            LocalDate date = p == NoisePeriod.NIGHT && hour < 6 ? local.toLocalDate().minusDays(1) : local.toLocalDate();
            LocalDateTime key = date.atTime(p == NoisePeriod.DAY ? 6 : 22, 0);
            byPeriod.computeIfAbsent(key, k -> new ArrayList<>()).add(r.value());
        }
        List<Result> out = new ArrayList<>();
        for (Map.Entry<LocalDateTime, List<Double>> e : byPeriod.entrySet()) {
            NoisePeriod p = e.getKey().getHour() == 6 ? NoisePeriod.DAY : NoisePeriod.NIGHT;
            double leq = EquivalentLevel.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            double limit = zone.limit(p);
            out.add(new Result(e.getKey().toLocalDate(), p, leq, e.getValue().size(), limit, leq > limit,
                    leq - limit));
        }
        return out;
    }
}
