package org.ecomonitor.analysis.standards;

import java.util.Locale;

/**
 * One item (row) of GB 3838-2002 Table 1.
 *
 * @param key       our key (ph, do, codmn, cod, bod5, nh3n, tp, tp_lake, tn, cu, ...)
 * @param hj212     HJ 212 pollutant code, or "" when the table gives none
 * @param nameZh    Chinese name
 * @param nameEn    English name
 * @param unit      unit
 * @param rule      how values compare with limits
 * @param limits    limits of classes I..V (for {@link Rule#RANGE} the upper bounds)
 * @param lower     for {@link Rule#RANGE} the lower bounds of classes I..V, otherwise null
 * @param appliesTo all, river or lake
 */
public record SurfaceWaterItem(String key, String hj212, String nameZh, String nameEn, String unit, Rule rule,
                               double[] limits, double[] lower, String appliesTo) {

    /** How a value meets a class. */
    public enum Rule {
        /** the value must not exceed the limit */
        MAX,
        /** the value must reach the limit (dissolved oxygen: higher is better) */
        MIN,
        /** the value must lie within [lower, upper] (pH) */
        RANGE
    }

    /** The best class whose limit the value meets, else 劣V. */
    public SurfaceWaterClass classify(double value) {
        SurfaceWaterClass[] classes = SurfaceWaterClass.values();
        for (int i = 0; i < 5; i++) {
            if (meets(value, i)) {
                return classes[i];
            }
        }
        return SurfaceWaterClass.WORSE_THAN_V;
    }

    /** True when the value meets class {@code c} (I..V). */
    public boolean meets(double value, SurfaceWaterClass c) {
        return c != SurfaceWaterClass.WORSE_THAN_V && meets(value, c.ordinal());
    }

    private boolean meets(double value, int i) {
        return switch (rule) {
            case MAX -> value <= limits[i];
            case MIN -> value >= limits[i];
            case RANGE -> value >= lower[i] && value <= limits[i];
        };
    }

    /** The limit of class {@code c} (the upper bound for pH). */
    public double limit(SurfaceWaterClass c) {
        return limits[c.ordinal()];
    }

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
