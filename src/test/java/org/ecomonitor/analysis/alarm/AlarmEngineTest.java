package org.ecomonitor.analysis.alarm;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Reading;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmEngineTest {

    private static final long H = 3_600_000L;
    private static final long T0 = 1_700_000_000_000L / H * H;
    private static final Station AIR = new Station("TR01", "铜仁市监测站", StationKind.AIR, 109.19, 27.73, "520602",
            null, null);
    private static final Station RIVER = new Station("JJ01", "锦江断面", StationKind.SURFACE_WATER, 109.2, 27.7,
            "520602", null, null);

    /** Hourly readings of one parameter from T0, one per value; NaN means no reading that hour. */
    private static List<Reading> hourly(String station, String parameter, double... values) {
        List<Reading> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.add(new Reading(station, parameter, T0 + i * H, values[i], Flag.N, "test"));
            }
        }
        return out;
    }

    @Test
    void runsOfExceedingReadingsAreOneAlarmEach() {
        List<Reading> pm = hourly("TR01", "a34004", 60, 80, 90, 70, 40, 120, 30);
        List<Alarm> a = AlarmEngine.evaluate(AIR, pm, List.of(AlarmRule.limit("pm25-75", "a34004", 75,
                "GB 3095-2012 二级")), T0, T0 + 6 * H);
        assertEquals(2, a.size());
        assertEquals(T0 + H, a.get(0).start());
        assertEquals(T0 + 2 * H, a.get(0).end());
        assertEquals(90, a.get(0).value());
        assertEquals("a34004 at TR01 above the limit 75 GB 3095-2012 二级: up to 90 (2 readings)",
                a.get(0).message(Messages.ENGLISH));
        assertEquals("站点 TR01 的 a34004 超过限值 75（GB 3095-2012 二级）：最高 90（2 个数据）",
                a.get(0).message(Messages.CHINESE));
        assertEquals(120, a.get(1).value());
    }

    @Test
    void consecutiveExceedancesNeedNInARow() {
        List<Reading> cod = hourly("JJ01", "w01018", 55, 62, 64, 61, 40, 70, 71);
        AlarmRule rule = AlarmRule.consecutive("cod-permit", "w01018", 60, 3, "排污许可 91520600XXXX");
        List<Alarm> a = AlarmEngine.evaluate(RIVER, cod, List.of(rule), T0, T0 + 6 * H);
        assertEquals(1, a.size(), "62, 64, 61 are three in a row; 70, 71 only two");
        assertEquals(3, a.get(0).args().get(2));
        assertEquals(64.0, a.get(0).value());
    }

    @Test
    void lowDissolvedOxygenIsBelowTheLimit() {
        List<Reading> dox = hourly("JJ01", "w01009", 6.2, 4.8, 4.1, 5.5);
        AlarmRule rule = AlarmRule.limit("do-III", "w01009", 5, "GB 3838-2002 Ⅲ类").belowLimit()
                .forStationKind(StationKind.SURFACE_WATER);
        List<Alarm> a = AlarmEngine.evaluate(RIVER, dox, List.of(rule), T0, T0 + 3 * H);
        assertEquals(1, a.size());
        assertEquals(4.1, a.get(0).value());
        assertEquals("alarm.limit.below", a.get(0).messageKey());
        assertTrue(AlarmEngine.evaluate(AIR, hourly("TR01", "w01009", 1), List.of(rule), T0, T0).isEmpty(),
                "the rule is for surface-water stations only");
    }

    @Test
    void abruptChangesFlatLinesGapsAndFlags() {
        double nan = Double.NaN;
        List<Reading> so2 = new ArrayList<>(hourly("TR01", "a21026",
                10, 12, 80, 14, 15, 15, 15, 15, 15, 15, nan, nan, nan, nan, nan, 16, 17));
        so2.add(new Reading("TR01", "a21026", T0 + 17 * H, 900, Flag.C, "calibration"));
        so2.add(new Reading("TR01", "a21026", T0 + 18 * H, 950, Flag.C, "calibration"));
        List<AlarmRule> rules = List.of(
                AlarmRule.rateOfChange("so2-jump", "a21026", 50),
                AlarmRule.flatLine("stuck", AlarmRule.ANY_PARAMETER, 6),
                AlarmRule.dataGap("silent", "a21026", 4),
                AlarmRule.flagged("flags", "a21026", Set.of(Flag.C, Flag.D)));
        List<Alarm> a = AlarmEngine.evaluate(AIR, so2, rules, T0, T0 + 24 * H);
        List<AlarmKind> kinds = a.stream().map(Alarm::kind).toList();
        assertEquals(List.of(AlarmKind.RATE_OF_CHANGE, AlarmKind.RATE_OF_CHANGE, AlarmKind.FLAT_LINE,
                AlarmKind.DATA_GAP, AlarmKind.FLAGGED_DATA, AlarmKind.DATA_GAP), kinds);
        assertEquals(68, a.get(0).value(), 1e-12, "12 → 80 in one hour");
        assertEquals(-66, a.get(1).value(), 1e-12);
        Alarm flat = a.get(2);
        assertEquals(T0 + 4 * H, flat.start());
        assertEquals(6, flat.args().get(4), "15 six hours in a row (04:00 to 10:00)");
        Alarm gap = a.get(3);
        assertEquals(T0 + 9 * H, gap.start());
        assertEquals(T0 + 15 * H, gap.end());
        assertEquals(6, gap.value(), 1e-12);
        assertEquals(2, a.get(4).value(), 1e-12, "two calibration readings, one alarm");
        assertEquals("alarm.gap.open", a.get(5).messageKey(), "silent from 18:00 to 24:00");
        assertTrue(a.stream().noneMatch(x -> x.kind() == AlarmKind.RATE_OF_CHANGE && x.value() > 800),
                "flagged readings do not count as changes");
    }

    @Test
    void aSilentStationRaisesAStationGap() {
        List<Alarm> a = AlarmEngine.evaluate(AIR, List.of(), List.of(AlarmRule.dataGap("any", "*", 2)),
                T0, T0 + 5 * H);
        assertEquals(1, a.size());
        assertEquals("No data at all from TR01 for 5 hours up to now (allowed 2): check the station and its "
                + "transmission", a.get(0).message(Messages.ENGLISH));
    }

    @Test
    void rulesAreCheckedAndDisabledRulesSkipped() {
        UserException e = assertThrows(UserException.class, () -> AlarmRule.consecutive("bad", "a34004", 75, 0,
                "").validate());
        assertEquals("alarm.error.count", e.key());
        assertThrows(UserException.class, () -> AlarmRule.limit("bad", "*", 75, "").validate());
        assertThrows(UserException.class, () -> AlarmRule.dataGap("bad", "a34004", 0).validate());
        List<Reading> pm = hourly("TR01", "a34004", 500);
        assertTrue(AlarmEngine.evaluate(AIR, pm, List.of(AlarmRule.limit("off", "a34004", 75, "").withEnabled(false)),
                T0, T0).isEmpty());
        assertTrue(AlarmEngine.evaluate(AIR, pm, List.of(AlarmRule.limit("other", "a34004", 75, "")
                .forStation("TR02")), T0, T0).isEmpty());
    }
}
