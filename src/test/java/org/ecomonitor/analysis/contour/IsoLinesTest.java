package org.ecomonitor.analysis.contour;

import org.ecomonitor.model.GridSpec;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contour lines run where the interpolated values cross the level, higher values on their left. */
class IsoLinesTest {

    @Test
    void aRampGivesOneStraightLinePerLevelAtTheInterpolatedPlace() {
        GridSpec grid = new GridSpec(0, 0, 1, 11, 5);
        double[] values = new double[grid.cellCount()];
        for (int row = 0; row < grid.nrows(); row++) {
            for (int col = 0; col < grid.ncols(); col++) {
                values[grid.index(col, row)] = 40 + 2 * col;
            }
        }
        List<IsoLine> lines = IsoLines.compute(grid, values, new double[]{45, 50});
        LineString l45 = (LineString) lines.get(0).geometry().getGeometryN(0);
        assertEquals(1, lines.get(0).geometry().getNumGeometries());
        for (Coordinate c : l45.getCoordinates()) {
            assertEquals(3.0, c.x, 1e-9);
        }
        assertEquals(4.0, l45.getLength(), 1e-9);
        // values grow eastwards: walking north, higher values are on the right... so the line runs south
        assertTrue(l45.getCoordinateN(0).y > l45.getCoordinateN(l45.getNumPoints() - 1).y);
    }

    @Test
    void aPeakGivesAClosedRing() {
        GridSpec grid = new GridSpec(0, 0, 1, 21, 21);
        double[] values = new double[grid.cellCount()];
        for (int row = 0; row < 21; row++) {
            for (int col = 0; col < 21; col++) {
                values[grid.index(col, row)] = 80 - Math.hypot(grid.x(col) - 10.5, grid.y(row) - 10.5);
            }
        }
        IsoLine line = IsoLines.compute(grid, values, new double[]{75}).get(0);
        assertEquals(1, line.geometry().getNumGeometries());
        LineString ring = (LineString) line.geometry().getGeometryN(0);
        assertTrue(ring.isClosed());
        assertEquals(2 * Math.PI * 5, ring.getLength(), 0.05 * 2 * Math.PI * 5);
        // counter-clockwise around the peak: higher values on the left
        assertTrue(org.locationtech.jts.algorithm.Orientation.isCCW(ring.getCoordinates()));
    }

    @Test
    void linesStopAtNoData() {
        GridSpec grid = new GridSpec(0, 0, 1, 11, 5);
        double[] values = new double[grid.cellCount()];
        for (int row = 0; row < grid.nrows(); row++) {
            for (int col = 0; col < grid.ncols(); col++) {
                values[grid.index(col, row)] = row == 2 ? Double.NaN : 40 + 2 * col;
            }
        }
        IsoLine line = IsoLines.compute(grid, values, new double[]{45}).get(0);
        assertEquals(2, line.geometry().getNumGeometries());
        assertEquals(2.0, line.geometry().getLength(), 1e-9);
    }

    @Test
    void aLevelOutsideTheValuesGivesNoLine() {
        GridSpec grid = new GridSpec(0, 0, 1, 3, 3);
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertTrue(IsoLines.compute(grid, values, new double[]{20}).get(0).geometry().isEmpty());
    }
}
