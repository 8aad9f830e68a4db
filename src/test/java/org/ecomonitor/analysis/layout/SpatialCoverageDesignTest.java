package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spatial coverage design (k-means, as spcosa) against the regular grid, and its constraints. */
class SpatialCoverageDesignTest {

    static final GeometryFactory GF = new GeometryFactory();

    static Geometry box(double x0, double y0, double x1, double y1) {
        return GF.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    @Test
    void hundredPointsOnTenKilometreSquareAreAsGoodAsTheRegularGrid() {
        StudyArea square = StudyArea.of(4545, box(0, 0, 10_000, 10_000));
        Discretisation d = square.discretise(50);
        assertEquals(40_000, d.size());
        double[] gx = new double[100];
        double[] gy = new double[100];
        for (int i = 0; i < 100; i++) {
            gx[i] = 500 + 1000 * (i % 10);
            gy[i] = 500 + 1000 * (i / 10);
        }
        double regular = SpatialCoverageDesign.mssd(d.x, d.y, gx, gy);
        // a^2/6 for cells of side a = 1000 m, less the discretisation's own (50 m)^2/6
        assertEquals(1000.0 * 1000 / 6 - 50.0 * 50 / 6, regular, 1e-6 * regular);

        long t0 = System.nanoTime();
        SpatialCoverageDesign.Result r = SpatialCoverageDesign.design(d, new double[0], new double[0],
                SpatialCoverageDesign.Options.of(100).withSeed(7), square::isAdmissible, Progress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("coverage 100 points: MSSD %.0f vs regular %.0f (ratio %.4f), %.2f s, restart %d, %d iterations%n",
                r.mssd(), regular, r.mssd() / regular, seconds, r.restart(), r.iterations());
        assertEquals(100, r.x().length);
        assertTrue(r.mssd() <= 1.02 * regular, "MSSD " + r.mssd() + " vs regular grid " + regular);
    }

    @Test
    void pointsStayInsideOutsideExclusionsApartAndFixedPointsStay() {
        // an L-shaped area (non-convex) with a lake
        Geometry area = box(0, 0, 8000, 3000).union(box(0, 0, 3000, 8000));
        Geometry lake = box(1000, 1000, 2500, 2500);
        StudyArea a = StudyArea.of(4545, area).withExclusions(lake);
        List<Site> fixed = List.of(Site.of("F1", 500, 500), Site.of("F2", 7000, 2000), Site.of("F3", 2000, 7000),
                Site.of("F4", 520, 520));
        double spacing = 600;
        SpatialCoverageDesign.Options o = SpatialCoverageDesign.Options.of(40).withSeed(3).withMinSpacing(spacing)
                .withCells(20_000).withEvaluationCells(20_000);
        LayoutPlan plan = SpatialCoverageDesign.plan(a, fixed, o, Progress.NONE);
        List<PlannedPoint> added = plan.added();
        assertEquals(40, added.size());
        assertEquals(44, plan.points().size());
        for (int i = 0; i < fixed.size(); i++) {
            PlannedPoint p = plan.points().get(i);
            assertEquals(fixed.get(i).id(), p.id());
            assertEquals(fixed.get(i).x(), p.x());
            assertEquals(fixed.get(i).y(), p.y());
            assertEquals(PointStatus.EXISTING, p.status());
        }
        LayoutAssertions.assertAdmissibleAndSpaced(a, plan, spacing);
        assertTrue(plan.after().mssd() < plan.before().mssd());
        assertEquals(4, plan.before().points());
        assertEquals(44, plan.after().points());

        LayoutPlan again = SpatialCoverageDesign.plan(a, fixed, o, Progress.NONE);
        assertArrayEquals(added.stream().mapToDouble(PlannedPoint::x).toArray(),
                again.added().stream().mapToDouble(PlannedPoint::x).toArray(), "same seed, same design");
    }
}
