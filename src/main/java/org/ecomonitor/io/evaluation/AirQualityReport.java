package org.ecomonitor.io.evaluation;

import org.ecomonitor.analysis.aggregate.AggregateValue;
import org.ecomonitor.analysis.aggregate.AggregationOptions;
import org.ecomonitor.analysis.aggregate.DailyMean;
import org.ecomonitor.analysis.aggregate.OzoneEightHour;
import org.ecomonitor.analysis.standards.AirQualityIndex;
import org.ecomonitor.analysis.standards.AqiItem;
import org.ecomonitor.model.Reading;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HJ 633-2012 daily air quality of every automatic air station over a period: 24-hour means of SO2, NO2, PM10,
 * PM2.5 and CO and the daily maximum 1-hour and 8-hour O3, each valid by GB 3095-2012's rules (a day with too
 * few hours is missing, not averaged), then the daily AQI, its category and primary pollutants. Flagged readings
 * are left out.
 */
public final class AirQualityReport {

    /** One day at one station. */
    public record Day(LocalDate date, Map<AqiItem, Double> concentrations, AirQualityIndex aqi) {
    }

    /** One station's days. */
    public record StationDays(Station station, List<Day> days) {
        /** Days per AQI level 1..6 (index 0 unused). */
        public int[] daysPerLevel() {
            int[] n = new int[7];
            for (Day d : days) {
                n[d.aqi().category().level()]++;
            }
            return n;
        }

        /** Days with AQI above 100. */
        public long exceedanceDays() {
            return days.stream().filter(d -> d.aqi().aqi() > 100).count();
        }
    }

    private static final Map<String, AqiItem> DAILY_ITEMS = Map.of("a21026", AqiItem.SO2_24H, "a21004", AqiItem.NO2_24H,
            "a34002", AqiItem.PM10_24H, "a34004", AqiItem.PM25_24H, "a21005", AqiItem.CO_24H);

    private AirQualityReport() {
    }

    public static List<StationDays> of(ProjectStore store, Period period, String stationCode) {
        List<StationDays> out = new ArrayList<>();
        for (Station s : store.stations().ofKind(StationKind.AIR)) {
            if (stationCode != null && !stationCode.equals(s.code())) {
                continue;
            }
            AggregationOptions options = AggregationOptions.of(s.zone());
            Map<LocalDate, Map<AqiItem, Double>> days = new TreeMap<>();
            for (Map.Entry<String, AqiItem> e : DAILY_ITEMS.entrySet()) {
                put(days, DailyMean.of(StationReadings.of(store, s, e.getKey(), period), options), e.getValue());
            }
            List<Reading> o3 = StationReadings.of(store, s, "a05024", period);
            put(days, OzoneEightHour.dailyMaximum(o3, options), AqiItem.O3_8H);
            put(days, dailyMax1h(o3, s), AqiItem.O3_1H);
            List<Day> list = new ArrayList<>();
            for (Map.Entry<LocalDate, Map<AqiItem, Double>> d : days.entrySet()) {
                if (d.getValue().containsKey(AqiItem.PM25_24H) || d.getValue().containsKey(AqiItem.PM10_24H)) {
                    list.add(new Day(d.getKey(), d.getValue(), AirQualityIndex.daily(d.getValue())));
                }
            }
            if (!list.isEmpty()) {
                out.add(new StationDays(s, list));
            }
        }
        return out;
    }

    private static void put(Map<LocalDate, Map<AqiItem, Double>> days, List<AggregateValue> values, AqiItem item) {
        for (AggregateValue v : values) {
            if (v.isValid()) {
                days.computeIfAbsent(v.start().toLocalDate(), k -> new EnumMap<>(AqiItem.class)).put(item, v.value());
            }
        }
    }

    /** The daily maximum of valid 1-hour O3 (a day needs 20 hours, like the other daily values). */
    private static List<AggregateValue> dailyMax1h(List<Reading> o3, Station s) {
        Map<LocalDate, double[]> max = new TreeMap<>();
        for (Reading r : o3) {
            if (!r.flag().isValid()) {
                continue;
            }
            LocalDate d = LocalDateTime.ofInstant(Instant.ofEpochMilli(r.instant()), s.zone()).toLocalDate();
            double[] m = max.computeIfAbsent(d, k -> new double[]{Double.NEGATIVE_INFINITY, 0});
            m[0] = Math.max(m[0], r.value());
            m[1]++;
        }
        List<AggregateValue> out = new ArrayList<>();
        for (Map.Entry<LocalDate, double[]> e : max.entrySet()) {
            int n = (int) e.getValue()[1];
            out.add(AggregateValue.of(e.getKey().atStartOfDay(), e.getKey().plusDays(1).atStartOfDay(),
                    n >= 20 ? e.getValue()[0] : Double.NaN, n, 20));
        }
        return out;
    }
}
