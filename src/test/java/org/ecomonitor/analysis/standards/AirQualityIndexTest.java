package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HJ 633-2012, worked by hand from Table 1 and formula (1). */
class AirQualityIndexTest {

    private final AqiBreakpoints table = AqiBreakpoints.get();

    @Test
    void iaqiIsLinearBetweenBreakpointsAndRoundedUp() {
        // PM2.5 24 h 80 µg/m³ lies between 75 (IAQI 100) and 115 (150):
        // (150 − 100)/(115 − 75)·(80 − 75) + 100 = 106.25 → 107
        assertEquals(107, table.iaqi(AqiItem.PM25_24H, 80));
        // PM10 24 h 120: (100 − 50)/(150 − 50)·(120 − 50) + 50 = 85
        assertEquals(85, table.iaqi(AqiItem.PM10_24H, 120));
        // NO2 24 h 30: 50/40·30 = 37.5 → 38
        assertEquals(38, table.iaqi(AqiItem.NO2_24H, 30));
        // O3 8 h 110: (100 − 50)/(160 − 100)·(110 − 100) + 50 = 58.33 → 59
        assertEquals(59, table.iaqi(AqiItem.O3_8H, 110));
        // CO 24 h 0.8 mg/m³: 50/2·0.8 = 20 exactly
        assertEquals(20, table.iaqi(AqiItem.CO_24H, 0.8));
    }

    @Test
    void breakpointsGiveExactIntegersThatAreNotPushedUp() {
        assertEquals(100, table.iaqi(AqiItem.PM25_24H, 75));
        assertEquals(100, table.iaqi(AqiItem.PM10_1H, 150));
        assertEquals(50, table.iaqi(AqiItem.CO_1H, 5));
        // PM2.5 4.9: 50/35·4.9 = 7 exactly; in binary floating point (50/35)·4.9 = 7.000000000000001,
        // which a naive ceiling would report as 8
        assertEquals(7, table.iaqi(AqiItem.PM25_24H, 4.9));
        assertEquals(46, table.iaqi(AqiItem.PM25_24H, 32.2));
        assertEquals(0, table.iaqi(AqiItem.SO2_24H, 0));
    }

    @Test
    void dailyAqiPrimaryPollutantAndCategory() {
        Map<AqiItem, Double> day = new EnumMap<>(AqiItem.class);
        day.put(AqiItem.PM25_24H, 80.0);  // 107
        day.put(AqiItem.PM10_24H, 120.0); // 85
        day.put(AqiItem.NO2_24H, 30.0);   // 38
        day.put(AqiItem.SO2_24H, 10.0);   // 50/50·10 = 10
        day.put(AqiItem.CO_24H, 0.8);     // 20
        day.put(AqiItem.O3_8H, 110.0);    // 59
        day.put(AqiItem.O3_1H, 150.0);    // 50/160·150 = 46.875 → 47
        AirQualityIndex aqi = AirQualityIndex.daily(day);
        assertEquals(107, aqi.aqi());
        assertEquals(List.of(AqiItem.PM25_24H), aqi.primary());
        assertEquals(List.of(AqiItem.PM25_24H), aqi.exceeding());
        assertEquals(3, aqi.category().level());
        assertEquals("轻度污染", aqi.category().nameZh());
        assertEquals("Lightly polluted", aqi.category().nameEn());
        assertEquals("#FF7E00", aqi.category().hex());
        assertEquals(7, aqi.items().size());
    }

    @Test
    void equalLargestIaqisAreAllPrimaryAndNoneAtOrBelowFifty() {
        Map<AqiItem, Double> day = new EnumMap<>(AqiItem.class);
        day.put(AqiItem.PM25_24H, 75.0);
        day.put(AqiItem.PM10_24H, 150.0);
        AirQualityIndex aqi = AirQualityIndex.daily(day);
        assertEquals(100, aqi.aqi());
        assertEquals(List.of(AqiItem.PM10_24H, AqiItem.PM25_24H), aqi.primary());
        assertTrue(aqi.exceeding().isEmpty(), "IAQI 100 does not exceed");
        assertEquals("良", aqi.category().nameZh());

        AirQualityIndex clean = AirQualityIndex.daily(Map.of(AqiItem.PM25_24H, 20.0, AqiItem.SO2_24H, 5.0));
        assertEquals(29, clean.aqi()); // 50/35·20 = 28.57 → 29
        assertTrue(clean.primary().isEmpty());
        assertEquals("优", clean.category().nameZh());
        assertEquals("#00E400", clean.category().hex());
    }

    @Test
    void oneHourSo2AboveEightHundredTakesTheTwentyFourHourIaqi() {
        Map<AqiItem, Double> hour = new EnumMap<>(AqiItem.class);
        hour.put(AqiItem.SO2_1H, 900.0);
        hour.put(AqiItem.SO2_24H, 300.0); // (150 − 100)/(475 − 150)·(300 − 150) + 100 = 123.08 → 124
        hour.put(AqiItem.PM25_1H, 40.0);  // 24 h breakpoints: 50/40·5 + 50 = 56.25 → 57
        AirQualityIndex aqi = AirQualityIndex.hourly(hour);
        assertEquals(124, aqi.aqi());
        AirQualityIndex.Iaqi so2 = aqi.items().stream().filter(i -> i.item() == AqiItem.SO2_1H).findFirst()
                .orElseThrow();
        assertEquals(AqiItem.SO2_24H, so2.reportedFrom());
        assertEquals(900.0, so2.concentration());
        assertEquals(2, aqi.items().size(), "the 24-hour SO2 is not an hourly item of its own");
        UserException e = assertThrows(UserException.class,
                () -> AirQualityIndex.hourly(Map.of(AqiItem.SO2_1H, 900.0)));
        assertEquals("aqi.error.so2NeedsDaily", e.key());
    }

    @Test
    void eightHourOzoneAboveEightHundredTakesTheOneHourIaqi() {
        Map<AqiItem, Double> day = new EnumMap<>(AqiItem.class);
        day.put(AqiItem.O3_8H, 850.0);
        day.put(AqiItem.O3_1H, 900.0); // (400 − 300)/(1000 − 800)·(900 − 800) + 300 = 350
        AirQualityIndex aqi = AirQualityIndex.daily(day);
        assertEquals(350, aqi.aqi());
        assertEquals(List.of(AqiItem.O3_1H, AqiItem.O3_8H), aqi.primary());
        assertEquals(6, aqi.category().level());
    }

    @Test
    void aboveTheTableIsReportedAsFiveHundred() {
        AirQualityIndex aqi = AirQualityIndex.daily(Map.of(AqiItem.PM25_24H, 620.0));
        assertEquals(500, aqi.aqi());
        assertTrue(aqi.items().get(0).beyondTable());
        assertEquals("严重污染", aqi.category().nameZh());
    }
}
