package org.ecomonitor.analysis.aggregate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LargestTriangleThreeBucketsTest {

    @Test
    void aYearOfHourlyValuesBecomesTwoThousandPointsAndKeepsItsPeaks() {
        int n = 87_600;
        double[] x = new double[n];
        double[] y = new double[n];
        SplittableRandom rnd = new SplittableRandom(8);
        for (int i = 0; i < n; i++) {
            x[i] = i * 3_600_000.0;
            y[i] = 40 + 10 * Math.sin(i / 500.0) + rnd.nextGaussian();
        }
        y[12_345] = 480;   // a pollution episode lasting one hour
        y[70_000] = -5;    // a faulty negative value
        int[] kept = LargestTriangleThreeBuckets.decimate(x, y, 2000);
        assertEquals(2000, kept.length);
        assertEquals(0, kept[0]);
        assertEquals(n - 1, kept[kept.length - 1]);
        for (int i = 1; i < kept.length; i++) {
            assertTrue(kept[i] > kept[i - 1], "ascending");
        }
        assertTrue(Arrays.stream(kept).anyMatch(i -> i == 12_345), "the peak survives");
        assertTrue(Arrays.stream(kept).anyMatch(i -> i == 70_000), "the trough survives");
    }

    @Test
    void missingValuesAreNeverKeptAndShortSeriesStayWhole() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1, Double.NaN, 3, 2, 5};
        assertArrayEquals(new int[] {0, 2, 3, 4}, LargestTriangleThreeBuckets.decimate(x, y, 10));
    }
}
