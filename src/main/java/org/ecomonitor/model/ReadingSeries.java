package org.ecomonitor.model;

/**
 * One station's readings of one parameter in time order, as parallel primitive arrays (a 10-year hourly series is
 * 87,600 entries; no object per reading).
 *
 * @param station   station code
 * @param parameter parameter code
 * @param instants  UTC epoch milliseconds, ascending
 * @param values    values (NaN when missing)
 * @param flags     HJ 212 flags
 */
public record ReadingSeries(String station, String parameter, long[] instants, double[] values, Flag[] flags) {
    public ReadingSeries {
        if (instants.length != values.length || values.length != flags.length) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
    }

    public int size() {
        return instants.length;
    }
}
