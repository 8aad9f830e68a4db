package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automatic mode picks the candidate with the smallest cross-validation RMSE. */
class AutomaticInterpolationTest {

    @Test
    void onMeuseItTriesSevenMethodsAndKeepsTheBest() {
        AutomaticInterpolation.Choice choice = AutomaticInterpolation.choose(Meuse.logZinc(),
                Neighbourhood.global(), Progress.NONE);
        List<AutomaticInterpolation.Candidate> all = choice.candidates();
        assertEquals(List.of("OK Sph", "OK Exp", "OK Gau", "OK Mat(kappa 1.5)", "IDW p=1", "IDW p=2", "IDW p=3"),
                all.stream().map(AutomaticInterpolation.Candidate::label).toList());
        for (AutomaticInterpolation.Candidate c : all) {
            assertNull(c.failure(), c.label());
            assertTrue(choice.best().rmse() <= c.rmse());
        }
        assertTrue(choice.best().label().startsWith("OK"), "kriging beats IDW on meuse: " + choice.best().label());
        // the spherical candidate is gstat's fitted model: LOOCV RMSE as krige.cv gives it
        assertEquals(0.3918, all.get(0).rmse(), 5e-4);
        assertNotNull(choice.variogram());
    }

    @Test
    void withTwoPointsOnlyInverseDistanceRemainsAndTheReasonsAreKept() {
        SampleSet two = SampleSet.of(List.of(new Sample("a", 0, 0, 50), new Sample("b", 100, 0, 60)),
                ValueTransform.ENERGETIC);
        AutomaticInterpolation.Choice choice = AutomaticInterpolation.choose(two, Neighbourhood.global(),
                Progress.NONE);
        assertTrue(choice.best().label().startsWith("IDW"));
        assertNotNull(choice.candidates().get(0).failure());
    }

    @Test
    void constantValuesAreRefused() {
        SampleSet flat = SampleSet.of(List.of(new Sample("a", 0, 0, 50), new Sample("b", 100, 0, 50),
                new Sample("c", 0, 100, 50)));
        assertEquals("interpolation.zeroVariance", assertThrows(UserException.class,
                () -> AutomaticInterpolation.choose(flat, Neighbourhood.global(), Progress.NONE)).key());
    }
}
