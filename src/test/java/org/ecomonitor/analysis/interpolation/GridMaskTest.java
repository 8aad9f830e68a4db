package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clipping: cells whose centre is inside the polygons, by scanline. */
class GridMaskTest {

    private static final GeometryFactory F = new GeometryFactory();
    private static final GridSpec GRID = new GridSpec(0, 0, 1, 10, 10);

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(F).read(text);
    }

    @Test
    void aSquareCoversTheCellsWhoseCentresItContains() throws Exception {
        GridMask m = GridMask.inside(GRID, wkt("POLYGON ((2 2, 5 2, 5 5, 2 5, 2 2))"));
        assertEquals(9, m.count());
        assertTrue(m.contains(2, 7));   // centre (2.5, 2.5): row 7 counts from the north
        assertFalse(m.contains(5, 7));
        // centres on the west and south edges count, on the east and north edges not
        assertEquals(9, GridMask.inside(GRID, wkt("POLYGON ((2.5 2.5, 5.5 2.5, 5.5 5.5, 2.5 5.5, 2.5 2.5))")).count());
    }

    @Test
    void holesAndSeveralPolygons() throws Exception {
        assertEquals(64 - 4, GridMask.inside(GRID,
                wkt("POLYGON ((1 1, 9 1, 9 9, 1 9, 1 1), (4 4, 6 4, 6 6, 4 6, 4 4))")).count());
        assertEquals(4 + 9, GridMask.inside(GRID,
                wkt("MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((5 5, 8 5, 8 8, 5 8, 5 5)))")).count());
        // overlapping polygons are united, not cancelled
        assertEquals(16, GridMask.inside(GRID, wkt("GEOMETRYCOLLECTION (POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0)), "
                + "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1)))")).count());
    }

    @Test
    void anIrregularPolygonAgreesWithPointInPolygon() {
        GridSpec grid = new GridSpec(1000, 2000, 3, 120, 90);
        // a star with 4,000 vertices
        int n = 4000;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = 100 + 40 * Math.sin(9 * a) + 7 * Math.cos(31 * a);
            ring[i] = new Coordinate(1180 + r * Math.cos(a), 2135 + r * Math.sin(a));
        }
        ring[n] = ring[0];
        Polygon star = F.createPolygon(ring);
        GridMask m = GridMask.inside(grid, star);
        org.locationtech.jts.geom.prep.PreparedGeometry prepared =
                org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(star);
        int agree = 0;
        for (int row = 0; row < grid.nrows(); row++) {
            for (int col = 0; col < grid.ncols(); col++) {
                boolean inside = prepared.contains(F.createPoint(new Coordinate(grid.x(col), grid.y(row))));
                assertEquals(inside, m.contains(col, row), "cell " + col + "," + row);
                agree++;
            }
        }
        assertEquals(grid.cellCount(), agree);
        assertEquals(star.getArea(), m.count() * grid.cellArea(), 0.02 * star.getArea());
    }

    @Test
    void clippedCellsAreNoData() throws Exception {
        SampleSet s = SampleSet.of(List.of(new Sample("a", 1, 1, 50), new Sample("b", 9, 9, 60),
                new Sample("c", 1, 9, 55)));
        GridMask m = GridMask.inside(GRID, wkt("POLYGON ((0 0, 10 0, 0 10, 0 0))"));
        InterpolatedGrid g = GridInterpolation.run(new InverseDistanceWeighting(s, 2, Neighbourhood.global()),
                GRID, m, Progress.NONE);
        for (int row = 0; row < 10; row++) {
            for (int col = 0; col < 10; col++) {
                assertEquals(m.contains(col, row), Double.isFinite(g.value(col, row)));
            }
        }
        InterpolatedGrid k = GridInterpolation.run(new OrdinaryKriging(s, VariogramModel.of(0, VariogramShape
                .EXPONENTIAL, 1, 5), Neighbourhood.global()), GRID, m, Progress.NONE);
        assertTrue(Double.isNaN(k.value(9, 0)) && Double.isNaN(k.variance(9, 0)));
        assertTrue(Double.isFinite(k.variance(0, 9)));
        assertTrue(k.warnings().isEmpty(), "clipped cells are not reported as empty");
    }

    @Test
    void lineworkIsNotAClipArea() {
        UserException e = assertThrows(UserException.class, () -> GridMask.inside(GRID, wkt("LINESTRING (0 0, 5 5)")));
        assertEquals("interpolation.clipNotPolygonal", e.key());
        assertEquals("LineString", e.args()[0]);
    }
}
