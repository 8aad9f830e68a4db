package org.ecomonitor.analysis.layout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constraints every layout must keep. */
final class LayoutAssertions {

    private LayoutAssertions() {
    }

    /**
     * Every new point lies inside the area and outside exclusions and is at least {@code spacing} from every other
     * point (existing pairs exempt: they are given).
     */
    static void assertAdmissibleAndSpaced(StudyArea area, LayoutPlan plan, double spacing) {
        List<PlannedPoint> pts = plan.points();
        for (PlannedPoint p : pts) {
            if (p.status() != PointStatus.NEW) {
                continue;
            }
            assertTrue(area.isAdmissible(p.x(), p.y()), p.id() + " at " + p.x() + ", " + p.y() + " is not admissible");
            if (area.area() != null) {
                var pt = area.area().getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(p.x(), p.y()));
                assertTrue(area.area().covers(pt), p.id() + " outside the area");
                if (area.exclusions() != null) {
                    assertTrue(!area.exclusions().intersects(pt), p.id() + " inside an exclusion");
                }
            }
            for (PlannedPoint q : pts) {
                if (q != p) {
                    double d = Math.hypot(p.x() - q.x(), p.y() - q.y());
                    assertTrue(d >= spacing - 1e-9, p.id() + " is " + d + " m from " + q.id());
                }
            }
        }
    }
}
