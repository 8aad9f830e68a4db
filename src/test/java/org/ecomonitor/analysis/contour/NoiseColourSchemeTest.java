package org.ecomonitor.analysis.contour;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The DIN 18005 / ISO 1996-2 noise classes of 5 dB and their colours, and contour levels. */
class NoiseColourSchemeTest {

    private final NoiseColourScheme scheme = NoiseColourScheme.DIN_18005;

    @Test
    void elevenClassesOfFiveDecibelsFromBelow35ToAbove80() {
        assertEquals(11, scheme.classes().size());
        assertEquals("light green", scheme.classOf(20).colourName());
        assertEquals("light green", scheme.classOf(34.99).colourName());
        assertEquals("green", scheme.classOf(35).colourName());
        assertEquals("yellow", scheme.classOf(47).colourName());
        assertEquals("dark blue", scheme.classOf(80).colourName());
        assertEquals("#1E1E78", scheme.classOf(95).hex());
        assertNull(scheme.classOf(Double.NaN));
        assertEquals(-1, scheme.rgb(Double.NaN));
    }

    @Test
    void bandsTakeTheColourOfTheClassAtTheirMiddle() {
        GeometryFactory f = new GeometryFactory();
        assertEquals(scheme.rgb(57), scheme.rgb(new IsoBand(55, 60, f.createPolygon())));
        assertEquals(scheme.rgb(34), scheme.rgb(new IsoBand(Double.NEGATIVE_INFINITY, 35, f.createPolygon())));
        assertEquals(scheme.rgb(80), scheme.rgb(new IsoBand(80, Double.POSITIVE_INFINITY, f.createPolygon())));
        assertEquals(scheme.rgb(61), scheme.rgb(new IsoBand(60, 62.5, f.createPolygon())));
    }

    @Test
    void levels() {
        assertArrayEquals(new double[]{35, 40, 45, 50, 55, 60, 65, 70, 75, 80}, ContourLevels.noiseClasses());
        assertArrayEquals(new double[]{50, 55, 60}, ContourLevels.everyStep(new double[]{47, Double.NaN, 62}, 5));
        assertArrayEquals(new double[]{50, 55}, ContourLevels.everyStep(new double[]{45, 60}, 5));
        assertArrayEquals(new double[0], ContourLevels.everyStep(new double[]{45, 45}, 5));
        UserException e = assertThrows(UserException.class, () -> ContourLevels.of(35, 0, 80));
        assertEquals("interpolation.contourStepInvalid", e.key());
    }
}
