package org.ecomonitor.gui.charts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Ticks of a time axis on the station's local clock: the coarsest calendar step (hours, days, weeks, months,
 * quarters, years) that keeps labels about {@code minSpacing} pixels apart, aligned to that step (months start on
 * the 1st, years in January), labelled as analysts write dates (2024, 2024-03, 03-15, 03-15 14:00).
 */
public final class TimeAxis {

    /** One tick: its instant (epoch ms) and label. */
    public record Tick(long time, String label) {
    }

    private enum Step {
        HOUR(ChronoUnit.HOURS, 1), HOURS_3(ChronoUnit.HOURS, 3), HOURS_6(ChronoUnit.HOURS, 6), HOURS_12(ChronoUnit.HOURS, 12),
        DAY(ChronoUnit.DAYS, 1), DAYS_2(ChronoUnit.DAYS, 2), WEEK(ChronoUnit.DAYS, 7), MONTH(ChronoUnit.MONTHS, 1),
        MONTHS_2(ChronoUnit.MONTHS, 2), QUARTER(ChronoUnit.MONTHS, 3), HALF_YEAR(ChronoUnit.MONTHS, 6),
        YEAR(ChronoUnit.YEARS, 1), YEARS_2(ChronoUnit.YEARS, 2), YEARS_5(ChronoUnit.YEARS, 5), YEARS_10(ChronoUnit.YEARS, 10);

        final ChronoUnit unit;
        final int count;

        Step(ChronoUnit unit, int count) {
            this.unit = unit;
            this.count = count;
        }

        long approxMillis() {
            return unit.getDuration().toMillis() * count;
        }
    }

    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private TimeAxis() {
    }

    /** Ticks between {@code from} and {@code to} (epoch ms) for an axis {@code pixels} long. */
    public static List<Tick> ticks(long from, long to, double pixels, double minSpacing, ZoneId zone) {
        List<Tick> ticks = new ArrayList<>();
        if (to <= from || pixels <= 0) {
            return ticks;
        }
        double maxTicks = Math.max(2, pixels / minSpacing);
        Step step = Step.YEARS_10;
        for (Step s : Step.values()) {
            if ((to - from) / (double) s.approxMillis() <= maxTicks) {
                step = s;
                break;
            }
        }
        ZonedDateTime t = align(Instant.ofEpochMilli(from).atZone(zone), step);
        boolean firstDay = true;
        while (t.toInstant().toEpochMilli() <= to && ticks.size() < 1000) {
            long ms = t.toInstant().toEpochMilli();
            if (ms >= from) {
                String label = switch (step) {
                    case YEAR, YEARS_2, YEARS_5, YEARS_10 -> YEAR.format(t);
                    case MONTH, MONTHS_2, QUARTER, HALF_YEAR -> MONTH.format(t);
                    case DAY, DAYS_2, WEEK -> (firstDay || t.getDayOfYear() <= step.count * (step == Step.WEEK ? 7 : 1)
                            ? DAY_YEAR : DAY).format(t);
                    default -> HOUR.format(t);
                };
                firstDay = false;
                ticks.add(new Tick(ms, label));
            }
            t = t.plus(step.count, step.unit);
        }
        return ticks;
    }

    private static ZonedDateTime align(ZonedDateTime t, Step step) {
        return switch (step.unit) {
            case HOURS -> {
                ZonedDateTime h = t.truncatedTo(ChronoUnit.HOURS);
                yield h.withHour(h.getHour() - h.getHour() % step.count);
            }
            case DAYS -> step == Step.WEEK
                    ? t.truncatedTo(ChronoUnit.DAYS).minusDays(t.getDayOfWeek().getValue() - 1L)
                    : t.truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> {
                ZonedDateTime m = t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
                yield m.withMonth(1 + (m.getMonthValue() - 1) / step.count * step.count);
            }
            default -> {
                ZonedDateTime y = t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
                yield y.withYear(y.getYear() - Math.floorMod(y.getYear(), step.count));
            }
        };
    }
}
