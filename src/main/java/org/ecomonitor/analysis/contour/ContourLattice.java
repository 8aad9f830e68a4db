package org.ecomonitor.analysis.contour;

import org.ecomonitor.model.GridSpec;

/**
 * The lattice marching squares works on: vertices at the cell centres of a grid, squares between four
 * neighbouring centres. Indices {@code (i, j)} run east and north ({@code j = 0} is the southernmost row of
 * centres), so counter-clockwise here is counter-clockwise on the map. A square is valid when none of its four
 * corners is NaN; the contoured domain is the union of valid squares.
 * <p>
 * Points where boundaries meet are named by keys, so that linking never compares coordinates: a vertex, or
 * the crossing of a threshold (slot 0 or 1) on a horizontal or vertical lattice edge. A crossing is placed by
 * linear interpolation along its edge, computed from the edge's own two values (the same for both squares that
 * share it) and kept a millionth of the edge length away from its ends, so that distinct keys never share a
 * location.
 */
final class ContourLattice {

    static final int VERTEX = 0;
    private static final double MARGIN = 1e-6;

    final int ni;
    final int nj;
    private final double[] values;
    private final double x0;
    private final double y0;
    private final double step;
    private final int nrows;

    ContourLattice(GridSpec grid, double[] values) {
        if (values.length != grid.cellCount()) {
            throw new IllegalArgumentException("grid has " + grid.cellCount() + " cells, values " + values.length);
        }
        this.ni = grid.ncols();
        this.nj = grid.nrows();
        this.nrows = grid.nrows();
        this.values = values;
        this.x0 = grid.x(0);
        this.y0 = grid.y(grid.nrows() - 1);
        this.step = grid.cellSize();
    }

    double value(int i, int j) {
        return values[(nrows - 1 - j) * ni + i];
    }

    double x(int i) {
        return x0 + i * step;
    }

    double y(int j) {
        return y0 + j * step;
    }

    /** True when square (i, j), with corners (i..i+1, j..j+1), exists and has no NaN corner. */
    boolean validSquare(int i, int j) {
        if (i < 0 || j < 0 || i >= ni - 1 || j >= nj - 1) {
            return false;
        }
        return !Double.isNaN(value(i, j)) && !Double.isNaN(value(i + 1, j))
                && !Double.isNaN(value(i + 1, j + 1)) && !Double.isNaN(value(i, j + 1));
    }

    /** Number of valid squares and so the contoured area in cell areas. */
    long validSquareCount() {
        long c = 0;
        for (int j = 0; j < nj - 1; j++) {
            for (int i = 0; i < ni - 1; i++) {
                if (validSquare(i, j)) {
                    c++;
                }
            }
        }
        return c;
    }

    long vertexKey(int i, int j) {
        return ((long) VERTEX * nj + j) * ni + i;
    }

    /** Key of the crossing of threshold slot {@code slot} on the edge from (i, j) east to (i + 1, j). */
    long eastEdgeKey(int slot, int i, int j) {
        return ((long) (1 + 2 * slot) * nj + j) * ni + i;
    }

    /** Key of the crossing of threshold slot {@code slot} on the edge from (i, j) north to (i, j + 1). */
    long northEdgeKey(int slot, int i, int j) {
        return ((long) (2 + 2 * slot) * nj + j) * ni + i;
    }

    /** Fraction along the edge from value a to value b where t is crossed, kept off the ends. */
    static double fraction(double a, double b, double t) {
        double f = (t - a) / (b - a);
        return Math.max(MARGIN, Math.min(1 - MARGIN, f));
    }
}
