package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The empirical variogram by hand, with options, and its refusals. */
class EmpiricalVariogramTest {

    private static final SampleSet LINE = SampleSet.of(List.of(new Sample("a", 0, 0, 1), new Sample("b", 10, 0, 2),
            new Sample("c", 30, 0, 4)));

    @Test
    void pairsGoToTheClassWhoseUpperLimitTheyReach() {
        // pairs at 10 (dz 1), 20 (dz 2), 30 (dz 3); classes (0,10], (10,20], (20,30]
        EmpiricalVariogram v = EmpiricalVariogram.compute(LINE,
                EmpiricalVariogram.Options.DEFAULT.withCutoff(30).withWidth(10), Progress.NONE);
        assertEquals(3, v.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(1, v.np(i));
            assertEquals(10 * (i + 1), v.dist(i), 1e-12);
            assertEquals((i + 1) * (i + 1) / 2.0, v.gamma(i), 1e-12);
        }
    }

    @Test
    void theCutoffDropsLongerPairs() {
        EmpiricalVariogram v = EmpiricalVariogram.compute(LINE,
                EmpiricalVariogram.Options.DEFAULT.withCutoff(25).withWidth(5), Progress.NONE);
        assertEquals(2, v.size());
        assertEquals(20, v.dist(1), 1e-12);
    }

    @Test
    void aDirectionKeepsOnlyPairsAlongIt() {
        SampleSet cross = SampleSet.of(List.of(new Sample("o", 0, 0, 0), new Sample("e", 10, 0, 1),
                new Sample("n", 0, 10, 3)));
        EmpiricalVariogram.Options base = EmpiricalVariogram.Options.DEFAULT.withCutoff(12).withWidth(12);
        EmpiricalVariogram east = EmpiricalVariogram.compute(cross, base.withDirection(90, 10), Progress.NONE);
        assertEquals(1, east.np(0));
        assertEquals(0.5, east.gamma(0), 1e-12);
        EmpiricalVariogram north = EmpiricalVariogram.compute(cross, base.withDirection(0, 10), Progress.NONE);
        assertEquals(4.5, north.gamma(0), 1e-12);
        // a direction is an axis: 180 is the same as 0
        assertEquals(4.5, EmpiricalVariogram.compute(cross, base.withDirection(180, 10), Progress.NONE).gamma(0),
                1e-12);
        EmpiricalVariogram all = EmpiricalVariogram.compute(cross, base.withDirection(0, 90), Progress.NONE);
        assertEquals(2, all.np(0));
        UserException e = assertThrows(UserException.class, () -> EmpiricalVariogram.compute(cross,
                base.withDirection(45, 10), Progress.NONE));
        assertEquals("interpolation.variogramNoPairs", e.key());
    }

    @Test
    void refusals() {
        assertEquals("interpolation.tooFewPointsVariogram", assertThrows(UserException.class,
                () -> EmpiricalVariogram.compute(SampleSet.of(List.of(new Sample("a", 0, 0, 1))))).key());
        SampleSet flat = SampleSet.of(List.of(new Sample("a", 0, 0, 55), new Sample("b", 10, 0, 55),
                new Sample("c", 20, 0, 55)));
        UserException zero = assertThrows(UserException.class, () -> EmpiricalVariogram.compute(flat));
        assertEquals("interpolation.zeroVariance", zero.key());
        assertTrue(zero.getMessage().contains("55"));
        assertEquals("interpolation.variogramWidthInvalid", assertThrows(UserException.class,
                () -> EmpiricalVariogram.compute(LINE, EmpiricalVariogram.Options.DEFAULT.withCutoff(10)
                        .withWidth(20), Progress.NONE)).key());
        assertEquals("interpolation.variogramWidthInvalid", assertThrows(UserException.class,
                () -> EmpiricalVariogram.compute(LINE, EmpiricalVariogram.Options.DEFAULT.withCutoff(30)
                        .withWidth(1e-6), Progress.NONE)).key(), "not billions of classes");
        assertEquals("interpolation.variogramCutoffInvalid", assertThrows(UserException.class,
                () -> EmpiricalVariogram.compute(LINE, EmpiricalVariogram.Options.DEFAULT.withCutoff(-1),
                        Progress.NONE)).key());
        assertEquals("interpolation.variogramDirectionInvalid", assertThrows(UserException.class,
                () -> EmpiricalVariogram.compute(LINE, EmpiricalVariogram.Options.DEFAULT.withDirection(0, 0),
                        Progress.NONE)).key());
    }
}
