package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.UserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GB 15618-2018 risk screening values (Table 1, basic items) and risk intervention values (Table 3) for
 * agricultural land, by pH band (pH ≤ 5.5, 5.5 &lt; pH ≤ 6.5, 6.5 &lt; pH ≤ 7.5, pH &gt; 7.5), loaded from
 * {@code gb15618_2018_soil_agricultural.csv}. Total contents in mg/kg. Loaded once, immutable, thread-safe.
 */
public final class SoilStandard {

    static final String FILE = "gb15618_2018_soil_agricultural.csv";
    private static final String[] BANDS = {"ph_le_5_5", "ph_5_5_to_6_5", "ph_6_5_to_7_5", "ph_gt_7_5"};
    private static volatile List<Entry> entries;

    private record Entry(String element, String valueType, String landUse, double[] values) {
    }

    /**
     * The assessment of one element of a sample.
     *
     * @param element      cd, hg, as, pb, cr, cu, ni, zn
     * @param value        total content, mg/kg
     * @param ph           the sample's pH
     * @param screening    risk screening value that applies
     * @param intervention risk intervention value, NaN for Cu, Ni, Zn (none in the standard)
     * @param riskClass    the class
     */
    public record Assessment(String element, double value, double ph, double screening, double intervention,
                             SoilRiskClass riskClass) {
    }

    private SoilStandard() {
    }

    private static List<Entry> entries() {
        List<Entry> e = entries;
        if (e == null) {
            List<Entry> list = new ArrayList<>();
            for (StandardTable.Row row : StandardTable.load(FILE).rows) {
                double[] v = new double[BANDS.length];
                for (int i = 0; i < BANDS.length; i++) {
                    v[i] = row.number(BANDS[i]);
                }
                list.add(new Entry(row.text("element"), row.text("value_type"), row.text("land_use"), v));
            }
            e = List.copyOf(list);
            entries = e;
        }
        return e;
    }

    /** The pH band index 0..3. */
    static int band(double ph) {
        if (!(ph >= 0 && ph <= 14)) {
            throw new UserException("soil.error.ph", ph);
        }
        return ph <= 5.5 ? 0 : ph <= 6.5 ? 1 : ph <= 7.5 ? 2 : 3;
    }

    /** The risk screening value of an element for a land use and pH. */
    public static double screeningValue(String element, double ph, SoilLandUse landUse) {
        String el = key(element);
        Entry other = null;
        for (Entry e : entries()) {
            if (!e.element().equals(el) || !e.valueType().equals("screening")) {
                continue;
            }
            if (e.landUse().equals("all") || e.landUse().equals(landUse.name().toLowerCase(Locale.ROOT))) {
                return e.values()[band(ph)];
            }
            if (e.landUse().equals("other")) {
                other = e;
            }
        }
        if (other == null) {
            throw new UserException("soil.error.element", element);
        }
        return other.values()[band(ph)];
    }

    /** The risk intervention value of an element and pH, NaN when the standard gives none (Cu, Ni, Zn). */
    public static double interventionValue(String element, double ph) {
        String el = key(element);
        for (Entry e : entries()) {
            if (e.element().equals(el) && e.valueType().equals("intervention")) {
                return e.values()[band(ph)];
            }
        }
        screeningValue(element, ph, SoilLandUse.OTHER); // throws for an element the standard does not list
        return Double.NaN;
    }

    /** The class of a total content: at or below screening, between, above intervention. */
    public static Assessment assess(String element, double value, double ph, SoilLandUse landUse) {
        double s = screeningValue(element, ph, landUse);
        double i = interventionValue(element, ph);
        SoilRiskClass c;
        if (value <= s) {
            c = SoilRiskClass.BELOW_SCREENING;
        } else if (Double.isNaN(i)) {
            c = SoilRiskClass.ABOVE_SCREENING;
        } else if (value <= i) {
            c = SoilRiskClass.BETWEEN;
        } else {
            c = SoilRiskClass.ABOVE_INTERVENTION;
        }
        return new Assessment(key(element), value, ph, s, i, c);
    }

    private static String key(String element) {
        return element == null ? "" : element.trim().toLowerCase(Locale.ROOT);
    }
}
