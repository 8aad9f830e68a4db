package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Noise is logarithmic: levels are averaged and interpolated as energies. */
class EnergeticAverageTest {

    @Test
    void theEnergeticMeanOf60And70DecibelsIs67Point4() {
        assertEquals(67.40362689494244, EnergeticAverage.of(60, 70), 1e-12);
        assertEquals(50, EnergeticAverage.of(50, 50, 50), 1e-12);
        assertEquals(63.0103, EnergeticAverage.sum(60, 60), 1e-4);
        // no overflow however loud
        assertEquals(207.40362689494244, EnergeticAverage.of(200, 210), 1e-9);
    }

    @Test
    void transformsRoundTrip() {
        for (ValueTransform t : ValueTransform.values()) {
            assertEquals(42.5, t.inverse(t.forward(42.5)), 1e-12, t.name());
        }
        assertTrue(Double.isNaN(ValueTransform.ENERGETIC.inverse(-1)));
    }

    @Test
    void midwayBetweenTwoSourcesIdwGivesTheEnergeticMeanNotTheArithmeticOne() {
        List<Sample> pts = List.of(new Sample("a", 0, 0, 60), new Sample("b", 100, 0, 70));
        double[] out = new double[2];
        SampleSet energetic = SampleSet.of(pts, ValueTransform.ENERGETIC);
        InverseDistanceWeighting idw = new InverseDistanceWeighting(energetic, 2, Neighbourhood.global());
        InterpolatedPoints p = GridInterpolation.atPoints(idw, new double[]{50}, new double[]{0}, Progress.NONE);
        assertEquals(67.40362689494244, p.values()[0], 1e-9);
        new InverseDistanceWeighting(SampleSet.of(pts), 2, Neighbourhood.global()).newEstimator()
                .estimate(50, 0, -1, out);
        assertEquals(65, out[0], 1e-12);
    }

    @Test
    void krigedEnergyBelowZeroLeavesTheCellEmptyWithAWarning() {
        // a steep fall towards the east, extrapolated with a smooth model: ordinary kriging overshoots below 0
        List<Sample> pts = List.of(new Sample("a", 0, 0, 70), new Sample("b", 10, 0, 67),
                new Sample("c", 20, 0, 40), new Sample("d", 10, 10, 67), new Sample("e", 0, 10, 70));
        SampleSet s = SampleSet.of(pts, ValueTransform.ENERGETIC);
        OrdinaryKriging ok = new OrdinaryKriging(s, VariogramModel.of(0, VariogramShape.GAUSSIAN, 1, 30),
                Neighbourhood.global());
        InterpolatedGrid g = GridInterpolation.run(ok, new GridSpec(-5, -5, 5, 12, 4), Progress.NONE);
        long empty = java.util.Arrays.stream(g.values()).filter(Double::isNaN).count();
        assertTrue(empty > 0, "some cells overshoot");
        assertTrue(g.warnings().stream().anyMatch(w -> w.key().equals("interpolation.energeticNonPositive")
                && ((Integer) w.args().get(0)) == empty));
    }
}
