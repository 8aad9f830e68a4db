package org.ecomonitor.analysis.contour;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filled bands are valid polygons that partition exactly the NaN-free part of the grid. */
class IsoBandsTest {

    /** Valid bands whose areas add up to the contoured area and that do not overlap. */
    private static void assertPartition(GridSpec grid, double[] values, List<IsoBand> bands) {
        double sum = 0;
        for (IsoBand band : bands) {
            Geometry g = band.geometry();
            IsValidOp op = new IsValidOp(g);
            assertTrue(op.isValid(), "band [" + band.lower() + ", " + band.upper() + "): " + op.getValidationError());
            sum += g.getArea();
        }
        double expected = IsoBands.contouredArea(grid, values);
        assertEquals(expected, sum, 1e-9 * expected, "areas of the bands add up to the valid grid area");
        for (int b = 1; b < bands.size(); b++) {
            Geometry a = bands.get(b - 1).geometry();
            Geometry c = bands.get(b).geometry();
            if (!a.isEmpty() && !c.isEmpty()) {
                assertEquals(0, a.intersection(c).getArea(), 1e-6 * grid.cellArea(), "bands overlap");
            }
        }
    }

    private static double[] smoothField(GridSpec grid, long seed, double nanShare) {
        Random r = new Random(seed);
        double[] v = new double[grid.cellCount()];
        double[][] sources = new double[6][3];
        for (double[] s : sources) {
            s[0] = grid.minX() + r.nextDouble() * grid.ncols() * grid.cellSize();
            s[1] = grid.minY() + r.nextDouble() * grid.nrows() * grid.cellSize();
            s[2] = 60 + 25 * r.nextDouble();
        }
        for (int row = 0; row < grid.nrows(); row++) {
            for (int col = 0; col < grid.ncols(); col++) {
                double e = 0;
                for (double[] s : sources) {
                    double d = Math.hypot(grid.x(col) - s[0], grid.y(row) - s[1]) + 10;
                    e += Math.pow(10, (s[2] - 20 * Math.log10(d / 10)) / 10);
                }
                v[grid.index(col, row)] = r.nextDouble() < nanShare ? Double.NaN : 10 * Math.log10(e);
            }
        }
        return v;
    }

    @Test
    void noiseBandsOfAFieldWithNoDataHolesAreValidAndAddUpToTheValidArea() {
        GridSpec grid = new GridSpec(500_000, 3_000_000, 10, 80, 60);
        double[] values = smoothField(grid, 7, 0.03);
        // and a NaN region (outside a clip polygon)
        for (int row = 0; row < 20; row++) {
            for (int col = 0; col < 25 - row; col++) {
                values[grid.index(col, row)] = Double.NaN;
            }
        }
        List<IsoBand> bands = IsoBands.compute(grid, values, ContourLevels.noiseClasses());
        assertEquals(11, bands.size());
        assertPartition(grid, values, bands);
        assertTrue(bands.stream().filter(b -> !b.geometry().isEmpty()).count() >= 4, "several bands present");
    }

    @Test
    void bandsOfManyRandomFieldsStayValid() {
        for (long seed = 1; seed <= 12; seed++) {
            GridSpec grid = new GridSpec(0, 0, 5, 30, 25);
            double[] values = smoothField(grid, seed, seed % 3 == 0 ? 0.15 : 0.0);
            assertPartition(grid, values, IsoBands.compute(grid, values, ContourLevels.everyStep(values, 2.5)));
        }
    }

    @Test
    void randomSmallGridsWithNoDataAndValuesOnTheBreaksStayValid() {
        for (long seed = 1; seed <= 400; seed++) {
            Random r = new Random(seed);
            GridSpec grid = new GridSpec(100, 200, 1 + r.nextInt(3), 2 + r.nextInt(12), 2 + r.nextInt(12));
            double[] values = new double[grid.cellCount()];
            double nan = r.nextDouble() * 0.4;
            boolean discrete = r.nextBoolean();
            for (int i = 0; i < values.length; i++) {
                values[i] = r.nextDouble() < nan ? Double.NaN
                        : discrete ? 40 + 5 * r.nextInt(5) : 40 + 20 * r.nextDouble();
            }
            assertPartition(grid, values, IsoBands.compute(grid, values, new double[]{45, 50, 55}));
        }
    }

    @Test
    void saddlesAreResolvedConsistently() {
        GridSpec grid = new GridSpec(0, 0, 1, 2, 2);
        // checkerboard: centre mean 50 decides
        double[] values = {60, 40, 40, 60};
        List<IsoBand> bands = IsoBands.compute(grid, values, new double[]{45, 50, 55});
        assertPartition(grid, values, bands);
        double[] tilted = {60, 40, 40, 61};
        assertPartition(grid, tilted, IsoBands.compute(grid, tilted, new double[]{45, 50, 50.5, 55}));
    }

    @Test
    void valuesExactlyOnTheBreaksGiveValidBands() {
        GridSpec grid = new GridSpec(0, 0, 1, 12, 9);
        double[] values = new double[grid.cellCount()];
        for (int row = 0; row < grid.nrows(); row++) {
            for (int col = 0; col < grid.ncols(); col++) {
                values[grid.index(col, row)] = 35 + 5 * ((col + 2 * row) % 4);
            }
        }
        assertPartition(grid, values, IsoBands.compute(grid, values, ContourLevels.noiseClasses()));
    }

    @Test
    void squaresTouchingOnlyAtACornerGiveSeparatePolygons() {
        // valid squares on a diagonal: the band touches itself at single points
        GridSpec grid = new GridSpec(0, 0, 1, 4, 4);
        double[] values = new double[16];
        java.util.Arrays.fill(values, Double.NaN);
        int[][] valid = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 2}, {2, 3}, {3, 3}};
        for (int[] c : valid) {
            values[grid.index(c[0], c[1])] = 50 + c[0];
        }
        List<IsoBand> bands = IsoBands.compute(grid, values, new double[]{51.5});
        assertPartition(grid, values, bands);
        assertEquals(3, IsoBands.contouredArea(grid, values), 1e-12);
    }

    @Test
    void aLinearRampGivesRectangularBandsOfExactArea() {
        GridSpec grid = new GridSpec(0, 0, 1, 11, 5);
        double[] values = new double[grid.cellCount()];
        for (int row = 0; row < grid.nrows(); row++) {
            for (int col = 0; col < grid.ncols(); col++) {
                values[grid.index(col, row)] = 40 + 2 * col; // 40 at x = 0.5 ... 60 at x = 10.5
            }
        }
        List<IsoBand> bands = IsoBands.compute(grid, values, new double[]{45, 50, 55});
        // centres span x 0.5..10.5, y 0.5..4.5: height 4; 45 dB at x = 3, 50 at 5.5, 55 at 8
        assertEquals(2.5 * 4, bands.get(0).geometry().getArea(), 1e-4);
        assertEquals(2.5 * 4, bands.get(1).geometry().getArea(), 1e-4);
        assertEquals(2.5 * 4, bands.get(2).geometry().getArea(), 1e-4);
        assertEquals(2.5 * 4, bands.get(3).geometry().getArea(), 1e-4);
        assertTrue(bands.get(1).geometry().getEnvelopeInternal().getMinX() > 2.99);
        assertPartition(grid, values, bands);
    }

    @Test
    void aBandAroundAPeakHasAHole() {
        GridSpec grid = new GridSpec(0, 0, 1, 21, 21);
        double[] values = new double[grid.cellCount()];
        for (int row = 0; row < 21; row++) {
            for (int col = 0; col < 21; col++) {
                values[grid.index(col, row)] = 80 - Math.hypot(grid.x(col) - 10.5, grid.y(row) - 10.5);
            }
        }
        List<IsoBand> bands = IsoBands.compute(grid, values, new double[]{72, 76});
        Geometry ring = bands.get(1).geometry();
        assertEquals(1, ring.getNumGeometries());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) ring.getGeometryN(0)).getNumInteriorRing());
        assertEquals(Math.PI * (8 * 8 - 4 * 4), ring.getArea(), 0.02 * Math.PI * (64 - 16));
        assertPartition(grid, values, bands);
    }

    @Test
    void allNaNGivesEmptyBands() {
        GridSpec grid = new GridSpec(0, 0, 1, 3, 3);
        double[] values = new double[9];
        java.util.Arrays.fill(values, Double.NaN);
        for (IsoBand b : IsoBands.compute(grid, values, new double[]{50})) {
            assertTrue(b.geometry().isEmpty());
        }
    }

    @Test
    void unorderedBreaksAreRefused() {
        GridSpec grid = new GridSpec(0, 0, 1, 3, 3);
        UserException e = assertThrows(UserException.class,
                () -> IsoBands.compute(grid, new double[9], new double[]{50, 45}));
        assertEquals("interpolation.contourLevelsInvalid", e.key());
    }
}
