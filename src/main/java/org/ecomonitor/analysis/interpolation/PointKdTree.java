package org.ecomonitor.analysis.interpolation;

/**
 * A static two-dimensional k-d tree over points, for k-nearest-neighbour and radius searches. Built once in
 * O(n log n) by median splits on the wider axis, with leaves of up to 8 points stored contiguously; the tree
 * is immutable and may be searched by many threads, each through its own {@link Search}. A k-nearest search
 * costs about O(log n + k log k) for scattered points and allocates nothing once its buffers have grown.
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

    /** A new search with its own buffers; not thread-safe, use one per thread. */
    public Search search() {
        return new Search();
    }

    /** The buffers and results of searches on this tree, reused call after call. */
    public final class Search {
        private int[] heapIdx = new int[16];
        private double[] heapD2 = new double[16];
        private int count;
        private int k;
        private double bound;
        private int exclude;
        private double qx;
        private double qy;

        private Search() {
        }

        /**
         * Finds the {@code k} points nearest to {@code (x, y)} among those within squared distance
         * {@code maxDist2} (inclusive), leaving out the point with index {@code exclude} (-1 for none). Results
         * are sorted by distance; read them with {@link #index(int)} and {@link #distance2(int)}.
         *
         * @return the number of points found, at most k
         */
        public int nearest(double x, double y, int k, double maxDist2, int exclude) {
            ensure(k);
            this.k = k;
            this.qx = x;
            this.qy = y;
            this.exclude = exclude;
            this.count = 0;
            this.bound = maxDist2;
            if (k > 0 && index.length > 0) {
                visit(0, 0, index.length);
            }
            sortResults();
            return count;
        }

        /** All points within squared distance {@code maxDist2} (inclusive) of (x, y), sorted by distance. */
        public int within(double x, double y, double maxDist2, int exclude) {
            return nearest(x, y, index.length, maxDist2, exclude);
        }

        /** Index (into the arrays the tree was built from) of the i-th result. */
        public int index(int i) {
            return heapIdx[i];
        }

        /** Squared distance of the i-th result. */
        public double distance2(int i) {
            return heapD2[i];
        }

        /** Number of results of the last search. */
        public int count() {
            return count;
        }

        private void ensure(int k) {
            int want = Math.min(k, index.length);
            if (heapIdx.length < want) {
                heapIdx = new int[want];
                heapD2 = new double[want];
            }
        }

        private void visit(int node, int lo, int hi) {
            byte a = axis[node];
            if (a == LEAF) {
                for (int i = lo; i < hi; i++) {
                    double dx = px[i] - qx;
                    double dy = py[i] - qy;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= bound) {
                        offer(index[i], d2);
                    }
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            double diff = (a == 0 ? qx : qy) - split[node];
            if (diff < 0) {
                visit(2 * node + 1, lo, mid);
                if (diff * diff <= bound) {
                    visit(2 * node + 2, mid, hi);
                }
            } else {
                visit(2 * node + 2, mid, hi);
                if (diff * diff <= bound) {
                    visit(2 * node + 1, lo, mid);
                }
            }
        }

        private void offer(int idx, double d2) {
            if (idx == exclude) {
                return;
            }
            if (count < k) {
                // sift up in a max-heap ordered by (d2, idx)
                int c = count++;
                while (c > 0) {
                    int p = (c - 1) >>> 1;
                    if (greater(heapD2[p], heapIdx[p], d2, idx)) {
                        break;
                    }
                    heapD2[c] = heapD2[p];
                    heapIdx[c] = heapIdx[p];
                    c = p;
                }
                heapD2[c] = d2;
                heapIdx[c] = idx;
                if (count == k) {
                    bound = heapD2[0];
                }
                return;
            }
            if (!greater(heapD2[0], heapIdx[0], d2, idx)) {
                return;
            }
            // replace the top and sift down
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= count) {
                    break;
                }
                int r = l + 1;
                int big = (r < count && greater(heapD2[r], heapIdx[r], heapD2[l], heapIdx[l])) ? r : l;
                if (!greater(heapD2[big], heapIdx[big], d2, idx)) {
                    break;
                }
                heapD2[c] = heapD2[big];
                heapIdx[c] = heapIdx[big];
                c = big;
            }
            heapD2[c] = d2;
            heapIdx[c] = idx;
            bound = heapD2[0];
        }

        private static boolean greater(double d2a, int ia, double d2b, int ib) {
            return d2a > d2b || (d2a == d2b && ia > ib);
        }

        /** The max-heap to ascending order, in place (heap sort): O(count log count). */
        private void sortResults() {
            for (int end = count - 1; end > 0; end--) {
                double d = heapD2[end];
                int id = heapIdx[end];
                heapD2[end] = heapD2[0];
                heapIdx[end] = heapIdx[0];
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    if (l >= end) {
                        break;
                    }
                    int r = l + 1;
                    int big = (r < end && greater(heapD2[r], heapIdx[r], heapD2[l], heapIdx[l])) ? r : l;
                    if (!greater(heapD2[big], heapIdx[big], d, id)) {
                        break;
                    }
                    heapD2[c] = heapD2[big];
                    heapIdx[c] = heapIdx[big];
                    c = big;
                }
                heapD2[c] = d;
                heapIdx[c] = id;
            }
        }
    }
}
