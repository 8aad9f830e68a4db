package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is refused with a message naming the point; duplicates are merged with a warning. */
class SampleSetTest {

    @Test
    void aMissingValueIsRefusedNamingThePoint() {
        UserException e = assertThrows(UserException.class, () -> SampleSet.of(List.of(
                new Sample("N01", 0, 0, 55), new Sample("N07", 100.5, 200, Double.NaN))));
        assertEquals("interpolation.pointValueNaN", e.key());
        String en = e.getMessage(Messages.ENGLISH);
        assertTrue(en.contains("N07") && en.contains("100.5"), en);
        assertTrue(e.getMessage(Messages.CHINESE).contains("N07"));
    }

    @Test
    void anInvalidCoordinateIsRefusedNamingThePoint() {
        UserException e = assertThrows(UserException.class, () -> SampleSet.of(List.of(
                new Sample("N01", Double.NaN, 0, 55))));
        assertEquals("interpolation.pointCoordinateInvalid", e.key());
        assertEquals("N01", e.args()[0]);
    }

    @Test
    void theLogTransformRefusesZeroAndNegativeValues() {
        UserException e = assertThrows(UserException.class, () -> SampleSet.of(List.of(
                new Sample("S1", 0, 0, 3), new Sample("S2", 5, 0, 0)), ValueTransform.LOG));
        assertEquals("interpolation.pointValueNotPositive", e.key());
        assertEquals("S2", e.args()[0]);
        // the energetic transform takes any level, even negative dB
        assertEquals(2, SampleSet.of(List.of(new Sample("a", 0, 0, -3), new Sample("b", 1, 0, 0)),
                ValueTransform.ENERGETIC).size());
    }

    @Test
    void noPointsIsRefused() {
        assertEquals("interpolation.noPoints",
                assertThrows(UserException.class, () -> SampleSet.of(List.of())).key());
    }

    @Test
    void duplicateLocationsAreAveragedWithAWarningNamingThem() {
        SampleSet s = SampleSet.of(List.of(new Sample("A", 10, 10, 4), new Sample("B", 20, 10, 7),
                new Sample("A2", 10, 10, 6)));
        assertEquals(2, s.size());
        assertEquals("A", s.id(0));
        assertEquals(5, s.value(0), 1e-12);
        assertEquals("B", s.id(1));
        assertEquals(1, s.warnings().size());
        InterpolationWarning w = s.warnings().get(0);
        assertEquals("interpolation.duplicatesAveraged", w.key());
        String text = w.message(Messages.ENGLISH);
        assertTrue(text.contains("A, A2") && text.contains("(10, 10)"), text);
    }

    @Test
    void duplicateSoundLevelsAreAveragedEnergetically() {
        SampleSet s = SampleSet.of(List.of(new Sample("N1", 0, 0, 60), new Sample("N1'", 0.0005, 0, 70),
                new Sample("N2", 50, 0, 50)), ValueTransform.ENERGETIC);
        assertEquals(2, s.size());
        assertEquals(67.40362689494244, s.originalValue(0), 1e-9);
        assertEquals(Math.pow(10, 6.740362689494244), s.value(0), 1e-3);
        assertEquals("interpolation.duplicatesAveragedEnergetic", s.warnings().get(0).key());
    }

    @Test
    void onlyPointsWithinTheToleranceAreMerged() {
        List<Sample> in = List.of(new Sample("a", 0, 0, 1), new Sample("b", 0.4, 0, 2), new Sample("c", 2, 0, 3));
        assertEquals(2, SampleSet.of(in, ValueTransform.NONE, 0.5).size());
        assertEquals(3, SampleSet.of(in, ValueTransform.NONE, 0.1).size());
    }

    @Test
    void inputOrderIsKept() {
        SampleSet s = SampleSet.of(List.of(new Sample("z", 5, 5, 1), new Sample("a", 1, 1, 2),
                new Sample("m", 3, 3, 3)));
        assertEquals("z", s.id(0));
        assertEquals("a", s.id(1));
        assertEquals("m", s.id(2));
    }
}
