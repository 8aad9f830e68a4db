package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.standards.NoisePeriod;

import java.time.LocalTime;

/**
 * Which readings of a day take part: those whose local time (the station's zone) falls in the GB 3096-2008 day
 * (06:00 to before 22:00) or night (22:00 to before 06:00), or all readings (soil, water, any survey without
 * periods).
 */
public enum ReadingPeriod {
    DAY, NIGHT, ALL;

    /** True when a reading at this local time belongs to the period. */
    public boolean contains(LocalTime time) {
        return switch (this) {
            case ALL -> true;
            case DAY -> NoisePeriod.ofHour(time.getHour()) == NoisePeriod.DAY;
            case NIGHT -> NoisePeriod.ofHour(time.getHour()) == NoisePeriod.NIGHT;
        };
    }

    /** The noise period, or null for {@link #ALL}. */
    public NoisePeriod noisePeriod() {
        return switch (this) {
            case DAY -> NoisePeriod.DAY;
            case NIGHT -> NoisePeriod.NIGHT;
            case ALL -> null;
        };
    }

    /** The period for "day", "night" or "all" (also 昼间, 夜间); null when unknown. */
    public static ReadingPeriod parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "day", "d", "昼间", "白天" -> DAY;
            case "night", "n", "夜间", "夜晚" -> NIGHT;
            case "all", "any", "全部" -> ALL;
            default -> null;
        };
    }
}
