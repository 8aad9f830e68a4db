package org.ecomonitor.analysis.trend;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The randomized selection returns the same slopes as enumerating and sorting them all. */
class PairwiseSlopeSelectionTest {

    private static double[] allSlopesSorted(double[] t, double[] y, int[] block) {
        int n = t.length;
        double[] out = new double[n * (n - 1) / 2];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (t[i] != t[j] && (block == null || block[i] == block[j])) {
                    out[m++] = (y[j] - y[i]) / (t[j] - t[i]);
                }
            }
        }
        double[] s = Arrays.copyOf(out, m);
        Arrays.sort(s);
        return s;
    }

    private static void assertSameAsEnumeration(double[] t, double[] y, int[] block) {
        double[] all = allSlopesSorted(t, y, block);
        PairwiseSlopeSelection sel = new PairwiseSlopeSelection(t, y, block, 42);
        assertEquals(all.length, sel.pairs());
        assertTrue(sel.pairs() > PairwiseSlopeSelection.DIRECT_LIMIT, "the test must exercise the randomized path");
        long m = all.length;
        long[] ranks = {0, m / 1000, (long) (m * 0.3), (m - 1) / 2, m / 2, (long) (m * 0.7), m - 17, m - 1};
        double[] got = sel.select(ranks);
        for (int i = 0; i < ranks.length; i++) {
            assertEquals(all[(int) ranks[i]], got[i], 1e-12 * Math.max(1, Math.abs(all[(int) ranks[i]])),
                    "rank " + ranks[i]);
        }
    }

    @Test
    void continuousDataWithTrend() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 2600;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            y[i] = 0.01 * i + rnd.nextGaussian();
        }
        assertSameAsEnumeration(t, y, null);
    }

    @Test
    void integerDataWithMassiveTiesAmongSlopesAndTimes() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 2600;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rnd.nextInt(900);          // repeated times: those pairs have no slope
            y[i] = rnd.nextInt(4);            // slope 0 and simple fractions repeat millions of times
        }
        assertSameAsEnumeration(t, y, null);
    }

    @Test
    void unsortedTimesAndNegativeValues() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 2200;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rnd.nextDouble() * 1000 - 500;
            y[i] = -3 * t[i] + 50 * rnd.nextGaussian();
        }
        assertSameAsEnumeration(t, y, null);
    }

    @Test
    void slopesOnlyWithinBlocks() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 7000;
        double[] t = new double[n];
        double[] y = new double[n];
        int[] block = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 3;
            block[i] = i % 3;
            y[i] = Math.round(10 * (0.001 * i + rnd.nextGaussian())) / 10.0;
        }
        assertSameAsEnumeration(t, y, block);
    }

    @Test
    void constantSeriesHasSlopeZero() {
        int n = 3000;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            y[i] = 7;
        }
        PairwiseSlopeSelection sel = new PairwiseSlopeSelection(t, y, null, 1);
        long m = sel.pairs();
        assertEquals(0.0, sel.select(m / 2)[0]);
    }
}
