package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inverse distance weighting over all points, the k nearest, or those within a radius. */
class InverseDistanceWeightingTest {

    private static SampleSet random(int n, long seed) {
        Random r = new Random(seed);
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(new Sample("p" + i, r.nextDouble() * 1000, r.nextDouble() * 1000, 40 + 30 * r.nextDouble()));
        }
        return SampleSet.of(s);
    }

    /** The definition, by brute force. */
    private static double idw(SampleSet s, double x, double y, double p, int k, double radius) {
        int[] order = IntStream.range(0, s.size()).boxed()
                .filter(i -> Math.hypot(s.x(i) - x, s.y(i) - y) <= radius)
                .sorted(Comparator.comparingDouble(i -> Math.hypot(s.x(i) - x, s.y(i) - y)))
                .limit(k).mapToInt(Integer::intValue).toArray();
        if (order.length == 0) {
            return Double.NaN;
        }
        double sw = 0;
        double swz = 0;
        for (int i : order) {
            double d = Math.hypot(s.x(i) - x, s.y(i) - y);
            if (d == 0) {
                return s.value(i);
            }
            sw += 1 / Math.pow(d, p);
            swz += s.value(i) / Math.pow(d, p);
        }
        return swz / sw;
    }

    @Test
    void kNearestAndRadiusAndBothFollowTheDefinition() {
        SampleSet s = random(300, 1);
        Random r = new Random(2);
        Neighbourhood[] hoods = {Neighbourhood.nearest(12), Neighbourhood.within(120),
                Neighbourhood.nearestWithin(5, 80), Neighbourhood.global()};
        for (Neighbourhood hood : hoods) {
            for (double p : new double[]{1, 2, 3.5}) {
                SpatialInterpolator.Estimator e = new InverseDistanceWeighting(s, p, hood).newEstimator();
                double[] out = new double[2];
                for (int q = 0; q < 200; q++) {
                    double x = r.nextDouble() * 1000;
                    double y = r.nextDouble() * 1000;
                    e.estimate(x, y, -1, out);
                    double expected = idw(s, x, y, p, Math.min(hood.nmax(), s.size()), hood.radius());
                    if (Double.isNaN(expected)) {
                        assertTrue(Double.isNaN(out[0]));
                    } else {
                        assertEquals(expected, out[0], 1e-10, hood + " p=" + p);
                    }
                    assertTrue(Double.isNaN(out[1]), "no variance");
                }
            }
        }
    }

    @Test
    void theGlobalGridKernelEqualsPointByPointEstimates() {
        SampleSet s = random(200, 3);
        GridSpec grid = new GridSpec(-50, -50, 10, 120, 110);
        for (double p : new double[]{2, 1.5}) {
            InverseDistanceWeighting idw = new InverseDistanceWeighting(s, p, Neighbourhood.global());
            InterpolatedGrid g = GridInterpolation.run(idw, grid, Progress.NONE);
            double[] out = new double[2];
            SpatialInterpolator.Estimator e = idw.newEstimator();
            for (int row = 0; row < grid.nrows(); row += 7) {
                for (int col = 0; col < grid.ncols(); col += 5) {
                    e.estimate(grid.x(col), grid.y(row), -1, out);
                    assertEquals(out[0], g.value(col, row), 1e-11);
                }
            }
        }
    }

    @Test
    void localGridRowsEqualPointByPointEstimates() {
        SampleSet s = random(300, 6);
        GridSpec grid = new GridSpec(-20, -30, 7, 150, 140);
        for (Neighbourhood hood : new Neighbourhood[]{Neighbourhood.nearest(12), Neighbourhood.nearestWithin(6, 60)}) {
            InverseDistanceWeighting idw = new InverseDistanceWeighting(s, 2, hood);
            InterpolatedGrid g = GridInterpolation.run(idw, grid, Progress.NONE);
            SpatialInterpolator.Estimator e = idw.newEstimator();
            double[] out = new double[2];
            for (int row = 0; row < grid.nrows(); row += 3) {
                for (int col = 0; col < grid.ncols(); col++) {
                    e.estimate(grid.x(col), grid.y(row), -1, out);
                    assertEquals(out[0], g.value(col, row), 0, hood + " cell " + col + "," + row);
                }
            }
        }
    }

    @Test
    void aPointAtACellCentreGivesThatCellItsValue() {
        GridSpec grid = new GridSpec(0, 0, 10, 5, 5);
        SampleSet s = SampleSet.of(List.of(new Sample("a", grid.x(2), grid.y(3), 61.5),
                new Sample("b", 3, 4, 40), new Sample("c", 44, 1, 50)));
        for (Neighbourhood hood : new Neighbourhood[]{Neighbourhood.global(), Neighbourhood.nearest(2)}) {
            InterpolatedGrid g = GridInterpolation.run(new InverseDistanceWeighting(s, 2, hood), grid, Progress.NONE);
            assertEquals(61.5, g.value(2, 3), 0);
        }
    }

    @Test
    void cellsWithoutANeighbourInTheRadiusAreEmptyAndReported() {
        SampleSet s = SampleSet.of(List.of(new Sample("a", 5, 5, 50), new Sample("b", 15, 5, 60)));
        GridSpec grid = new GridSpec(0, 0, 10, 10, 1);
        InterpolatedGrid g = GridInterpolation.run(new InverseDistanceWeighting(s, 2, Neighbourhood.within(30)),
                grid, Progress.NONE);
        assertEquals(50, g.value(0, 0), 1e-12);
        assertTrue(Double.isNaN(g.value(9, 0)));
        InterpolationWarning w = g.warnings().get(0);
        assertEquals("interpolation.cellsWithoutNeighbours", w.key());
        assertEquals(5, w.args().get(0), "cells centred at 55 .. 95 m");
    }

    @Test
    void invalidParametersAreRefusedWithMessages() {
        SampleSet s = random(5, 4);
        assertEquals("interpolation.powerInvalid", assertThrows(UserException.class,
                () -> new InverseDistanceWeighting(s, 0, Neighbourhood.global())).key());
        assertEquals("interpolation.powerInvalid", assertThrows(UserException.class,
                () -> new InverseDistanceWeighting(s, Double.NaN, Neighbourhood.global())).key());
        assertEquals("interpolation.nmaxInvalid", assertThrows(UserException.class,
                () -> Neighbourhood.nearest(0)).key());
        assertEquals("interpolation.radiusInvalid", assertThrows(UserException.class,
                () -> Neighbourhood.within(-1)).key());
    }

    @Test
    void crossValidationHasNoVarianceButResiduals() {
        CrossValidationResult cv = new InverseDistanceWeighting(random(50, 5), 2, Neighbourhood.nearest(8))
                .crossValidate(Progress.NONE);
        assertEquals(50, cv.validCount());
        assertTrue(cv.rmse() > 0);
        assertTrue(Double.isNaN(cv.meanSquaredDeviationRatio()));
    }
}
