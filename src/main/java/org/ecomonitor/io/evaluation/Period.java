package org.ecomonitor.io.evaluation;

import org.ecomonitor.i18n.UserException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A reporting period of local dates, from {@code start} (inclusive) to {@code end} (exclusive), as reports name
 * them: a year ("2024"), a month ("2024-05"), a quarter ("2024-Q2"), or two dates ("2024-03-01..2024-06-01").
 * Everything when no period is given.
 */
public record Period(LocalDate start, LocalDate end, String label) {

    public static final Period ALL = new Period(LocalDate.of(1900, 1, 1), LocalDate.of(2171, 1, 1), "");

    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String t = text.trim();
        try {
            if (t.matches("\\d{4}")) {
                int y = Integer.parseInt(t);
                return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1), t);
            }
            if (t.matches("\\d{4}-\\d{1,2}")) {
                YearMonth m = YearMonth.parse(t.length() == 6 ? t.substring(0, 5) + "0" + t.substring(5) : t);
                return new Period(m.atDay(1), m.plusMonths(1).atDay(1), m.toString());
            }
            if (t.matches("(?i)\\d{4}-Q[1-4]")) {
                int y = Integer.parseInt(t.substring(0, 4));
                int q = t.charAt(6) - '0';
                LocalDate s = LocalDate.of(y, 3 * q - 2, 1);
                return new Period(s, s.plusMonths(3), y + "-Q" + q);
            }
            if (t.contains("..")) {
                String[] p = t.split("\\.\\.");
                LocalDate s = LocalDate.parse(p[0].trim());
                LocalDate e = LocalDate.parse(p[1].trim());
                if (!s.isBefore(e)) {
                    throw new UserException("evaluate.period_invalid", text);
                }
                return new Period(s, e, t);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new UserException(e, "evaluate.period_invalid", text);
        }
        throw new UserException("evaluate.period_invalid", text);
    }

    public long startMillis(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public long endMillis(ZoneId zone) {
        return end.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
