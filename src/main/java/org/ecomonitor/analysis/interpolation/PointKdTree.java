package org.ecomonitor.analysis.interpolation;

/**
 * A static two-dimensional k-d tree over points, for k-nearest-neighbour and radius searches. Built once in
 * O(n log n) by median splits on the wider axis, with leaves of up to 8 points stored contiguously; the tree
 * is immutable and may be searched by many threads, each through its own {@link Search}. A k-nearest search
 * costs about O(log n + k^2) for scattered points (k^2 for the sorted insertion, cheapest for the small k of
 * interpolation) and allocates nothing once its buffers have grown.
 * <p>
 * Results are the points smallest in (squared distance, index) order, so ties are broken by index and the
 * result never depends on the traversal.
 */
public final class PointKdTree {

    private static final int LEAF_SIZE = 8;
    private static final byte LEAF = 2;

    private final double[] px;
    private final double[] py;
    private final int[] index;
    private final double[] split;
    private final byte[] axis;

    /** Builds the tree over the points {@code (x[i], y[i])}; the arrays are copied. */
    public PointKdTree(double[] x, double[] y) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        px = x.clone();
        py = y.clone();
        int depth = 0;
        for (int size = n; size > LEAF_SIZE; size = (size + 1) / 2) {
            depth++;
        }
        int nodes = (1 << (depth + 1)) - 1;
        split = new double[nodes];
        axis = new byte[nodes];
        build(0, 0, n);
    }

    /** Number of points. */
    public int size() {
        return index.length;
    }

    private void build(int node, int lo, int hi) {
        if (hi - lo <= LEAF_SIZE) {
            axis[node] = LEAF;
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = lo; i < hi; i++) {
            minX = Math.min(minX, px[i]);
            maxX = Math.max(maxX, px[i]);
            minY = Math.min(minY, py[i]);
            maxY = Math.max(maxY, py[i]);
        }
        byte a = (maxX - minX) >= (maxY - minY) ? (byte) 0 : (byte) 1;
        int mid = (lo + hi) >>> 1;
        select(a == 0 ? px : py, lo, hi - 1, mid);
        axis[node] = a;
        split[node] = a == 0 ? px[mid] : py[mid];
        build(2 * node + 1, lo, mid);
        build(2 * node + 2, mid, hi);
    }

    /** Quickselect: puts the k-th smallest key at k, smaller-or-equal keys before, greater-or-equal after. */
    private void select(double[] key, int left, int right, int k) {
        while (right > left) {
            int m = (left + right) >>> 1;
            // median of three as pivot
            if (key[m] < key[left]) {
                swap(m, left);
            }
            if (key[right] < key[left]) {
                swap(right, left);
            }
            if (key[right] < key[m]) {
                swap(right, m);
            }
            double pivot = key[m];
            int i = left;
            int j = right;
            while (i <= j) {
                while (key[i] < pivot) {
                    i++;
                }
                while (key[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private void swap(int i, int j) {
        double t = px[i];
        px[i] = px[j];
        px[j] = t;
        t = py[i];
        py[i] = py[j];
        py[j] = t;
        int s = index[i];
        index[i] = index[j];
        index[j] = s;
    }

    /**
     * Offers (d2, id) to the k smallest so far, kept sorted by (squared distance, index) in {@code d2s} and
     * {@code ids}; {@code found} of them are filled. Returns the new count. The one ordering of all searches.
     */
    static int insertSorted(double[] d2s, int[] ids, int found, int k, double d2, int id) {
        int j;
        if (found < k) {
            j = found++;
        } else {
            j = k - 1;
            if (d2 > d2s[j] || (d2 == d2s[j] && id > ids[j])) {
                return found;
            }
        }
        while (j > 0 && (d2s[j - 1] > d2 || (d2s[j - 1] == d2 && ids[j - 1] > id))) {
            d2s[j] = d2s[j - 1];
            ids[j] = ids[j - 1];
            j--;
        }
        d2s[j] = d2;
        ids[j] = id;
        return found;
    }

    /** A new search with its own buffers; not thread-safe, use one per thread. */
    public Search search() {
        return new Search(this);
    }

    /**
     * The buffers and results of searches on one tree, reused call after call. Depth-first, nearer child first,
     * with an explicit stack; results kept sorted by (squared distance, index) by insertion, which is the
     * cheapest order for the small k of interpolation.
     */
    public static final class Search {
        private final double[] px;
        private final double[] py;
        private final int[] index;
        private final double[] split;
        private final byte[] axis;
        private final int n;
        private int[] resIdx = new int[16];
        private double[] resD2 = new double[16];
        private int count;
        // stack of pending far children: node, lo, hi and a lower bound of their squared distance
        private final int[] stNode = new int[64];
        private final int[] stLo = new int[64];
        private final int[] stHi = new int[64];
        private final double[] stMin = new double[64];

        private Search(PointKdTree tree) {
            this.px = tree.px;
            this.py = tree.py;
            this.index = tree.index;
            this.split = tree.split;
            this.axis = tree.axis;
            this.n = tree.index.length;
        }

        /**
         * Finds the {@code k} points nearest to {@code (x, y)} among those within squared distance
         * {@code maxDist2} (inclusive), leaving out the point with index {@code exclude} (-1 for none). Results
         * are sorted by distance; read them with {@link #index(int)} and {@link #distance2(int)}.
         *
         * @return the number of points found, at most k
         */
        public int nearest(double x, double y, int k, double maxDist2, int exclude) {
            if (k >= n) {
                return within(x, y, maxDist2, exclude);
            }
            if (resIdx.length < k) {
                resIdx = new int[k];
                resD2 = new double[k];
            }
            int found = 0;
            double bound = maxDist2;
            int[] ri = resIdx;
            double[] rd = resD2;
            int sp = 0;
            int node = 0;
            int lo = 0;
            int hi = n;
            if (k <= 0 || n == 0) {
                count = 0;
                return 0;
            }
            while (true) {
                // descend to a leaf, pushing far children
                byte a;
                while ((a = axis[node]) != LEAF) {
                    int mid = (lo + hi) >>> 1;
                    double diff = (a == 0 ? x : y) - split[node];
                    double d2 = diff * diff;
                    if (diff < 0) {
                        if (d2 <= bound) {
                            stNode[sp] = 2 * node + 2;
                            stLo[sp] = mid;
                            stHi[sp] = hi;
                            stMin[sp] = d2;
                            sp++;
                        }
                        node = 2 * node + 1;
                        hi = mid;
                    } else {
                        if (d2 <= bound) {
                            stNode[sp] = 2 * node + 1;
                            stLo[sp] = lo;
                            stHi[sp] = mid;
                            stMin[sp] = d2;
                            sp++;
                        }
                        node = 2 * node + 2;
                        lo = mid;
                    }
                }
                for (int i = lo; i < hi; i++) {
                    double dx = px[i] - x;
                    double dy = py[i] - y;
                    double d2 = dx * dx + dy * dy;
                    if (d2 > bound) {
                        continue;
                    }
                    int id = index[i];
                    if (id == exclude) {
                        continue;
                    }
                    found = insertSorted(rd, ri, found, k, d2, id);
                    if (found == k) {
                        bound = rd[k - 1];
                    }
                }
                // next pending subtree that can still hold a result
                do {
                    if (sp == 0) {
                        count = found;
                        return found;
                    }
                    sp--;
                } while (stMin[sp] > bound);
                node = stNode[sp];
                lo = stLo[sp];
                hi = stHi[sp];
            }
        }

        /**
         * All points within squared distance {@code maxDist2} (inclusive) of (x, y), except {@code exclude},
         * sorted by distance: O(log n + m log m) for m results.
         */
        public int within(double x, double y, double maxDist2, int exclude) {
            if (resIdx.length < n) {
                resIdx = new int[n];
                resD2 = new double[n];
            }
            int found = 0;
            int sp = 0;
            int node = 0;
            int lo = 0;
            int hi = n;
            while (n > 0) {
                byte a;
                while ((a = axis[node]) != LEAF) {
                    int mid = (lo + hi) >>> 1;
                    double diff = (a == 0 ? x : y) - split[node];
                    boolean farToo = diff * diff <= maxDist2;
                    if (diff < 0) {
                        if (farToo) {
                            stNode[sp] = 2 * node + 2;
                            stLo[sp] = mid;
                            stHi[sp] = hi;
                            sp++;
                        }
                        node = 2 * node + 1;
                        hi = mid;
                    } else {
                        if (farToo) {
                            stNode[sp] = 2 * node + 1;
                            stLo[sp] = lo;
                            stHi[sp] = mid;
                            sp++;
                        }
                        node = 2 * node + 2;
                        lo = mid;
                    }
                }
                for (int i = lo; i < hi; i++) {
                    double dx = px[i] - x;
                    double dy = py[i] - y;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= maxDist2 && index[i] != exclude) {
                        resD2[found] = d2;
                        resIdx[found] = index[i];
                        found++;
                    }
                }
                if (sp == 0) {
                    break;
                }
                sp--;
                node = stNode[sp];
                lo = stLo[sp];
                hi = stHi[sp];
            }
            heapSort(found);
            count = found;
            return found;
        }

        private static boolean greater(double d2a, int ia, double d2b, int ib) {
            return d2a > d2b || (d2a == d2b && ia > ib);
        }

        /** Sorts the first m results by (squared distance, index), in place. */
        private void heapSort(int m) {
            for (int i = m / 2 - 1; i >= 0; i--) {
                siftDown(i, m, resD2[i], resIdx[i]);
            }
            for (int end = m - 1; end > 0; end--) {
                double d = resD2[end];
                int id = resIdx[end];
                resD2[end] = resD2[0];
                resIdx[end] = resIdx[0];
                siftDown(0, end, d, id);
            }
        }

        private void siftDown(int c, int size, double d, int id) {
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) {
                    break;
                }
                int r = l + 1;
                int big = (r < size && greater(resD2[r], resIdx[r], resD2[l], resIdx[l])) ? r : l;
                if (!greater(resD2[big], resIdx[big], d, id)) {
                    break;
                }
                resD2[c] = resD2[big];
                resIdx[c] = resIdx[big];
                c = big;
            }
            resD2[c] = d;
            resIdx[c] = id;
        }

        /** Index (into the arrays the tree was built from) of the i-th result. */
        public int index(int i) {
            return resIdx[i];
        }

        /** Squared distance of the i-th result. */
        public double distance2(int i) {
            return resD2[i];
        }

        /** Number of results of the last search. */
        public int count() {
            return count;
        }
    }
}
