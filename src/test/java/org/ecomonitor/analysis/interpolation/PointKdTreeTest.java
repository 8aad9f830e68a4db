package org.ecomonitor.analysis.interpolation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** k-nearest and radius searches give what a brute-force scan gives, ties broken by index. */
class PointKdTreeTest {

    private static int[] bruteForce(double[] x, double[] y, double qx, double qy, int k, double max2, int exclude) {
        return IntStream.range(0, x.length)
                .filter(i -> i != exclude)
                .filter(i -> d2(x, y, i, qx, qy) <= max2)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> d2(x, y, i, qx, qy)).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double d2(double[] x, double[] y, int i, double qx, double qy) {
        return (x[i] - qx) * (x[i] - qx) + (y[i] - qy) * (y[i] - qy);
    }

    private static int[] result(PointKdTree.Search s, int m) {
        int[] r = new int[m];
        for (int i = 0; i < m; i++) {
            r[i] = s.index(i);
        }
        return r;
    }

    @Test
    void nearestMatchesBruteForceOnScatteredAndOnGriddedPoints() {
        Random r = new Random(3);
        for (int set = 0; set < 2; set++) {
            int n = 500;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                // the second set lies on a lattice: many equal distances
                x[i] = set == 0 ? r.nextDouble() * 1000 : (i % 25) * 10;
                y[i] = set == 0 ? r.nextDouble() * 1000 : (i / 25) * 10;
            }
            PointKdTree tree = new PointKdTree(x, y);
            PointKdTree.Search s = tree.search();
            for (int q = 0; q < 300; q++) {
                double qx = set == 0 ? r.nextDouble() * 1100 - 50 : 5 * r.nextInt(50);
                double qy = set == 0 ? r.nextDouble() * 1100 - 50 : 5 * r.nextInt(40);
                int k = 1 + r.nextInt(20);
                double max2 = r.nextBoolean() ? Double.POSITIVE_INFINITY : Math.pow(r.nextDouble() * 200, 2);
                int exclude = r.nextInt(4) == 0 ? r.nextInt(n) : -1;
                int m = s.nearest(qx, qy, k, max2, exclude);
                assertArrayEquals(bruteForce(x, y, qx, qy, k, max2, exclude), result(s, m));
                for (int i = 1; i < m; i++) {
                    assertEquals(true, s.distance2(i) >= s.distance2(i - 1));
                }
                int w = s.within(qx, qy, max2 == Double.POSITIVE_INFINITY ? 2500 : max2, exclude);
                assertArrayEquals(bruteForce(x, y, qx, qy, n, max2 == Double.POSITIVE_INFINITY ? 2500 : max2,
                        exclude), result(s, w));
            }
        }
    }

    @Test
    void segmentNeighboursOfARowEqualTheTreeSearch() {
        Random r = new Random(11);
        for (int set = 0; set < 2; set++) {
            int n = 400;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = set == 0 ? r.nextDouble() * 1000 : (i % 20) * 50;
                y[i] = set == 0 ? r.nextDouble() * 1000 : (i / 20) * 50;
            }
            PointKdTree tree = new PointKdTree(x, y);
            PointKdTree.Search s = tree.search();
            for (double radius : new double[]{Double.POSITIVE_INFINITY, 90, 300}) {
                for (int k : new int[]{1, 12, 16}) {
                    SegmentNeighbours seg = new SegmentNeighbours(tree, x, y, k, radius * radius);
                    for (int q = 0; q < 40; q++) {
                        double y0 = set == 0 ? r.nextDouble() * 1200 - 100 : 25 * r.nextInt(45);
                        double step = set == 0 ? 3 + r.nextDouble() * 30 : 25;
                        double x0 = r.nextDouble() * 800 - 100;
                        seg.gather(x0 + 7.5 * step, y0, 7.5 * step);
                        for (int c = 0; c < 16; c++) {
                            double qx = x0 + c * step;
                            int m = seg.nearest(qx, y0);
                            int expected = s.nearest(qx, y0, k, radius * radius, -1);
                            assertEquals(expected, m);
                            for (int i = 0; i < m; i++) {
                                assertEquals(s.index(i), seg.index(i));
                                assertEquals(s.distance2(i), seg.distance2(i));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void smallAndEmptyTrees() {
        PointKdTree empty = new PointKdTree(new double[0], new double[0]);
        assertEquals(0, empty.search().nearest(0, 0, 5, Double.POSITIVE_INFINITY, -1));
        PointKdTree three = new PointKdTree(new double[]{0, 1, 2}, new double[]{0, 0, 0});
        PointKdTree.Search s = three.search();
        assertEquals(3, s.nearest(1.9, 0, 10, Double.POSITIVE_INFINITY, -1));
        assertArrayEquals(new int[]{2, 1, 0}, result(s, 3));
        assertEquals(1, Arrays.stream(new int[]{s.nearest(0, 0, 1, Double.POSITIVE_INFINITY, 0)}).sum());
        assertEquals(1, s.index(0));
    }
}
