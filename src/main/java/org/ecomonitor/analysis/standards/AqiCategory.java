package org.ecomonitor.analysis.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HJ 633-2012 Table 2: AQI level (1–6), category and its official colour, loaded from
 * {@code hj633_2012_aqi_categories.csv}; names in Chinese and English come from the table.
 *
 * @param level      1 (优) to 6 (严重污染)
 * @param aqiMin     lowest AQI of the level
 * @param aqiMax     highest AQI of the level (Integer.MAX_VALUE for level 6)
 * @param nameZh     category in Chinese
 * @param nameEn     category in English
 * @param red        colour, red component 0–255
 * @param green      green
 * @param blue       blue
 */
public record AqiCategory(int level, int aqiMin, int aqiMax, String nameZh, String nameEn, int red, int green,
                          int blue) {

    static final String FILE = "hj633_2012_aqi_categories.csv";
    private static volatile List<AqiCategory> all;

    /** The six categories, level 1 first. */
    public static List<AqiCategory> all() {
        List<AqiCategory> a = all;
        if (a == null) {
            List<AqiCategory> list = new ArrayList<>();
            for (StandardTable.Row row : StandardTable.load(FILE).rows) {
                String[] rgb = row.text("color_rgb").trim().split("\\s+");
                double max = row.number("aqi_max");
                list.add(new AqiCategory((int) row.number("level"), (int) row.number("aqi_min"),
                        Double.isNaN(max) ? Integer.MAX_VALUE : (int) max, row.text("category_zh"),
                        row.text("category_en"), Integer.parseInt(rgb[0]), Integer.parseInt(rgb[1]),
                        Integer.parseInt(rgb[2])));
            }
            a = List.copyOf(list);
            all = a;
        }
        return a;
    }

    /** The category of an AQI (≥ 0). */
    public static AqiCategory of(int aqi) {
        for (AqiCategory c : all()) {
            if (aqi >= c.aqiMin && aqi <= c.aqiMax) {
                return c;
            }
        }
        throw new IllegalArgumentException("AQI must be >= 0: " + aqi);
    }

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    /** The colour as #RRGGBB. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02X%02X%02X", red, green, blue);
    }
}
