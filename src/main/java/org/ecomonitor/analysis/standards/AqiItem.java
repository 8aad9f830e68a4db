package org.ecomonitor.analysis.standards;

/**
 * The concentrations an HJ 633-2012 air quality index is computed from. PM10 and PM2.5 have no 1-hour
 * breakpoints: hourly (real-time) reports apply the 24-hour breakpoints to the 1-hour value.
 */
public enum AqiItem {
    SO2_24H("so2", "24h", "SO2"),
    SO2_1H("so2", "1h", "SO2"),
    NO2_24H("no2", "24h", "NO2"),
    NO2_1H("no2", "1h", "NO2"),
    PM10_24H("pm10", "24h", "PM10"),
    PM10_1H("pm10", "24h", "PM10"),
    PM25_24H("pm25", "24h", "PM2.5"),
    PM25_1H("pm25", "24h", "PM2.5"),
    CO_24H("co", "24h", "CO"),
    CO_1H("co", "1h", "CO"),
    O3_1H("o3", "1h", "O3"),
    O3_8H("o3", "8h", "O3_8h");

    private final String pollutant;
    private final String breakpointRow;
    private final String label;

    AqiItem(String pollutant, String breakpointRow, String label) {
        this.pollutant = pollutant;
        this.breakpointRow = breakpointRow;
        this.label = label;
    }

    /** Pollutant key of the breakpoint table (so2, no2, pm10, pm25, co, o3). */
    public String pollutant() {
        return pollutant;
    }

    /** The averaging column of the breakpoint row used (24h, 1h, 8h). */
    public String breakpointRow() {
        return breakpointRow;
    }

    /** The pollutant as reports name it (SO2, PM2.5, O3_8h ...), not translated. */
    public String label() {
        return label;
    }
}
