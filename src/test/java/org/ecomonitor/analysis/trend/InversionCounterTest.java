package org.ecomonitor.analysis.trend;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InversionCounterTest {

    @Test
    void sortsByKeyAndCountsTheInversionsOfIndexOrder() {
        SplittableRandom rnd = new SplittableRandom(17);
        InversionCounter counter = new InversionCounter();
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(trial < 200 ? 70 : 3000);
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                key[i] = switch (trial % 3) {
                    case 0 -> rnd.nextInt(5) - 2;                                // many exact ties, -0.0 and 0.0
                    case 1 -> rnd.nextGaussian() * 1e6;
                    default -> 1 + rnd.nextInt(3) * 1e-13 + rnd.nextDouble() * 1e-15; // below the packed precision
                };
                if (key[i] == 0 && rnd.nextBoolean()) {
                    key[i] = -0.0;
                }
            }
            int from = n > 3 ? 1 : 0;
            int[] ord = new int[n];
            long inv = counter.sort(key, from, n, ord, null);
            long expected = 0;
            for (int i = from; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    expected += key[j] < key[i] ? 1 : 0;
                }
            }
            assertEquals(expected, inv, "trial " + trial);
            for (int i = from + 1; i < n; i++) {
                assertTrue(key[ord[i - 1]] < key[ord[i]] || (key[ord[i - 1]] == key[ord[i]] && ord[i - 1] < ord[i]),
                        "order at " + i);
            }
        }
    }

    @Test
    void everyInversionIsReportedOnceWhenAllAreWanted() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(60);
            int[] perm = java.util.stream.IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            java.util.Set<String> expected = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (perm[i] > perm[j]) {
                        expected.add(perm[j] + "<" + perm[i]);
                    }
                }
            }
            long[] wanted = java.util.stream.LongStream.range(100, 100 + expected.size()).toArray();
            java.util.List<String> got = new java.util.ArrayList<>();
            int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
            long count = InversionCounter.countInversions(perm.clone(), new int[n], n, bits, wanted, 0, 100,
                    (later, earlier) -> got.add(later + "<" + earlier));
            assertEquals(expected.size(), count);
            assertEquals(expected.size(), got.size());
            assertEquals(expected, new java.util.HashSet<>(got));
        }
    }

    @Test
    void tieRuleOrdersEqualKeys() {
        double[] key = {1, 1, 1, 0, 1};
        int[] ord = new int[5];
        // among equal keys, larger index first: 3 | 4 2 1 0 → inversions: 3 before 0,1,2 (3) + 4 before 0,1,2 (3)
        // + 2 before 0,1 (2) + 1 before 0 (1) = 9
        long inv = new InversionCounter().sort(key, 0, 5, ord, (a, b) -> a > b);
        assertEquals(9, inv);
        assertEquals(java.util.List.of(3, 4, 2, 1, 0), java.util.Arrays.stream(ord).boxed().toList());
    }
}
