package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordinary kriging beyond the golden files: exactness, neighbourhoods, and refusing what it cannot do. */
class OrdinaryKrigingTest {

    private static final VariogramModel SPH = VariogramModel.of(0.1, VariogramShape.SPHERICAL, 1, 500);

    @Test
    void atADataPointItReturnsTheValueWithZeroVariance() {
        SampleSet s = Meuse.logZinc();
        OrdinaryKriging ok = new OrdinaryKriging(s, Meuse.SPHERICAL, Neighbourhood.nearest(16));
        double[] out = new double[2];
        ok.newEstimator().estimate(s.x(10), s.y(10), -1, out);
        assertEquals(s.value(10), out[0], 1e-12);
        assertEquals(0, out[1], 1e-12);
    }

    @Test
    void nmaxOfAllPointsEqualsTheGlobalNeighbourhood() {
        SampleSet s = Meuse.logZinc();
        double[] a = new double[2];
        double[] b = new double[2];
        new OrdinaryKriging(s, SPH, Neighbourhood.global()).newEstimator().estimate(180000, 331000, -1, a);
        new OrdinaryKriging(s, SPH, Neighbourhood.within(1e7)).newEstimator().estimate(180000, 331000, -1, b);
        assertEquals(a[0], b[0], 1e-10);
        assertEquals(a[1], b[1], 1e-10);
    }

    @Test
    void theVarianceGrowsAwayFromTheData() {
        SampleSet s = SampleSet.of(List.of(new Sample("a", 0, 0, 1), new Sample("b", 100, 0, 2),
                new Sample("c", 0, 100, 3), new Sample("d", 100, 100, 4)));
        OrdinaryKriging ok = new OrdinaryKriging(s, SPH, Neighbourhood.global());
        double[] near = new double[2];
        double[] far = new double[2];
        ok.newEstimator().estimate(10, 10, -1, near);
        ok.newEstimator().estimate(800, 800, -1, far);
        assertTrue(far[1] > near[1]);
        assertEquals(2.5, far[0], 0.5, "far away the estimate tends to the mean");
    }

    @Test
    void aSingularSystemIsRefusedNamingTheLocationAndPoints() {
        // two points 2 mm apart and a Gaussian model without nugget: numerically singular
        SampleSet s = SampleSet.of(List.of(new Sample("W1", 1000, 1000, 5), new Sample("W2", 1000.002, 1000, 6),
                new Sample("W3", 1300, 1000, 7)));
        OrdinaryKriging ok = new OrdinaryKriging(s, VariogramModel.of(0, VariogramShape.GAUSSIAN, 1, 800),
                Neighbourhood.nearest(2));
        UserException e = assertThrows(UserException.class,
                () -> ok.newEstimator().estimate(1100, 1000, -1, new double[2]));
        assertEquals("interpolation.krigingSingular", e.key());
        String text = e.getMessage(Messages.ENGLISH);
        assertTrue(text.contains("W1") && text.contains("W2") && text.contains("1100"), text);
        // the global system fails already when built
        assertEquals("interpolation.krigingSingular", assertThrows(UserException.class, () ->
                new OrdinaryKriging(s, VariogramModel.of(0, VariogramShape.GAUSSIAN, 1, 800),
                        Neighbourhood.global())).key());
        // a nugget makes it solvable
        double[] out = new double[2];
        new OrdinaryKriging(s, VariogramModel.of(0.01, VariogramShape.GAUSSIAN, 1, 800), Neighbourhood.global())
                .newEstimator().estimate(1100, 1000, -1, out);
        assertTrue(Double.isFinite(out[0]));
    }

    @Test
    void fewerThanThreePointsAreRefused() {
        SampleSet two = SampleSet.of(List.of(new Sample("a", 0, 0, 1), new Sample("b", 1, 0, 2)));
        UserException e = assertThrows(UserException.class,
                () -> new OrdinaryKriging(two, SPH, Neighbourhood.global()));
        assertEquals("interpolation.tooFewPointsKriging", e.key());
        assertEquals(2, e.args()[0]);
    }

    @Test
    void invalidModelParametersAreRefusedNamingTheParameter() {
        UserException e = assertThrows(UserException.class,
                () -> VariogramModel.of(0.1, VariogramShape.SPHERICAL, 1, 0));
        assertEquals("interpolation.variogramParameterInvalid", e.key());
        assertEquals("range", e.args()[0]);
        assertEquals("nugget", assertThrows(UserException.class,
                () -> VariogramModel.of(-0.1, VariogramShape.SPHERICAL, 1, 10)).args()[0]);
        assertEquals("sill", assertThrows(UserException.class,
                () -> VariogramModel.of(0, VariogramShape.SPHERICAL, 0, 10)).args()[0]);
    }

    @Test
    void aRadiusLeavesFarCellsEmpty() {
        SampleSet s = Meuse.logZinc();
        GridSpec grid = new GridSpec(178000, 329000, 200, 25, 25);
        InterpolatedGrid g = GridInterpolation.run(new OrdinaryKriging(s, SPH, Neighbourhood.nearestWithin(16, 300)),
                grid, Progress.NONE);
        assertTrue(Double.isNaN(g.value(0, 0)), "far from all points");
        assertTrue(java.util.Arrays.stream(g.values()).anyMatch(Double::isFinite));
        assertTrue(g.warnings().stream().anyMatch(w -> w.key().equals("interpolation.cellsWithoutNeighbours")));
    }

    @Test
    void everyShapeKrigesWithoutSurprises() {
        SampleSet s = Meuse.logZinc();
        for (VariogramShape shape : VariogramShape.values()) {
            VariogramModel m = new VariogramModel(0.05, shape, 0.6, 400, 1.2);
            double[] out = new double[2];
            new OrdinaryKriging(s, m, Neighbourhood.nearest(20)).newEstimator().estimate(179500, 331500, -1, out);
            assertTrue(out[0] > 4 && out[0] < 8 && out[1] > 0 && out[1] < m.sill() * 1.5, shape + " " + out[0]);
        }
    }
}
