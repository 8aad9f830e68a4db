package org.ecomonitor.analysis.trend;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MedianTest {

    @Test
    void selectionAgreesWithSortingForAnyRankAndTies() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + rnd.nextInt(trial < 20 ? 100 : 200_000);
            double[] a = new double[m];
            for (int i = 0; i < m; i++) {
                a[i] = trial % 4 == 0 ? rnd.nextInt(3) : rnd.nextGaussian();
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int k1 = rnd.nextInt(m);
            int k2 = Math.min(m - 1, k1 + 1);
            double[] got = Median.select(a, m, new int[] {k1, k2});
            assertEquals(sorted[k1], got[0]);
            assertEquals(sorted[k2], got[1]);
            double median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
            assertEquals(median, Median.of(a));
        }
    }
}
