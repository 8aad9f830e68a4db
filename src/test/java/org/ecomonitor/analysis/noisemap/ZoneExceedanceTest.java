package org.ecomonitor.analysis.noisemap;

import org.ecomonitor.analysis.standards.NoiseLimits;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GB 3096-2008 zone shares on a hand-made map: 11 x 5 cells of 10 m from (0, 0), level {@code 50.5 + 0.2 x} at the
 * cell centres (x = 5 ... 105, y = 5 ... 45), so every iso-line is the vertical line {@code x = 5 L - 252.5} (between
 * lattice nodes, where the contouring is exact) and the expected areas are rectangles worked out by hand.
 */
class ZoneExceedanceTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final GridSpec GRID = new GridSpec(0, 0, 10, 11, 5);

    private static double[] linearField() {
        double[] v = new double[GRID.cellCount()];
        for (int row = 0; row < GRID.nrows(); row++) {
            for (int col = 0; col < GRID.ncols(); col++) {
                v[GRID.index(col, row)] = 50.5 + 0.2 * GRID.x(col);
            }
        }
        return v;
    }

    private static ZoneExceedance.Zone zone(String name, String zoneClass, double minX, double minY, double maxX,
                                            double maxY) {
        return new ZoneExceedance.Zone(name, NoiseLimits.zone(zoneClass),
                GF.toGeometry(new Envelope(minX, maxX, minY, maxY)));
    }

    @Test
    void sharesOverTheDayLimitAreTheRectanglesEastOfTheLimitLine() {
        List<ZoneExceedance.Zone> zones = List.of(
                // class 2, day 60 dB: the line x = 47.5; zone [20, 80] x [10, 40], inside the mapped area
                zone("A", "2", 20, 10, 80, 40),
                // class 1, day 55 dB: x = 22.5; zone [0, 40] x [0, 50]; mapped part [5, 40] x [5, 45]
                zone("B", "1", 0, 0, 40, 50),
                // class 4a, day 70 dB: x = 97.5; zone [60, 110] x [5, 45]; mapped part [60, 105] x [5, 45]
                zone("C", "4a", 60, 5, 110, 45));
        List<ZoneExceedance.Share> s = ZoneExceedance.compute(GRID, linearField(), zones, NoisePeriod.DAY,
                Progress.NONE);

        assertEquals(60, s.get(0).limit());
        assertEquals(60 * 30, s.get(0).zoneArea(), 1e-9);
        assertEquals(60 * 30, s.get(0).mappedArea(), 1e-9);
        assertEquals(32.5 * 30, s.get(0).areaOver(), 1e-9);
        assertEquals(32.5 / 60, s.get(0).share(), 1e-12);
        assertEquals(1.0, s.get(0).coverage(), 1e-12);

        assertEquals(55, s.get(1).limit());
        assertEquals(40 * 50, s.get(1).zoneArea(), 1e-9);
        assertEquals(35 * 40, s.get(1).mappedArea(), 1e-9);
        assertEquals(17.5 * 40, s.get(1).areaOver(), 1e-9);
        assertEquals(0.5, s.get(1).share(), 1e-12);
        assertEquals(0.7, s.get(1).coverage(), 1e-12);

        assertEquals(70, s.get(2).limit());
        assertEquals(45 * 40, s.get(2).mappedArea(), 1e-9);
        assertEquals(7.5 * 40, s.get(2).areaOver(), 1e-9);
        assertEquals(1.0 / 6, s.get(2).share(), 1e-12);
    }

    @Test
    void nightLimitsAndZonesOutsideTheMap() {
        List<ZoneExceedance.Zone> zones = List.of(
                // class 2, night 50 dB: the line x = -2.5, west of the data: all of the mapped area is over
                zone("A", "2", 20, 10, 80, 40),
                // class 3, night 55 dB: x = 22.5
                zone("B", "3", 15, 5, 35, 45),
                // outside the grid
                zone("far", "1", 500, 500, 600, 600));
        List<ZoneExceedance.Share> s = ZoneExceedance.compute(GRID, linearField(), zones, NoisePeriod.NIGHT,
                Progress.NONE);
        assertEquals(50, s.get(0).limit());
        assertEquals(1.0, s.get(0).share(), 1e-12);
        assertEquals(55, s.get(1).limit());
        assertEquals(12.5 * 40, s.get(1).areaOver(), 1e-9);
        assertEquals(0.625, s.get(1).share(), 1e-12);
        assertEquals(0, s.get(2).mappedArea());
        assertEquals(Double.NaN, s.get(2).share());
        assertEquals(0, s.get(2).coverage());
    }

    @Test
    void noDataCellsAreNotMapped() {
        double[] v = linearField();
        for (int row = 0; row < GRID.nrows(); row++) {
            v[GRID.index(0, row)] = Double.NaN;   // the data now start at x = 15
        }
        List<ZoneExceedance.Share> s = ZoneExceedance.compute(GRID, v, List.of(zone("B", "1", 0, 0, 40, 50)),
                NoisePeriod.DAY, Progress.NONE);
        assertEquals(25 * 40, s.get(0).mappedArea(), 1e-9);
        assertEquals(17.5 * 40, s.get(0).areaOver(), 1e-9);
        assertEquals(0.7, s.get(0).share(), 1e-12);
    }
}
