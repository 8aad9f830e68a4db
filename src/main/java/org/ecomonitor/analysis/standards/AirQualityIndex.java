package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.UserException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HJ 633-2012 air quality index: each item's IAQI ({@link AqiBreakpoints}), AQI = the largest IAQI, the
 * primary pollutant(s) = the items whose IAQI equals the AQI when AQI &gt; 50, the exceeding items = IAQI &gt; 100,
 * and the category with its colour. Two notes of HJ 633 Table 1 are applied: a 1-hour SO2 above 800 µg/m³ is
 * reported with the IAQI of the 24-hour SO2 mean, and an 8-hour O3 above 800 µg/m³ with the IAQI of the
 * 1-hour O3.
 *
 * @param aqi       the index
 * @param items     each item's IAQI
 * @param primary   primary pollutant items (empty when AQI ≤ 50)
 * @param exceeding items with IAQI &gt; 100
 * @param category  level, name and colour
 */
public record AirQualityIndex(int aqi, List<Iaqi> items, List<AqiItem> primary, List<AqiItem> exceeding,
                              AqiCategory category) {

    private static final Set<AqiItem> HOURLY = EnumSet.of(AqiItem.SO2_1H, AqiItem.NO2_1H, AqiItem.PM10_1H,
            AqiItem.PM25_1H, AqiItem.CO_1H, AqiItem.O3_1H, AqiItem.O3_8H);
    private static final Set<AqiItem> DAILY = EnumSet.of(AqiItem.SO2_24H, AqiItem.NO2_24H, AqiItem.PM10_24H,
            AqiItem.PM25_24H, AqiItem.CO_24H, AqiItem.O3_1H, AqiItem.O3_8H);
    private static final double SWITCH = 800;

    /**
     * One item's individual index.
     *
     * @param item          the item
     * @param concentration its concentration
     * @param iaqi          the IAQI
     * @param reportedFrom  the item whose concentration gave the IAQI (itself, or SO2_24H / O3_1H per HJ 633)
     * @param beyondTable   the concentration lies above the last breakpoint (IAQI reported as 500)
     */
    public record Iaqi(AqiItem item, double concentration, int iaqi, AqiItem reportedFrom, boolean beyondTable) {
    }

    /**
     * The hourly (real-time) AQI from 1-hour SO2, NO2, PM10, PM2.5, CO, O3 and the 8-hour moving O3; any may be
     * absent. SO2_24H, when given, is used only for a 1-hour SO2 above 800 µg/m³.
     */
    public static AirQualityIndex hourly(Map<AqiItem, Double> concentrations) {
        return compute(concentrations, HOURLY);
    }

    /**
     * The daily AQI from 24-hour SO2, NO2, PM10, PM2.5, CO, the daily maximum 1-hour O3 and the daily maximum
     * 8-hour O3.
     */
    public static AirQualityIndex daily(Map<AqiItem, Double> concentrations) {
        return compute(concentrations, DAILY);
    }

    private static AirQualityIndex compute(Map<AqiItem, Double> concentrations, Set<AqiItem> evaluated) {
        AqiBreakpoints table = AqiBreakpoints.get();
        Map<AqiItem, Double> c = new EnumMap<>(AqiItem.class);
        concentrations.forEach((k, v) -> {
            if (v != null && !Double.isNaN(v)) {
                c.put(k, v);
            }
        });
        List<Iaqi> items = new ArrayList<>();
        for (AqiItem item : evaluated) {
            Double value = c.get(item);
            if (value == null) {
                continue;
            }
            AqiItem from = item;
            if (value > SWITCH && (item == AqiItem.SO2_1H || item == AqiItem.O3_8H)) {
                from = item == AqiItem.SO2_1H ? AqiItem.SO2_24H : AqiItem.O3_1H;
                if (!c.containsKey(from)) {
                    throw new UserException(item == AqiItem.SO2_1H ? "aqi.error.so2NeedsDaily"
                            : "aqi.error.o3NeedsHourly", value);
                }
            }
            double used = c.get(from);
            items.add(new Iaqi(item, value, table.iaqi(from, used), from, used > table.top(from)));
        }
        if (items.isEmpty()) {
            throw new UserException("aqi.error.noItems");
        }
        int aqi = items.stream().mapToInt(Iaqi::iaqi).max().orElseThrow();
        List<AqiItem> primary = new ArrayList<>();
        List<AqiItem> exceeding = new ArrayList<>();
        for (Iaqi i : items) {
            if (aqi > 50 && i.iaqi() == aqi) {
                primary.add(i.item());
            }
            if (i.iaqi() > 100) {
                exceeding.add(i.item());
            }
        }
        return new AirQualityIndex(aqi, List.copyOf(items), List.copyOf(primary), List.copyOf(exceeding),
                AqiCategory.of(aqi));
    }
}
