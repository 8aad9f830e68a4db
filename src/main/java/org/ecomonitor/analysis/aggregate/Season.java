package org.ecomonitor.analysis.aggregate;

import java.time.Month;
import java.util.List;

/**
 * Meteorological seasons as Chinese reports use them: spring March-May, summer June-August, autumn
 * September-November, winter December to February of the next year. Display: bundle keys
 * {@code season.<name>}.
 */
public enum Season {
    SPRING(Month.MARCH, Month.APRIL, Month.MAY),
    SUMMER(Month.JUNE, Month.JULY, Month.AUGUST),
    AUTUMN(Month.SEPTEMBER, Month.OCTOBER, Month.NOVEMBER),
    WINTER(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);

    private final List<Month> months;

    Season(Month... months) {
        this.months = List.of(months);
    }

    public List<Month> months() {
        return months;
    }

    public Month firstMonth() {
        return months.get(0);
    }

    public static Season of(Month month) {
        for (Season s : values()) {
            if (s.months.contains(month)) {
                return s;
            }
        }
        throw new IllegalArgumentException(String.valueOf(month));
    }

    public String messageKey() {
        return "season." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
