package org.ecomonitor.io.hj212;

/**
 * The HJ 212-2017 commands that carry monitoring data, and the field holding each pollutant's value in them:
 * Rtd for real-time data, Avg for minute, hourly and daily data.
 */
public enum Hj212DataKind {
    REAL_TIME("2011", "Rtd"),
    MINUTE("2051", "Avg"),
    HOUR("2061", "Avg"),
    DAY("2031", "Avg");

    private final String cn;
    private final String valueField;

    Hj212DataKind(String cn, String valueField) {
        this.cn = cn;
        this.valueField = valueField;
    }

    public String cn() {
        return cn;
    }

    /** "Rtd" or "Avg". */
    public String valueField() {
        return valueField;
    }

    /** The kind of a CN, or null when the CN carries no monitoring data. */
    public static Hj212DataKind ofCn(String cn) {
        for (Hj212DataKind k : values()) {
            if (k.cn.equals(cn)) {
                return k;
            }
        }
        return null;
    }
}
