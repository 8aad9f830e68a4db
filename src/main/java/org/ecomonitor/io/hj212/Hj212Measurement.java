package org.ecomonitor.io.hj212;

import org.ecomonitor.model.Flag;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One pollutant's data in one HJ 212 data packet. Absent values are NaN.
 *
 * @param mn        device number (MN) of the packet
 * @param st        system code (ST), e.g. 22 ambient air, 21 surface water; may be null
 * @param kind      real-time, minute, hourly or daily data (from CN)
 * @param pollutant pollutant code, e.g. a34004 (PM2.5)
 * @param dataTime  the packet's DataTime, local Beijing time as HJ 212 sends it
 * @param value     the value of the kind: Rtd for real-time data, Avg otherwise
 * @param min       Min, or NaN
 * @param max       Max, or NaN
 * @param cou       Cou (cumulative), or NaN
 * @param flag      the item's data flag; N when the packet gives none
 * @param fields    every field of this pollutant as sent (Rtd, Avg, Flag, SampleTime, EFlag ...)
 * @param line      line of the source the packet was on (1-based; 0 when not read from lines)
 */
public record Hj212Measurement(String mn, String st, Hj212DataKind kind, String pollutant, LocalDateTime dataTime,
                               double value, double min, double max, double cou, Flag flag,
                               Map<String, String> fields, int line) {

    public Hj212Measurement {
        fields = Map.copyOf(fields);
    }

    /** The instant of {@link #dataTime()} read as Beijing time (Asia/Shanghai). */
    public Instant instant() {
        return dataTime.atZone(Hj212Parser.BEIJING).toInstant();
    }
}
