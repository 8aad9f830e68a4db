package org.ecomonitor.gui.analysis;

import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.LayoutProjection;
import org.ecomonitor.analysis.layout.NetworkMetrics;
import org.ecomonitor.analysis.layout.PlannedPoint;
import org.ecomonitor.analysis.layout.PointStatus;
import org.ecomonitor.analysis.layout.Site;
import org.ecomonitor.analysis.layout.StudyArea;
import org.ecomonitor.geo.Crs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing a plan by hand on a 2 x 2 km square of EPSG:4545: one existing station E in the middle, two new points
 * N1 and N2. New points move and go; the existing station stays where it is and is proposed for removal (and kept
 * again); nothing lands outside the area; every edit undoes.
 */
class EditablePlanTest {

    static final LayoutProjection PLANE = LayoutProjection.of(Crs.CGCS2000_GK_CM_108E);
    static final StudyArea AREA = StudyArea.of(Crs.CGCS2000_GK_CM_108E,
            new GeometryFactory().toGeometry(new Envelope(618_000, 620_000, 3_066_000, 3_068_000)));

    static PlannedPoint point(String id, double x, double y, PointStatus s) {
        double[] ll = PLANE.toLonLat(x, y);
        return new PlannedPoint(id, x, y, ll[0], ll[1], s, null, Map.of());
    }

    static EditablePlan plan() {
        NetworkMetrics m = new NetworkMetrics(1, 1, Double.NaN, Double.NaN, 1, 0, 0, Map.of());
        LayoutPlan p = new LayoutPlan("spatial-coverage", Map.of("new_points", 2L), Crs.CGCS2000_GK_CM_108E, List.of(
                point("E", 619_000, 3_067_000, PointStatus.EXISTING), point("N1", 618_500, 3_066_500, PointStatus.NEW),
                point("N2", 619_500, 3_067_500, PointStatus.NEW)), m, m, List.of(), List.of());
        return new EditablePlan(p, AREA, List.of(new Site("E", 619_000, 3_067_000, "520602", 1.5)));
    }

    static double[] lonLat(double x, double y) {
        return PLANE.toLonLat(x, y);
    }

    @Test
    void newPointsMoveAndGoExistingStationsStayAndEveryEditUndoes() {
        EditablePlan p = plan();
        long e = p.entries().get(0).fid(), n1 = p.entries().get(1).fid(), n2 = p.entries().get(2).fid();

        double[] to = lonLat(618_700, 3_066_600);
        assertEquals(EditablePlan.Result.DONE, p.move(n1, to[0], to[1]));
        assertEquals(618_700, p.entry(n1).point().x(), 1e-3);
        assertEquals("moved", p.entry(n1).point().attributes().get("edit"));
        double[] outside = lonLat(621_000, 3_066_600);
        assertEquals(EditablePlan.Result.OUTSIDE_AREA, p.move(n1, outside[0], outside[1]));
        assertEquals(618_700, p.entry(n1).point().x(), 1e-3, "a refused move leaves the point");
        assertEquals(EditablePlan.Result.EXISTING_FIXED, p.move(e, to[0], to[1]));
        assertEquals(1, p.edits());

        assertEquals(EditablePlan.Result.DONE, p.delete(n2));
        assertNull(p.entry(n2));
        assertEquals(EditablePlan.Result.DONE, p.delete(e));
        assertEquals(PointStatus.REMOVE, p.entry(e).point().status());
        assertEquals(1, p.afterSites().size(), "only N1 is left after the layout");

        double[] at = lonLat(619_800, 3_066_200);
        long m = p.add(at[0], at[1]);
        assertEquals("M001", p.entry(m).point().id());
        assertEquals(PointStatus.NEW, p.entry(m).point().status());
        assertEquals(-1, p.add(outside[0], outside[1]));

        LayoutPlan edited = p.toPlan(null);
        assertEquals(List.of("E", "N1", "M001"), edited.points().stream().map(PlannedPoint::id).toList());
        assertEquals(4L, edited.parameters().get("edits_by_hand"));
        assertEquals(2, edited.added().size());

        assertTrue(p.undo());
        assertTrue(p.undo());
        assertEquals(PointStatus.EXISTING, p.entry(e).point().status());
        assertTrue(p.undo());
        assertEquals(3, p.entries().size());
        assertTrue(p.undo());
        assertEquals(618_500, p.entry(n1).point().x(), 1e-3);
        assertFalse(p.undo());
        // the existing station keeps its own zone in the metrics' input
        assertEquals("520602", p.afterSites().get(0).zone());
    }
}
