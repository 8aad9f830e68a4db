package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Reading;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 3096-2008, HJ 640-2012 and GB 15618-2018, worked by hand from their tables. */
class NoiseAndSoilTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void leqIsTheEnergyAverage() {
        // 10·log10((10^6 + 10^7)/2) = 10·log10(5.5·10^6) = 67.4036
        assertEquals(67.40362689, EquivalentLevel.of(60, 70), 1e-8);
        assertEquals(55.0, EquivalentLevel.of(55, 55, 55), 1e-12);
        assertEquals(120.0, EquivalentLevel.of(120, 120), 1e-12);
        assertTrue(Double.isNaN(EquivalentLevel.of()));
    }

    @Test
    void dayAndNightAgainstTheZoneLimits() {
        NoiseZone zone2 = NoiseLimits.zone("2");
        assertEquals(60, zone2.dayLimit());
        assertEquals(50, zone2.nightLimit());
        assertEquals(55, NoiseLimits.zone("4a").nightLimit());
        assertEquals(60, NoiseLimits.zone("4B").nightLimit());
        LocalDate d = LocalDate.of(2024, 3, 5);
        List<Reading> hourly = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            double level = h >= 6 && h < 22 ? 58 : 48;
            hourly.add(new Reading("N01", "Leq", d.atTime(h, 0).atZone(SHANGHAI).toInstant().toEpochMilli(),
                    level, Flag.N, null));
        }
        // one loud hour at 21:00 and one at 23:00; a calibration hour is left out
        hourly.set(21, new Reading("N01", "Leq", hourly.get(21).instant(), 70, Flag.N, null));
        hourly.set(23, new Reading("N01", "Leq", hourly.get(23).instant(), 62, Flag.N, null));
        hourly.set(12, new Reading("N01", "Leq", hourly.get(12).instant(), 99, Flag.C, null));
        List<NoiseDayNightAssessment.Result> r = NoiseDayNightAssessment.assess(hourly, zone2, SHANGHAI);
        assertEquals(3, r.size(), "night of the 4th (00–06), day of the 5th, night of the 5th (22–24)");
        NoiseDayNightAssessment.Result day = r.get(1);
        assertEquals(NoisePeriod.DAY, day.period());
        assertEquals(15, day.hours());
        // 14 hours at 58 and one at 70: 10·log10((14·10^5.8 + 10^7)/15) = 61.6
        double expected = 10 * Math.log10((14 * Math.pow(10, 5.8) + 1e7) / 15);
        assertEquals(expected, day.leq(), 1e-9);
        assertTrue(day.exceeds());
        assertEquals(expected - 60, day.excess(), 1e-9);
        NoiseDayNightAssessment.Result night = r.get(2);
        assertEquals(d, night.date());
        assertEquals(10 * Math.log10((Math.pow(10, 4.8) + Math.pow(10, 6.2)) / 2), night.leq(), 1e-9);
        assertTrue(night.exceeds());
        NoiseDayNightAssessment.Result earlyNight = r.get(0);
        assertEquals(d.minusDays(1), earlyNight.date());
        assertFalse(earlyNight.exceeds());
        assertEquals("夜间", Messages.get(Messages.CHINESE, earlyNight.period().messageKey()));
        assertThrows(UserException.class, () -> NoiseLimits.zone("5"));
    }

    @Test
    void hj640GradesRoundToOneDecimalBeforeComparing() {
        assertEquals(NoiseGrade.GOOD, NoiseGrading.grade(NoiseGrading.Assessment.REGIONAL, NoisePeriod.DAY, 50.0));
        assertEquals(NoiseGrade.GOOD, NoiseGrading.grade(NoiseGrading.Assessment.REGIONAL, NoisePeriod.DAY, 50.04));
        assertEquals(NoiseGrade.GOOD, NoiseGrading.grade(NoiseGrading.Assessment.REGIONAL, NoisePeriod.DAY, 50.05),
                "50.05 rounds half to even: 50.0");
        assertEquals(NoiseGrade.FAIRLY_GOOD,
                NoiseGrading.grade(NoiseGrading.Assessment.REGIONAL, NoisePeriod.DAY, 50.06));
        assertEquals(NoiseGrade.POOR, NoiseGrading.grade(NoiseGrading.Assessment.REGIONAL, NoisePeriod.DAY, 65.1));
        assertEquals(NoiseGrade.FAIRLY_POOR,
                NoiseGrading.grade(NoiseGrading.Assessment.REGIONAL, NoisePeriod.NIGHT, 55.0));
        // road traffic, length-weighted: (68·1 + 72·3)/4 = 71.0 → 70.1–72.0 → grade 3
        NoiseGrading.Result road = NoiseGrading.roadTraffic(NoisePeriod.DAY, new double[] {68, 72},
                new double[] {1, 3});
        assertEquals(71.0, road.mean(), 1e-12);
        assertEquals(NoiseGrade.FAIR, road.grade());
        assertEquals("一般", road.grade().label(Messages.CHINESE));
        NoiseGrading.Result grid = NoiseGrading.regional(NoisePeriod.NIGHT,
                new double[] {44, 46, Double.NaN, 45});
        assertEquals(45.0, grid.mean(), 1e-12);
        assertEquals(NoiseGrade.FAIRLY_GOOD, grid.grade());
        assertFalse(grid.enoughPoints(), "HJ 640 wants more than 100 valid squares");
    }

    @Test
    void soilScreeningAndInterventionByPhBandAndLandUse() {
        // Cd 0.5 mg/kg, pH 6.0 (5.5 < pH ≤ 6.5), paddy: screening 0.4, intervention 2.0 → between
        SoilStandard.Assessment a = SoilStandard.assess("Cd", 0.5, 6.0, SoilLandUse.PADDY);
        assertEquals(0.4, a.screening());
        assertEquals(2.0, a.intervention());
        assertEquals(SoilRiskClass.BETWEEN, a.riskClass());
        // the same on other land: screening 0.3 → still between
        assertEquals(0.3, SoilStandard.screeningValue("cd", 6.0, SoilLandUse.OTHER));
        // pH 5.5 belongs to the band pH ≤ 5.5, pH 6.5 to 5.5 < pH ≤ 6.5
        assertEquals(80, SoilStandard.screeningValue("pb", 5.5, SoilLandUse.PADDY));
        assertEquals(100, SoilStandard.screeningValue("pb", 6.5, SoilLandUse.PADDY));
        assertEquals(240, SoilStandard.screeningValue("pb", 7.6, SoilLandUse.PADDY));
        // Pb 800, pH 7.0: intervention 700 → above
        assertEquals(SoilRiskClass.ABOVE_INTERVENTION,
                SoilStandard.assess("pb", 800, 7.0, SoilLandUse.OTHER).riskClass());
        // Cu 120, pH 7.0: orchard 200 → below; other land 100 → above screening, no intervention value
        assertEquals(SoilRiskClass.BELOW_SCREENING, SoilStandard.assess("cu", 120, 7.0, SoilLandUse.ORCHARD).riskClass());
        SoilStandard.Assessment cu = SoilStandard.assess("cu", 120, 7.0, SoilLandUse.OTHER);
        assertEquals(SoilRiskClass.ABOVE_SCREENING, cu.riskClass());
        assertTrue(Double.isNaN(cu.intervention()));
        // Ni and Zn: one row for all land uses; paddy uses it too
        assertEquals(190, SoilStandard.screeningValue("ni", 8.0, SoilLandUse.PADDY));
        // Hg on a paddy field vs other land at pH 7.0: 0.6 vs 2.4
        assertEquals(0.6, SoilStandard.screeningValue("hg", 7.0, SoilLandUse.PADDY));
        assertEquals(2.4, SoilStandard.screeningValue("hg", 7.0, SoilLandUse.ORCHARD));
        UserException e = assertThrows(UserException.class,
                () -> SoilStandard.assess("sb", 1, 7, SoilLandUse.OTHER));
        assertEquals("soil.error.element", e.key());
        assertThrows(UserException.class, () -> SoilStandard.assess("cd", 1, Double.NaN, SoilLandUse.OTHER));
    }
}
