package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stations per county against a rule, the largest gap and the distance raster. */
class CoverageCheckTest {

    @Test
    void countsPerCountyLargestGapAndDistanceRaster() {
        StudyArea area = StratifiedLayoutTest.threeCounties();
        List<Site> stations = List.of(Site.of("A1", 1000, 1000), Site.of("A2", 9000, 9000),
                Site.of("B1", 20_000, 5000), new Site("C1", 50_000, 50_000, "520621", Double.NaN),
                Site.of("X", -5000, -5000));
        CoverageCheck.Report r = CoverageCheck.check(area, stations, CoverageCheck.Options.of(2)
                .withEvaluationCells(20_000), Progress.NONE);
        assertEquals(3, r.zones().size());
        assertEquals(List.of("A1", "A2"), r.zones().get(0).pointIds());
        assertTrue(r.zones().get(0).satisfied());
        assertEquals(1, r.zones().get(1).count());
        assertFalse(r.zones().get(1).satisfied());
        assertEquals(List.of("C1"), r.zones().get(2).pointIds(), "a station's own adcode counts");
        assertEquals(List.of("X"), r.outside());
        assertFalse(r.satisfied());
        assertEquals(2, r.failing().size());

        // the farthest admissible place is the far corner of the second county: (30000, 0) or (30000, 10000)
        double expected = Math.hypot(10_000, 5000);
        assertEquals(expected, r.metrics().maxGap(), 1.0);
        assertEquals(30_000, r.metrics().gapX(), 1.0);
        assertEquals(expected, r.raster().max(), r.raster().grid().cellSize());
        assertTrue(r.raster().max() <= r.metrics().maxGap());
        long inside = java.util.Arrays.stream(r.raster().distance()).filter(d -> !Double.isNaN(d)).count();
        assertTrue(inside > 15_000);
    }
}
