package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 3838-2002 single-factor evaluation, worked by hand from Table 1. */
class SurfaceWaterEvaluationTest {

    private static Map<String, Double> sample(Object... keyValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void theWorstItemDecidesARiverSample() {
        // pH 7.5 → I; DO 6.5 ≥ 6 → II; CODMn 4.5 ≤ 6 → III; NH3-N 1.2 ≤ 1.5 → IV; TP 0.25 ≤ 0.3 → IV
        Map<String, Double> s = sample("ph", 7.5, "do", 6.5, "codmn", 4.5, "nh3n", 1.2, "tp", 0.25, "tn", 3.0);
        SurfaceWaterEvaluation.Result r = SurfaceWaterEvaluation.of(WaterBody.RIVER).evaluate(s);
        assertEquals(SurfaceWaterClass.IV, r.waterClass());
        assertEquals(List.of("nh3n", "tp"), r.decisive().stream().map(i -> i.item().key()).toList());
        // exceedance against class III: TP (0.25 − 0.2)/0.2 = 0.25, NH3-N (1.2 − 1.0)/1.0 = 0.2, largest first
        assertEquals(List.of("tp", "nh3n"), r.exceeding().stream().map(i -> i.item().key()).toList());
        assertEquals(0.25, r.exceeding().get(0).exceedanceMultiple(), 1e-12);
        assertEquals(0.2, r.exceeding().get(1).exceedanceMultiple(), 1e-12);
        assertEquals(List.of("tn"), r.notEvaluated(), "total nitrogen is not evaluated for rivers");
        assertEquals("Ⅳ类", r.waterClass().label(Messages.CHINESE));
    }

    @Test
    void lakesHaveTheirOwnPhosphorusLimitsAndTotalNitrogen() {
        Map<String, Double> s = sample("w01001", 7.5, "w21011", 0.25, "w21001", 3.0, "w21003", 0.4);
        SurfaceWaterEvaluation.Result r = SurfaceWaterEvaluation.of(WaterBody.LAKE_RESERVOIR).evaluate(s);
        // lake TP: 0.25 > 0.2 (class V) → 劣V; TN 3.0 > 2.0 → 劣V; NH3-N 0.4 → II
        assertEquals(SurfaceWaterClass.WORSE_THAN_V, r.waterClass());
        assertEquals("劣Ⅴ类", r.waterClass().label(Messages.CHINESE));
        assertEquals("worse than Class V", r.waterClass().label(Messages.ENGLISH));
        // TP (0.25 − 0.05)/0.05 = 4, TN (3.0 − 1.0)/1.0 = 2
        assertEquals("tp_lake", r.exceeding().get(0).item().key());
        assertEquals(4.0, r.exceeding().get(0).exceedanceMultiple(), 1e-12);
        assertEquals(2.0, r.exceeding().get(1).exceedanceMultiple(), 1e-12);

        SurfaceWaterEvaluation measures2011 = new SurfaceWaterEvaluation(WaterBody.LAKE_RESERVOIR,
                SurfaceWaterClass.III, true);
        SurfaceWaterEvaluation.Result r2 = measures2011.evaluate(sample("tp", 0.04, "tn", 3.0));
        assertEquals(SurfaceWaterClass.III, r2.waterClass(), "TN is reported but does not set the class");
        assertEquals(1, r2.exceeding().size());
    }

    @Test
    void dissolvedOxygenIsHigherIsBetterAndPhMustLieWithinSixToNine() {
        SurfaceWaterEvaluation e = SurfaceWaterEvaluation.of(WaterBody.RIVER);
        SurfaceWaterStandard std = SurfaceWaterStandard.get();
        SurfaceWaterItem dox = std.item("do", WaterBody.RIVER);
        assertEquals(SurfaceWaterClass.I, dox.classify(7.5));
        assertEquals(SurfaceWaterClass.III, dox.classify(5.0));
        assertEquals(SurfaceWaterClass.V, dox.classify(2.0));
        assertEquals(SurfaceWaterClass.WORSE_THAN_V, dox.classify(1.9));
        SurfaceWaterItem ph = std.item("ph", WaterBody.RIVER);
        assertEquals(SurfaceWaterClass.I, ph.classify(6.0));
        assertEquals(SurfaceWaterClass.I, ph.classify(9.0));
        assertEquals(SurfaceWaterClass.WORSE_THAN_V, ph.classify(9.2));
        assertEquals(SurfaceWaterClass.WORSE_THAN_V, ph.classify(5.8));

        SurfaceWaterEvaluation.Result r = e.evaluate(sample("ph", 9.2, "do", 4.0));
        assertEquals(SurfaceWaterClass.WORSE_THAN_V, r.waterClass());
        assertEquals(2, r.exceeding().size());
        assertTrue(r.exceeding().stream().allMatch(i -> Double.isNaN(i.exceedanceMultiple())),
                "no exceedance multiple for pH and dissolved oxygen");
    }

    @Test
    void equalLimitsGiveTheBestClassMet() {
        SurfaceWaterItem cod = SurfaceWaterStandard.get().item("cod", WaterBody.RIVER);
        assertEquals(SurfaceWaterClass.I, cod.classify(15), "classes I and II share 15 mg/L");
        assertEquals(SurfaceWaterClass.III, cod.classify(15.1));
        assertNull(SurfaceWaterStandard.get().item("w01010", WaterBody.RIVER), "water temperature is not in Table 1");
    }

    @Test
    void aSectionOverAPeriodIsEvaluatedOnItsMeans() {
        List<Map<String, Double>> month = List.of(
                sample("nh3n", 0.8, "codmn", 3.0),
                sample("nh3n", 1.4, "codmn", 5.0),
                sample("nh3n", 1.1));
        SurfaceWaterEvaluation.Result r = SurfaceWaterEvaluation.of(WaterBody.RIVER).evaluatePeriod(month);
        // NH3-N mean (0.8 + 1.4 + 1.1)/3 = 1.1 → IV; CODMn mean 4.0 → II
        assertEquals(SurfaceWaterClass.IV, r.waterClass());
        assertEquals(1.1, r.items().get(0).value(), 1e-12);
        assertEquals(0.1, r.exceeding().get(0).exceedanceMultiple(), 1e-12);
    }
}
