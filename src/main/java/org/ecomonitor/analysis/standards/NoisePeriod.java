package org.ecomonitor.analysis.standards;

/**
 * GB 3096-2008 periods: day 06:00–22:00, night 22:00–06:00 (local time). Display: bundle keys
 * {@code noise.period.day} and {@code noise.period.night}.
 */
public enum NoisePeriod {
    DAY,
    NIGHT;

    /** The period an hour starting at {@code hour} (0–23) belongs to. */
    public static NoisePeriod ofHour(int hour) {
        return hour >= 6 && hour < 22 ? DAY : NIGHT;
    }

    public String messageKey() {
        return "noise.period." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
