package org.ecomonitor.analysis.contour;

/**
 * Marching squares on a {@link ContourLattice}: the directed segments that bound the superlevel set
 * {@code {v >= t}} inside a square (that set on their left), and the pieces of domain-boundary edges whose
 * values lie in a band. Saddles (opposite corners on the same side) are resolved by the mean of the four
 * corners, the same way for every threshold, so boundaries of nested thresholds never cross. O(1) per square.
 */
final class MarchingSquares {

    private final ContourLattice lattice;
    // buffers: one instance is used by one thread
    private final double[] v = new double[4];
    private final double[] p = new double[2];
    private final double[] q = new double[2];

    MarchingSquares(ContourLattice lattice) {
        this.lattice = lattice;
    }

    /** Corners of square (i, j) counter-clockwise from the south-west: offsets in i and j. */
    private static final int[] DI = {0, 1, 1, 0};
    private static final int[] DJ = {0, 0, 1, 1};

    /**
     * Appends the iso segments of threshold {@code t} (slot for keys) in square (i, j), oriented with values
     * at or above t on their left; reversed when {@code reverse}.
     */
    void isoSegments(int i, int j, double t, int slot, boolean reverse, SegmentList out) {
        corners(i, j);
        int exits = 0;
        int entries = 0;
        int mask = 0;
        for (int k = 0; k < 4; k++) {
            if (v[k] >= t) {
                mask |= 1 << k;
            }
        }
        if (mask == 0 || mask == 15) {
            return;
        }
        for (int k = 0; k < 4; k++) {
            boolean in = (mask & (1 << k)) != 0;
            boolean nextIn = (mask & (1 << ((k + 1) & 3))) != 0;
            if (in && !nextIn) {
                exits |= 1 << k;
            } else if (!in && nextIn) {
                entries |= 1 << k;
            }
        }
        if (mask == 5 || mask == 10) {
            boolean joined = (v[0] + v[1] + v[2] + v[3]) / 4 >= t;
            for (int k = 0; k < 4; k++) {
                if ((exits & (1 << k)) != 0) {
                    int e = joined ? (k + 1) & 3 : (k + 3) & 3;
                    emit(i, j, v, t, slot, k, e, reverse, out);
                }
            }
        } else {
            int k = Integer.numberOfTrailingZeros(exits);
            int e = Integer.numberOfTrailingZeros(entries);
            emit(i, j, v, t, slot, k, e, reverse, out);
        }
    }

    private void emit(int i, int j, double[] v, double t, int slot, int exitEdge, int entryEdge, boolean reverse,
                      SegmentList out) {
        long a = crossing(i, j, v, t, slot, exitEdge, p);
        long b = crossing(i, j, v, t, slot, entryEdge, q);
        if (reverse) {
            out.add(b, q[0], q[1], a, p[0], p[1]);
        } else {
            out.add(a, p[0], p[1], b, q[0], q[1]);
        }
    }

    /**
     * The crossing of t on edge k of square (i, j) (edge k runs from corner k to corner k + 1): its key, and
     * its location in {@code xy}. Computed on the edge's canonical direction (east or north).
     */
    long crossing(int i, int j, double[] v, double t, int slot, int k, double[] xy) {
        switch (k) {
            case 0: { // south edge, (i, j) -> (i + 1, j)
                double f = ContourLattice.fraction(v[0], v[1], t);
                xy[0] = lattice.x(i) + f * (lattice.x(i + 1) - lattice.x(i));
                xy[1] = lattice.y(j);
                return lattice.eastEdgeKey(slot, i, j);
            }
            case 1: { // east edge, (i + 1, j) -> (i + 1, j + 1)
                double f = ContourLattice.fraction(v[1], v[2], t);
                xy[0] = lattice.x(i + 1);
                xy[1] = lattice.y(j) + f * (lattice.y(j + 1) - lattice.y(j));
                return lattice.northEdgeKey(slot, i + 1, j);
            }
            case 2: { // north edge, canonical (i, j + 1) -> (i + 1, j + 1)
                double f = ContourLattice.fraction(v[3], v[2], t);
                xy[0] = lattice.x(i) + f * (lattice.x(i + 1) - lattice.x(i));
                xy[1] = lattice.y(j + 1);
                return lattice.eastEdgeKey(slot, i, j + 1);
            }
            default: { // west edge, canonical (i, j) -> (i, j + 1)
                double f = ContourLattice.fraction(v[0], v[3], t);
                xy[0] = lattice.x(i);
                xy[1] = lattice.y(j) + f * (lattice.y(j + 1) - lattice.y(j));
                return lattice.northEdgeKey(slot, i, j);
            }
        }
    }

    /**
     * Appends, for each edge of square (i, j) that lies on the domain boundary (no valid square beyond it),
     * the part whose values lie in {@code [lo, hi)}, directed counter-clockwise around the square.
     */
    void boundaryPieces(int i, int j, double lo, double hi, SegmentList out) {
        corners(i, j);
        for (int k = 0; k < 4; k++) {
            int ni = i + (k == 1 ? 1 : k == 3 ? -1 : 0);
            int nj = j + (k == 0 ? -1 : k == 2 ? 1 : 0);
            if (lattice.validSquare(ni, nj)) {
                continue;
            }
            int k1 = (k + 1) & 3;
            double va = v[k];
            double vb = v[k1];
            int sa = side(va, lo, hi);
            int sb = side(vb, lo, hi);
            if (sa == sb && sa != 0) {
                continue;
            }
            long a;
            if (sa == 0) {
                a = lattice.vertexKey(i + DI[k], j + DJ[k]);
                p[0] = lattice.x(i + DI[k]);
                p[1] = lattice.y(j + DJ[k]);
            } else {
                a = crossing(i, j, v, sa < 0 ? lo : hi, sa < 0 ? 0 : 1, k, p);
            }
            long b;
            if (sb == 0) {
                b = lattice.vertexKey(i + DI[k1], j + DJ[k1]);
                q[0] = lattice.x(i + DI[k1]);
                q[1] = lattice.y(j + DJ[k1]);
            } else {
                b = crossing(i, j, v, sb < 0 ? lo : hi, sb < 0 ? 0 : 1, k, q);
            }
            out.add(a, p[0], p[1], b, q[0], q[1]);
        }
    }

    /** -1 below the band, 0 in it, 1 at or above its upper limit. */
    private static int side(double v, double lo, double hi) {
        return v < lo ? -1 : v >= hi ? 1 : 0;
    }

    /** True when square (i, j) has an edge on the domain boundary. */
    boolean touchesBoundary(int i, int j) {
        return !lattice.validSquare(i, j - 1) || !lattice.validSquare(i + 1, j)
                || !lattice.validSquare(i, j + 1) || !lattice.validSquare(i - 1, j);
    }

    private void corners(int i, int j) {
        v[0] = lattice.value(i, j);
        v[1] = lattice.value(i + 1, j);
        v[2] = lattice.value(i + 1, j + 1);
        v[3] = lattice.value(i, j + 1);
    }
}
