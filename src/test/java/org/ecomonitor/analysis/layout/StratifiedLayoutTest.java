package org.ecomonitor.analysis.layout;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stratified random soil layouts (HJ/T 166) and county quotas. */
class StratifiedLayoutTest {

    static StudyArea threeCounties() {
        Geometry a = SpatialCoverageDesignTest.box(0, 0, 10_000, 10_000);
        Geometry b = SpatialCoverageDesignTest.box(10_000, 0, 30_000, 10_000);
        Geometry c = SpatialCoverageDesignTest.box(0, 10_000, 2_000, 12_000);
        return StudyArea.of(4545, a.union(b).union(c)).withZones(List.of(new Zone("520602", "碧江区", a),
                new Zone("520603", "万山区", b), new Zone("520621", "江口县", c)));
    }

    @Test
    void quotaByAreaCoversEveryCounty() {
        assertArrayEquals(new int[]{1, 1, 1}, QuotaAllocation.proportional(new double[]{100, 200, 4}, 3, 1));
        assertArrayEquals(new int[]{4, 7, 1}, QuotaAllocation.proportional(new double[]{100, 200, 4}, 12, 1));
        assertArrayEquals(new int[]{3, 7, 0}, QuotaAllocation.proportional(new double[]{100, 200, 4}, 10, 0));
        assertThrows(UserException.class, () -> QuotaAllocation.proportional(new double[]{1, 1}, 3, 2));

        StudyArea area = threeCounties();
        List<Site> fixed = List.of(new Site("OLD1", 5000, 5000, null, Double.NaN),
                new Site("OLD2", 5100, 5200, "520602", Double.NaN));
        StratifiedLayout.Options o = StratifiedLayout.Options.of(30).withSeed(4).withMinSpacing(300)
                .withCells(20_000, 20_000);
        LayoutPlan plan = StratifiedLayout.plan(area, fixed, o, Progress.NONE);
        Map<String, Integer> after = plan.after().pointsPerZone();
        assertEquals(30, after.values().stream().mapToInt(Integer::intValue).sum());
        after.values().forEach(n -> assertTrue(n >= 1, "every county has a point: " + after));
        assertEquals(2, plan.before().pointsPerZone().get("520602"));
        assertEquals(28, plan.added().size(), "the two existing points count towards their county's quota");
        for (PlannedPoint p : plan.added()) {
            int z = area.zoneAt(p.x(), p.y());
            assertEquals(area.zones().get(z).id(), p.label(), "labelled with its own county");
            assertTrue(p.id().startsWith(p.label() + "-"));
        }
        LayoutAssertions.assertAdmissibleAndSpaced(area, plan, 300);
    }

    @Test
    void givenQuotasPerLandUseWithCoveragePlacement() {
        Geometry dry = SpatialCoverageDesignTest.box(0, 0, 6000, 4000);
        Geometry forest = SpatialCoverageDesignTest.box(6000, 0, 10_000, 4000);
        Geometry lake = SpatialCoverageDesignTest.box(1000, 1000, 2000, 2000);
        StudyArea area = StudyArea.of(4545, dry.union(forest)).withExclusions(lake)
                .withZones(List.of(new Zone("dryland", null, dry), new Zone("forest", null, forest)));
        StratifiedLayout.Options o = StratifiedLayout.Options.ofQuotas(Map.of("dryland", 8, "forest", 3))
                .withPlacement(StratifiedLayout.Placement.COVERAGE).withMinSpacing(200).withCells(10_000, 10_000);
        LayoutPlan plan = StratifiedLayout.plan(area, List.of(), o, Progress.NONE);
        assertEquals(StratifiedLayout.COVERAGE_METHOD, plan.method());
        assertEquals(Map.of("dryland", 8, "forest", 3), plan.after().pointsPerZone());
        LayoutAssertions.assertAdmissibleAndSpaced(area, plan, 200);
        assertThrows(UserException.class, () -> StratifiedLayout.plan(area, List.of(),
                StratifiedLayout.Options.ofQuotas(Map.of("wetland", 2)), Progress.NONE));
    }
}
