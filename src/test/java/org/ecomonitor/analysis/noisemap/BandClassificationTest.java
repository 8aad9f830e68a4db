package org.ecomonitor.analysis.noisemap;

import org.ecomonitor.analysis.contour.NoiseColourScheme;
import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BandClassificationTest {

    @Test
    void fiveDecibelNoiseClassesHaveTheDin18005Colours() {
        BandClassification c = BandClassification.noiseEvery(5);
        assertEquals(11, c.bands().size());
        assertEquals(BandClassification.Scheme.DIN_18005, c.scheme());
        for (int i = 0; i < c.bands().size(); i++) {
            assertEquals(NoiseColourScheme.DIN_18005.classes().get(i).rgb(), c.bands().get(i).rgb());
        }
        BandClassification.Band orange = c.bands().get(c.bandOf(57.3));
        assertEquals("55-60", orange.label());
        assertEquals("#FF8C28", orange.hex());
        assertEquals("orange", orange.colourName());
        assertEquals("< 35", c.bands().get(0).label());
        assertEquals(">= 80", c.bands().get(10).label());
        assertEquals(-1, c.bandOf(Double.NaN));
        assertEquals(-1, c.rgb(Double.NaN));
        assertEquals(6, c.bandOf(60.0), "a level on a break belongs to the band above");
        assertEquals(0, c.bandOf(-5));
        assertEquals(10, c.bandOf(95));
    }

    @Test
    void narrowerBandsTakeTheColourOfTheClassHoldingTheirMiddle() {
        BandClassification c = BandClassification.noiseEvery(2.5);
        assertEquals(NoiseColourScheme.DIN_18005.rgb(56), c.bands().get(c.bandOf(56)).rgb());
        assertEquals(NoiseColourScheme.DIN_18005.rgb(58), c.bands().get(c.bandOf(58)).rgb());
        assertEquals("57.5-60", c.bands().get(c.bandOf(58)).label());
    }

    @Test
    void otherQuantitiesGetARoundStepAndTheSequentialRamp() {
        double[] values = {0.031, 0.44, 0.12, Double.NaN, 0.2};
        // range 0.409 / 8 classes = 0.051: the next round step is 0.1
        assertEquals(0.1, BandClassification.roundStep(values, 8), 1e-15);
        assertEquals(0.05, BandClassification.roundStep(values, 10), 1e-15);
        BandClassification c = BandClassification.valuesEvery(values, Double.NaN);
        assertEquals(BandClassification.Scheme.VIRIDIS, c.scheme());
        assertArrayEquals(new double[]{0.1, 0.2, 0.3, 0.4}, c.breaks(), 1e-12);
        assertEquals(0x440154, c.bands().get(0).rgb());
        assertEquals(0xFDE725, c.bands().get(c.bands().size() - 1).rgb());
    }

    @Test
    void skewedQuantitiesGetOneTwoFiveBreaks() {
        double[] mercury = {0.031, 0.08, Double.NaN, 0.44, 3.7, 14.2};
        assertArrayEquals(new double[]{0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10},
                BandClassification.valuesOneTwoFive(mercury).breaks(), 0);
        assertEquals(0, BandClassification.valuesOneTwoFive(new double[]{2, 2}).breaks().length);
    }

    @Test
    void levelsMustIncrease() {
        assertThrows(UserException.class, () -> BandClassification.noise(new double[]{50, 45}));
        assertThrows(UserException.class, () -> BandClassification.noiseEvery(0));
    }
}
