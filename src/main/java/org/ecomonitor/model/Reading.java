package org.ecomonitor.model;

/**
 * One value of one parameter at one station and instant. Readings are unique on (station, parameter, instant).
 *
 * @param station   station code
 * @param parameter parameter code
 * @param instant   UTC epoch milliseconds (the station's zone says how to show it)
 * @param value     the value in the parameter's unit
 * @param flag      HJ 212 data flag
 * @param source    where it came from (file name, "hj212", "sync" ...), may be null
 */
public record Reading(String station, String parameter, long instant, double value, Flag flag, String source) {
    public Reading {
        flag = flag == null ? Flag.N : flag;
    }
}
