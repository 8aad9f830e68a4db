package org.ecomonitor.analysis.standards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * HJ 633-2012 Table 1: concentration breakpoints of the individual AQI (IAQI 0, 50, 100, 150, 200, 300, 400,
 * 500), loaded from {@code hj633_2012_aqi_breakpoints.csv}. IAQI = (IAQI_H − IAQI_L)/(BP_H − BP_L)·(C − BP_L)
 * + IAQI_L between the breakpoints around C, rounded up to an integer; computed in decimal arithmetic so that
 * an exact integer is not pushed up by binary rounding. Loaded once, immutable, thread-safe.
 */
public final class AqiBreakpoints {

    static final String FILE = "hj633_2012_aqi_breakpoints.csv";
    private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};
    private static volatile AqiBreakpoints instance;

    private final Map<String, double[]> rows;   // "so2/1h" → breakpoints, NaN beyond the table
    private final Map<String, String> units;

    private AqiBreakpoints(Map<String, double[]> rows, Map<String, String> units) {
        this.rows = rows;
        this.units = units;
    }

    public static AqiBreakpoints get() {
        AqiBreakpoints b = instance;
        if (b == null) {
            Map<String, double[]> rows = new HashMap<>();
            Map<String, String> units = new HashMap<>();
            for (StandardTable.Row row : StandardTable.load(FILE).rows) {
                double[] bp = new double[IAQI.length];
                for (int i = 0; i < IAQI.length; i++) {
                    bp[i] = row.number("iaqi_" + IAQI[i]);
                }
                String key = row.text("pollutant") + "/" + row.text("averaging");
                rows.put(key, bp);
                units.put(key, row.text("unit"));
            }
            b = new AqiBreakpoints(Map.copyOf(rows), Map.copyOf(units));
            instance = b;
        }
        return b;
    }

    /** The breakpoints of an item (NaN where the table stops), from IAQI 0 to 500. */
    public double[] breakpoints(AqiItem item) {
        return rows.get(item.pollutant() + "/" + item.breakpointRow()).clone();
    }

    /** Unit of the item's concentrations as the table writes it (ug/m3, mg/m3). */
    public String unit(AqiItem item) {
        return units.get(item.pollutant() + "/" + item.breakpointRow());
    }

    /** The highest concentration the table covers for the item. */
    public double top(AqiItem item) {
        double[] bp = rows.get(item.pollutant() + "/" + item.breakpointRow());
        double top = bp[0];
        for (double v : bp) {
            if (!Double.isNaN(v)) {
                top = v;
            }
        }
        return top;
    }

    /**
     * The IAQI of a concentration within the table (0 ≤ C ≤ {@link #top}); 500 for a concentration above the
     * table's end at IAQI 500; −1 when C lies above a table that stops earlier (1-hour SO2 and 8-hour O3 above
     * 800 µg/m³: HJ 633 then reports another averaging, see {@link AirQualityIndex}).
     */
    public int iaqi(AqiItem item, double c) {
        if (!(c >= 0)) {
            throw new IllegalArgumentException("concentration must be a number >= 0: " + c);
        }
        double[] bp = rows.get(item.pollutant() + "/" + item.breakpointRow());
        for (int i = 1; i < bp.length; i++) {
            if (Double.isNaN(bp[i])) {
                return -1;
            }
            if (c <= bp[i]) {
                BigDecimal cl = BigDecimal.valueOf(bp[i - 1]);
                BigDecimal num = BigDecimal.valueOf(IAQI[i] - IAQI[i - 1]).multiply(BigDecimal.valueOf(c).subtract(cl));
                BigDecimal den = BigDecimal.valueOf(bp[i]).subtract(cl);
                return num.divide(den, 0, RoundingMode.CEILING).intValueExact() + IAQI[i - 1];
            }
        }
        return 500;
    }
}
