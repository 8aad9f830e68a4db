package org.ecomonitor.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the date-times monitoring files carry into UTC epoch milliseconds. Local times are in the station's
 * zone (Asia/Shanghai by default); a time with an offset or Z is taken as written. Accepted, among others:
 * {@code 2024-01-01 08:00}, {@code 2024-01-01 08:00:00}, {@code 2024/1/1 8:00}, {@code 2024-01-01T08:00:00+08:00},
 * {@code 20240101080000} (HJ 212), {@code 2024年1月1日 8时}, a date alone (midnight), and the hour label
 * {@code 24:00} (midnight of the next day, as some hourly exports write it). Allocation-light: it runs once per
 * row of million-row files.
 */
public final class TimeParser {

    private TimeParser() {
    }

    /** Epoch ms, or {@link Long#MIN_VALUE} when the text is not a date-time. */
    public static long parse(String text, ZoneId zone) {
        if (text == null) {
            return Long.MIN_VALUE;
        }
        String s = text.trim();
        int n = s.length();
        if (n == 0) {
            return Long.MIN_VALUE;
        }
        if (n > 19 && (s.endsWith("Z") || hasOffset(s))) {
            try {
                return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
        }
        if (n >= 8 && n <= 14 && allDigits(s)) {
            return compact(s, zone, true);
        }
        int[] f = new int[7];
        int count = 0;
        boolean allDigits = true;
        int i = 0;
        while (i < n && count < 7) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int v = 0;
                int start = i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    if (i - start > 9) {
                        return Long.MIN_VALUE;
                    }
                    v = v * 10 + (s.charAt(i) - '0');
                    i++;
                }
                if (count == 0 && i - start >= 8) {
                    return compact(s.substring(start, i), zone, allDigits && i == n);
                }
                if (count == 6) {
                    // fraction of a second: keep milliseconds
                    int digits = i - start;
                    double frac = v / Math.pow(10, digits);
                    v = (int) Math.round(frac * 1000);
                }
                f[count++] = v;
            } else {
                allDigits = false;
                i++;
            }
        }
        if (count < 3) {
            return Long.MIN_VALUE;
        }
        return of(f[0], f[1], f[2], count > 3 ? f[3] : 0, count > 4 ? f[4] : 0, count > 5 ? f[5] : 0, count > 6 ? f[6] : 0, zone);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOffset(String s) {
        int n = s.length();
        char c = s.charAt(n - 6);
        return (c == '+' || c == '-') && s.charAt(n - 3) == ':';
    }

    private static long compact(String digits, ZoneId zone, boolean whole) {
        if (!whole) {
            return Long.MIN_VALUE;
        }
        int len = digits.length();
        if (len != 8 && len != 10 && len != 12 && len != 14) {
            return Long.MIN_VALUE;
        }
        int y = Integer.parseInt(digits.substring(0, 4));
        int mo = Integer.parseInt(digits.substring(4, 6));
        int d = Integer.parseInt(digits.substring(6, 8));
        int h = len >= 10 ? Integer.parseInt(digits.substring(8, 10)) : 0;
        int mi = len >= 12 ? Integer.parseInt(digits.substring(10, 12)) : 0;
        int se = len >= 14 ? Integer.parseInt(digits.substring(12, 14)) : 0;
        return of(y, mo, d, h, mi, se, 0, zone);
    }

    /** The last hour converted, per thread: hourly files repeat each hour once per parameter. */
    private static final ThreadLocal<long[]> LAST_HOUR = ThreadLocal.withInitial(() -> new long[]{Long.MIN_VALUE, 0});
    private static final ThreadLocal<ZoneId> LAST_ZONE = new ThreadLocal<>();

    private static long of(int y, int mo, int d, int h, int mi, int se, int ms, ZoneId zone) {
        if (y < 1900 || y > 2200) {
            return Long.MIN_VALUE;
        }
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= 28 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && se >= 0 && se < 60) {
            long key = ((((long) y * 13 + mo) * 32 + d) * 24) + h;
            long[] last = LAST_HOUR.get();
            if (last[0] != key || LAST_ZONE.get() != zone) {
                long hourStart = of(y, mo, d, h, zone);
                last[0] = key;
                last[1] = hourStart;
                LAST_ZONE.set(zone);
            }
            return last[1] + mi * 60_000L + se * 1000L + ms;
        }
        return slow(y, mo, d, h, mi, se, ms, zone);
    }

    private static long of(int y, int mo, int d, int h, ZoneId zone) {
        return slow(y, mo, d, h, 0, 0, 0, zone);
    }

    private static long slow(int y, int mo, int d, int h, int mi, int se, int ms, ZoneId zone) {
        try {
            LocalDateTime t;
            if (h == 24 && mi == 0 && se == 0) {
                t = LocalDate.of(y, mo, d).plusDays(1).atStartOfDay();
            } else {
                t = LocalDateTime.of(y, mo, d, h, mi, se, ms * 1_000_000);
            }
            if (zone instanceof ZoneOffset off) {
                return t.toInstant(off).toEpochMilli();
            }
            return t.atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
