package org.ecomonitor.store;

/**
 * The row id of a reading, built from what identifies it: station, parameter and instant to the second.
 * <pre>
 *   bit 63: 0 | bits 62-43: station id (20 bits) | bits 42-33: parameter id (10 bits) | bits 32-0: seconds since 1900
 * </pre>
 * Because the id is the SQLite rowid, the readings table is stored in (station, parameter, time) order: one
 * station's series of one parameter is a contiguous range of the table (a 10-year hourly series loads with one
 * range scan), and the id itself is the uniqueness constraint, so no second index has to be maintained on
 * import. Limits: 1,048,575 stations, 1,023 parameters, instants from 1900 to 2172, one reading per second per
 * station and parameter (the instant column keeps milliseconds).
 */
public final class ReadingKey {

    /** Seconds from 1900-01-01T00:00Z to the Unix epoch. */
    static final long EPOCH_1900 = 2_208_988_800L;
    static final int TIME_BITS = 33;
    static final int PARAMETER_BITS = 10;
    static final int STATION_BITS = 20;
    static final long MAX_SECONDS = (1L << TIME_BITS) - 1;
    public static final long MAX_STATION = (1L << STATION_BITS) - 1;
    public static final long MAX_PARAMETER = (1L << PARAMETER_BITS) - 1;
    /** The first instant a key can hold: 1900-01-01T00:00Z. */
    public static final long MIN_INSTANT = -EPOCH_1900 * 1000;
    /** The first instant after the last one a key can hold (early 2172). */
    public static final long END_INSTANT = (MAX_SECONDS + 1 - EPOCH_1900) * 1000;

    private ReadingKey() {
    }

    /** True when the instant can be stored. */
    public static boolean inRange(long instant) {
        return instant >= MIN_INSTANT && instant < END_INSTANT;
    }

    public static long of(long stationId, long parameterId, long instant) {
        if (stationId < 0 || stationId > MAX_STATION || parameterId < 0 || parameterId > MAX_PARAMETER || !inRange(instant)) {
            throw new IllegalArgumentException("reading key out of range: station " + stationId + ", parameter "
                    + parameterId + ", instant " + instant);
        }
        long seconds = Math.floorDiv(instant, 1000) + EPOCH_1900;
        return (stationId << (PARAMETER_BITS + TIME_BITS)) | (parameterId << TIME_BITS) | seconds;
    }

    /** The first key of a station's series of one parameter at or after {@code instant} (clamped to the range). */
    public static long lowerBound(long stationId, long parameterId, long instant) {
        return of(stationId, parameterId, Math.max(MIN_INSTANT, Math.min(instant, END_INSTANT - 1000)));
    }

    /** The first key after every key of the station and parameter. */
    public static long endOf(long stationId, long parameterId) {
        return of(stationId, parameterId, MIN_INSTANT) + MAX_SECONDS + 1;
    }

    /** The first key of a station (all parameters). */
    public static long stationStart(long stationId) {
        return of(stationId, 0, MIN_INSTANT);
    }

    /** The first key after a station's keys. */
    public static long stationEnd(long stationId) {
        return (stationId + 1) << (PARAMETER_BITS + TIME_BITS);
    }
}
