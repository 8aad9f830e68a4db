package org.ecomonitor.gui.charts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the chart draws of a 10-year hourly series: about two points a pixel, the peaks kept, gaps not bridged. */
class ChartDecimationTest {

    static final int HOURS = 87_600;

    static double[][] tenYears(long seed) {
        double[] x = new double[HOURS];
        double[] y = new double[HOURS];
        Random r = new Random(seed);
        long t0 = 1_262_275_200_000L;
        for (int i = 0; i < HOURS; i++) {
            x[i] = t0 + i * 3_600_000.0;
            y[i] = 40 + 15 * Math.sin(i * 2 * Math.PI / 8760) + r.nextGaussian() * 8;
        }
        return new double[][]{x, y};
    }

    @Test
    void keepsAPlantedPeakAtEveryZoom() {
        double[][] s = tenYears(3);
        int peak = 54_321;
        s[1][peak] = 480;
        ChartDecimation d = new ChartDecimation(s[0], s[1]);
        int[] all = d.visible(s[0][0], s[0][HOURS - 1], 2000);
        assertTrue(all.length <= 2000, "decimated to " + all.length);
        assertTrue(Arrays.binarySearch(all, peak) >= 0, "the peak survives the whole view");
        // zoomed into a month around it: re-decimated, more detail, the peak still there
        int[] month = d.visible(s[0][peak - 360], s[0][peak + 360], 2000);
        assertTrue(Arrays.binarySearch(month, peak) >= 0);
        assertEquals(723, month.length, "a month is 721 hours plus one point beyond each edge: all drawn");
        // a trough too
        s[1][12_345] = -50;
        int[] again = new ChartDecimation(s[0], s[1]).visible(s[0][0], s[0][HOURS - 1], 2000);
        assertTrue(Arrays.binarySearch(again, 12_345) >= 0, "the trough survives");
    }

    @Test
    void neverBridgesAGap() {
        double[][] s = tenYears(5);
        for (int i = 20_000; i < 20_500; i++) {
            s[1][i] = Double.NaN;
        }
        ChartDecimation d = new ChartDecimation(s[0], s[1]);
        int[] idx = d.visible(s[0][0], s[0][HOURS - 1], 1500);
        int before = -1;
        int after = -1;
        for (int i : idx) {
            if (i < 20_000) {
                before = i;
            } else if (after < 0) {
                after = i;
            }
        }
        assertTrue(d.gapBetween(before, after), "the line breaks over the missing 500 hours");
        assertFalse(d.gapBetween(idx[0], idx[1]));
        // a step of a week in an hourly series is a gap too, even without NaNs
        double[] x = {0, 3_600_000, 7_200_000, 7_200_000 + 7 * 86_400_000.0, 7_200_000 + 7 * 86_400_000.0 + 3_600_000};
        ChartDecimation steps = new ChartDecimation(x, new double[]{1, 2, 3, 4, 5});
        assertTrue(steps.gapBetween(2, 3));
        assertFalse(steps.gapBetween(0, 2));
    }
}
