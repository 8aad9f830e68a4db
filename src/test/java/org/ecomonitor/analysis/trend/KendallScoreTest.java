package org.ecomonitor.analysis.trend;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KendallScoreTest {

    /** S, tau-b and the tie-corrected variance by the definitions, over all n(n−1)/2 pairs. */
    private static double[] bruteForce(double[] x, double[] y) {
        int n = x.length;
        long s = 0;
        long tx = 0;
        long ty = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.round(Math.signum(x[j] - x[i]) * Math.signum(y[j] - y[i]));
                tx += x[i] == x[j] ? 1 : 0;
                ty += y[i] == y[j] ? 1 : 0;
            }
        }
        double n0 = n * (n - 1) / 2.0;
        return new double[] {s, s / Math.sqrt((n0 - tx) * (n0 - ty))};
    }

    @Test
    void knightsMergeSortCountEqualsThePairwiseDefinitionWithTiesInBothSamples() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(120);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(1 + rnd.nextInt(30));
                y[i] = rnd.nextInt(1 + rnd.nextInt(30)) - 0.5 * rnd.nextInt(3);
            }
            double[] expected = bruteForce(x, y);
            KendallScore k = KendallScore.of(x, y);
            assertEquals((long) expected[0], k.s(), "S");
            if (!Double.isNaN(expected[1])) {
                assertEquals(expected[1], k.tauB(), 1e-12, "tau-b");
            }
        }
    }

    @Test
    void varianceWithoutTiesIsTheTextbookFormula() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {3, 1, 4, 1.5, 5, 9, 2, 6, 5.5, 3.5};
        // n(n−1)(2n+5)/18 = 10·9·25/18 = 125
        assertEquals(125.0, KendallScore.of(x, y).varianceS(), 1e-12);
    }

    @Test
    void varianceWithTiesInValuesOnly() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1, 2, 2, 3, 3, 3};
        // (6·5·17 − [2·1·9 + 3·2·11]) / 18 = (510 − 84) / 18 = 23.666...
        assertEquals(426.0 / 18, KendallScore.of(x, y).varianceS(), 1e-12);
        // concordant 11, discordant 0, S = 11 (15 pairs, 4 tied in y)
        assertEquals(11, KendallScore.of(x, y).s());
    }

    @Test
    void oneHundredThousandValuesAreCountedWithoutEnumeratingPairs() {
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i * 1e-5 + rnd.nextGaussian();
        }
        KendallScore k = KendallScore.of(x, y);
        assertTrue(k.s() > 0);
        assertEquals(n, k.n());
    }
}
