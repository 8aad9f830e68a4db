package org.ecomonitor.analysis.layout;

import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HJ 640-2012 regional-noise grid of the sample's Bijiang built-up area, and the systematic soil grid. */
class GridLayoutTest {

    /** The sample's built-up area (samples/tongren/layers/bijiang_built_up_area.geojson) in EPSG:4545. */
    static Geometry bijiang() throws Exception {
        String json = Files.readString(Path.of("samples/tongren/layers/bijiang_built_up_area.geojson"));
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("features").get(0)
                .get("geometry");
        Geometry lonLat = new GeoJsonReader().read(node.toString());
        return LayoutProjection.of(4545).toPlane(lonLat);
    }

    @Test
    void bijiangBuiltUpAreaHasMoreThanHundredValidSquaresAndMarksInvalidOnes() throws Exception {
        StudyArea area = StudyArea.of(4545, bijiang());
        LayoutPlan plan = GridLayout.plan(area, List.of(), GridLayout.Options.hj640(), Progress.NONE);
        long valid = plan.cells().stream().filter(GridCell::valid).count();
        long invalid = plan.cells().stream().filter(c -> !c.valid()).count();
        double size = ((Number) plan.parameters().get("cell_size_m")).doubleValue();
        System.out.printf("Bijiang HJ 640 grid: %.0f m, %d valid, %d invalid squares, %.1f km2%n", size, valid,
                invalid, area.admissibleArea() / 1e6);
        assertTrue(valid > 100, "valid squares: " + valid);
        assertTrue(invalid > 0, "boundary squares more than half outside are marked invalid");
        assertEquals(valid, plan.added().size());
        // the largest round size that works: the next larger one gives at most 100
        int next = java.util.Arrays.binarySearch(negate(GridLayout.ROUND_SIZES), -size) - 1;
        long coarser = GridLayout.squares(area, GridLayout.ROUND_SIZES[next], 0.5).stream()
                .filter(GridCell::valid).count();
        assertTrue(coarser <= 100, GridLayout.ROUND_SIZES[next] + " m gives " + coarser);
        for (GridCell c : plan.cells()) {
            if (c.valid()) {
                assertTrue(c.admissibleFraction() >= 0.5);
                assertNotNull(c.pointId());
            } else {
                assertTrue(c.admissibleFraction() < 0.5);
                assertNull(c.pointId());
            }
        }
        Set<String> ids = new HashSet<>();
        for (PlannedPoint p : plan.added()) {
            assertTrue(ids.add(p.id()));
            assertTrue(p.id().matches("N-\\d{2}-\\d{2}"), p.id());
            long row = (Long) p.attributes().get("row");
            long col = (Long) p.attributes().get("col");
            assertEquals(String.format("N-%02d-%02d", row, col), p.id());
            assertTrue(p.longitude() > 109.1 && p.longitude() < 109.3 && p.latitude() > 27.6 && p.latitude() < 27.8);
        }
        // numbered row by row from the north-west
        List<PlannedPoint> pts = plan.added();
        for (int i = 1; i < pts.size(); i++) {
            PlannedPoint a = pts.get(i - 1);
            PlannedPoint b = pts.get(i);
            long ra = (Long) a.attributes().get("row");
            long rb = (Long) b.attributes().get("row");
            assertTrue(ra < rb || (ra == rb && (Long) a.attributes().get("col") < (Long) b.attributes().get("col")));
            if (ra < rb) {
                assertTrue(a.y() > b.y() - size / 2);
            }
        }
        LayoutAssertions.assertAdmissibleAndSpaced(area, plan, 0);
    }

    private static double[] negate(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = -a[i];
        }
        return r;
    }

    @Test
    void centresInExclusionsMoveToTheNearestAdmissiblePlace() throws Exception {
        Geometry area = bijiang();
        var env = area.getEnvelopeInternal();
        double top = env.getMaxY();
        // a river covering 70% of the sixth row of 500 m squares, and a pond of 60 m radius on a square's centre
        Geometry river = SpatialCoverageDesignTest.box(env.getMinX() - 10, top - 3000, env.getMaxX() + 10,
                top - 2650);
        StudyArea plain = StudyArea.of(4545, area);
        GridCell inner = GridLayout.squares(plain, 500, 0.5).stream()
                .filter(c -> c.admissibleFraction() == 1 && c.row() == 3).findFirst().orElseThrow();
        Geometry pond = inner.square().getCentroid().buffer(60, 32);
        StudyArea a = plain.withExclusions(river.union(pond));
        LayoutPlan plan = GridLayout.plan(a, List.of(), GridLayout.Options.hj640().withCellSize(500), Progress.NONE);
        LayoutAssertions.assertAdmissibleAndSpaced(a, plan, 0);
        PlannedPoint moved = plan.added().stream()
                .filter(p -> p.label().equals(String.format("%02d-%02d", inner.row(), inner.column())))
                .findFirst().orElseThrow();
        double shift = (Double) moved.attributes().get("moved_m");
        assertTrue(shift >= 60 && shift <= 62, "moved to the pond's shore: " + shift);
        List<GridCell> row6 = plan.cells().stream().filter(c -> c.row() == 6).toList();
        assertTrue(row6.stream().noneMatch(GridCell::valid), "squares 70% under the river are invalid");
        assertTrue(row6.stream().anyMatch(c -> c.admissibleFraction() > 0.29));
        for (PlannedPoint p : plan.added()) {
            assertTrue((Double) p.attributes().get("moved_m") <= 500 * Math.sqrt(2) / 2 + 1e-6);
        }
    }

    @Test
    void systematicRandomGridIsDeterministicAndInsideItsSquares() throws Exception {
        StudyArea area = StudyArea.of(4545, bijiang());
        GridLayout.Options o = GridLayout.Options.systematic(1000).withPlacement(GridLayout.Placement.RANDOM)
                .withSeed(9);
        assertEquals(GridLayout.SYSTEMATIC_RANDOM, o.method());
        LayoutPlan a = GridLayout.plan(area, List.of(), o, Progress.NONE);
        LayoutPlan b = GridLayout.plan(area, List.of(), o, Progress.NONE);
        assertEquals(a.points(), b.points());
        LayoutAssertions.assertAdmissibleAndSpaced(area, a, 0);
        for (GridCell c : a.cells()) {
            if (c.valid()) {
                PlannedPoint p = a.points().stream().filter(q -> q.id().equals(c.pointId())).findFirst().orElseThrow();
                assertTrue(c.square().getEnvelopeInternal().contains(p.x(), p.y()));
            }
        }
    }
}
