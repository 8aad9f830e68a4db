package org.ecomonitor.analysis.aggregate;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Reading;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 3095-2012 Table 4 validity rules, and local days in the station's zone. */
class AggregationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AggregationOptions OPTIONS = AggregationOptions.defaults();

    private static long at(LocalDateTime local) {
        return local.atZone(SHANGHAI).toInstant().toEpochMilli();
    }

    /** Hourly PM2.5 readings of one local day for the given hours, value = 10 + hour. */
    private static List<Reading> day(LocalDate date, int... hours) {
        List<Reading> out = new ArrayList<>();
        for (int h : hours) {
            out.add(new Reading("TR01", "a34004", at(date.atTime(h, 0)), 10 + h, Flag.N, "test"));
        }
        return out;
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void aDailyMeanNeedsTwentyHourlyValues() {
        LocalDate d = LocalDate.of(2024, 5, 1);
        AggregateValue full = DailyMean.of(day(d, range(0, 24)), OPTIONS).get(0);
        assertTrue(full.isValid());
        assertEquals(10 + 11.5, full.value(), 1e-12, "mean of 10..33");
        assertEquals(24, full.count());

        AggregateValue twenty = DailyMean.of(day(d, range(0, 20)), OPTIONS).get(0);
        assertTrue(twenty.isValid());
        assertEquals(10 + 9.5, twenty.value(), 1e-12);

        AggregateValue nineteen = DailyMean.of(day(d, range(0, 19)), OPTIONS).get(0);
        assertFalse(nineteen.isValid(), "19 hourly values are not a day");
        assertTrue(Double.isNaN(nineteen.value()));
        assertEquals(MissingReason.TOO_FEW_VALUES, nineteen.reason());
        assertEquals("too few values: 19 of the 20 required", nineteen.describeMissing(Messages.ENGLISH));
        assertEquals("有效数据不足：19 个，至少需要 20 个", nineteen.describeMissing(Messages.CHINESE));
    }

    @Test
    void flaggedReadingsAreLeftOutUnlessAskedFor() {
        LocalDate d = LocalDate.of(2024, 5, 1);
        List<Reading> readings = new ArrayList<>(day(d, range(0, 19)));
        readings.add(new Reading("TR01", "a34004", at(d.atTime(20, 0)), 500, Flag.C, "calibration"));
        readings.add(new Reading("TR01", "a34004", at(d.atTime(21, 0)), 600, Flag.M, "maintenance"));
        assertFalse(DailyMean.of(readings, OPTIONS).get(0).isValid());
        AggregateValue with = DailyMean.of(readings, OPTIONS.includingFlagged()).get(0);
        assertTrue(with.isValid());
        assertEquals(21, with.count());
    }

    @Test
    void daysAreLocalDaysAndEmptyDaysAppearAsMissing() {
        // 16:00 UTC on 30 April is 00:00 on 1 May in Shanghai
        long midnight = java.time.Instant.parse("2024-04-30T16:00:00Z").toEpochMilli();
        List<Reading> readings = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            readings.add(new Reading("TR01", "a34004", midnight + h * 3_600_000L, 30, Flag.N, null));
            readings.add(new Reading("TR01", "a34004", midnight + (48 + h) * 3_600_000L, 50, Flag.N, null));
        }
        List<AggregateValue> days = DailyMean.of(readings, OPTIONS);
        assertEquals(3, days.size());
        assertEquals(LocalDate.of(2024, 5, 1).atStartOfDay(), days.get(0).start());
        assertEquals(30, days.get(0).value(), 0);
        assertEquals(MissingReason.NO_DATA, days.get(1).reason());
        assertEquals(50, days.get(2).value(), 0);
        List<AggregateValue> utcDays = DailyMean.of(readings, AggregationOptions.of(ZoneId.of("UTC")));
        assertEquals(LocalDate.of(2024, 4, 30).atStartOfDay(), utcDays.get(0).start());
        assertFalse(utcDays.get(0).isValid(), "only 8 hours of 30 April UTC");
    }

    @Test
    void eightHourOzoneMeanNeedsSixOfEightHours() {
        LocalDate d = LocalDate.of(2024, 7, 1);
        List<AggregateValue> six = OzoneEightHour.movingMeans(day(d, 0, 1, 2, 3, 4, 7), OPTIONS);
        AggregateValue w = six.get(0);
        assertEquals(d.atTime(0, 0), w.start());
        assertEquals(d.atTime(8, 0), w.end());
        assertTrue(w.isValid());
        assertEquals(10 + (0 + 1 + 2 + 3 + 4 + 7) / 6.0, w.value(), 1e-12);
        AggregateValue five = OzoneEightHour.movingMeans(day(d, 0, 1, 2, 3, 7), OPTIONS).get(0);
        assertFalse(five.isValid());
        assertEquals(5, five.count());
    }

    @Test
    void dailyMaximumEightHourOzoneNeedsFourteenValidWindows() {
        LocalDate d = LocalDate.of(2024, 7, 1);
        // all 24 hours: 17 windows, the last (16:00–24:00) is the largest: mean of 26..33 = 29.5
        AggregateValue full = OzoneEightHour.dailyMaximum(day(d, range(0, 24)), OPTIONS).get(0);
        assertEquals(17, full.count());
        assertEquals(29.5, full.value(), 1e-12);
        // hours 0–4 missing: windows starting at 0, 1, 2 have 3, 4, 5 hours → 14 valid windows remain
        AggregateValue fourteen = OzoneEightHour.dailyMaximum(day(d, range(5, 24)), OPTIONS).get(0);
        assertEquals(14, fourteen.count());
        assertTrue(fourteen.isValid());
        // hours 0–5 missing: 13 valid windows → missing
        AggregateValue thirteen = OzoneEightHour.dailyMaximum(day(d, range(6, 24)), OPTIONS).get(0);
        assertEquals(13, thirteen.count());
        assertFalse(thirteen.isValid());
    }

    @Test
    void hj663KeepsAnExceedingOzoneDayWithFewerWindows() {
        LocalDate d = LocalDate.of(2024, 7, 1);
        List<Reading> high = new ArrayList<>();
        for (int h = 6; h < 24; h++) {
            high.add(new Reading("TR01", "a05024", at(d.atTime(h, 0)), 200, Flag.N, null));
        }
        assertFalse(OzoneEightHour.dailyMaximum(high, OPTIONS).get(0).isValid());
        AggregateValue kept = OzoneEightHour.dailyMaximum(high, OPTIONS.withRules(ValidityRules.HJ663_2013)).get(0);
        assertTrue(kept.isValid(), "200 µg/m³ exceeds 160 µg/m³: the day counts (HJ 663-2013)");
        assertEquals(200, kept.value(), 1e-12);
    }

    private static List<AggregateValue> days(LocalDate first, int count, java.util.function.IntPredicate valid) {
        List<AggregateValue> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate d = first.plusDays(i);
            out.add(valid.test(i)
                    ? new AggregateValue(d.atStartOfDay(), d.plusDays(1).atStartOfDay(), i, 24, 20, MissingReason.NONE)
                    : new AggregateValue(d.atStartOfDay(), d.plusDays(1).atStartOfDay(), Double.NaN, 3, 20,
                    MissingReason.TOO_FEW_VALUES));
        }
        return out;
    }

    @Test
    void aMonthNeedsTwentySevenDaysAndFebruaryTwentyFive() {
        ValidityRules rules = ValidityRules.GB3095_2012;
        // January 2023: 27 valid days (days 1..27), February: 25 valid, March: 26 valid
        List<AggregateValue> d = days(LocalDate.of(2023, 1, 1), 31 + 28 + 31, i ->
                i < 27 || (i >= 31 && i < 31 + 25) || (i >= 59 && i < 59 + 26));
        List<AggregateValue> months = CalendarMean.monthly(d, rules);
        assertEquals(3, months.size());
        assertTrue(months.get(0).isValid());
        assertEquals(13, months.get(0).value(), 1e-12, "mean of the day indices 0..26");
        assertTrue(months.get(1).isValid(), "25 days suffice in February");
        assertEquals(25, months.get(1).required());
        assertFalse(months.get(2).isValid(), "26 days do not suffice in March");
        assertEquals(26, months.get(2).count());
    }

    @Test
    void aYearNeedsThreeHundredTwentyFourDays() {
        ValidityRules rules = ValidityRules.GB3095_2012;
        assertTrue(CalendarMean.annual(days(LocalDate.of(2023, 1, 1), 365, i -> i < 324), rules).get(0).isValid());
        assertFalse(CalendarMean.annual(days(LocalDate.of(2023, 1, 1), 365, i -> i < 323), rules).get(0).isValid());
    }

    @Test
    void winterRunsFromDecemberIntoTheNextYear() {
        List<AggregateValue> d = days(LocalDate.of(2022, 12, 1), 31 + 31 + 28 + 31, i -> true);
        List<AggregateValue> seasons = CalendarMean.seasonal(d, ValidityRules.GB3095_2012);
        assertEquals(2, seasons.size());
        assertEquals(LocalDate.of(2022, 12, 1).atStartOfDay(), seasons.get(0).start());
        assertEquals(LocalDate.of(2023, 3, 1).atStartOfDay(), seasons.get(0).end());
        assertEquals(90, seasons.get(0).count());
        assertEquals(27 + 27 + 25, seasons.get(0).required());
        assertFalse(seasons.get(1).isValid(), "spring has only March");
    }

    @Test
    void accurateMeanGivesEqualMeansForEqualMultisets() {
        double[] a = {0.1, 0.2, 0.3, 15.04, 7.77, 1e-3};
        double[] b = {7.77, 1e-3, 15.04, 0.3, 0.1, 0.2};
        assertEquals(AccurateMean.of(a), AccurateMean.of(b), 0.0);
        assertEquals(23.411 / 6, AccurateMean.of(a), 1e-15);
    }
}
