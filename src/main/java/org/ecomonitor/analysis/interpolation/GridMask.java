package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.util.Arrays;

/**
 * Which cells of a grid are to be estimated: those whose centre lies inside polygons (a county boundary, a
 * study area), the rest become NoData. Rasterised by scanline: every polygon edge is intersected once with
 * the rows of cell centres it spans, crossings are sorted per row and filled even-odd (holes drop out), and
 * several polygons are united. O(E + C log C + cells inside) for E edges and C crossings, however large the
 * polygons, without a point-in-polygon test per cell. A centre exactly on the boundary counts as inside on the
 * west and south sides (half-open, so neighbouring polygons never share a cell).
 */
public final class GridMask {

    private final GridSpec grid;
    private final boolean[] inside;
    private final int count;

    private GridMask(GridSpec grid, boolean[] inside) {
        this.grid = grid;
        this.inside = inside;
        int c = 0;
        for (boolean b : inside) {
            if (b) {
                c++;
            }
        }
        this.count = c;
    }

    /** Every cell. */
    public static GridMask all(GridSpec grid) {
        boolean[] in = new boolean[grid.cellCount()];
        Arrays.fill(in, true);
        return new GridMask(grid, in);
    }

    /**
     * The cells whose centres lie in the polygon(s).
     *
     * @param polygonal a Polygon, MultiPolygon or collection of them, in the grid's CRS
     * @throws UserException when the geometry has non-polygonal parts
     */
    public static GridMask inside(GridSpec grid, Geometry polygonal) {
        boolean[] in = new boolean[grid.cellCount()];
        for (int g = 0; g < polygonal.getNumGeometries(); g++) {
            Geometry part = polygonal.getGeometryN(g);
            if (part != polygonal && part instanceof GeometryCollection) {
                GridMask sub = inside(grid, part);
                for (int i = 0; i < in.length; i++) {
                    in[i] |= sub.inside[i];
                }
                continue;
            }
            if (!(part instanceof Polygon polygon)) {
                throw new UserException("interpolation.clipNotPolygonal", part.getGeometryType());
            }
            if (!polygon.isEmpty()) {
                fill(grid, polygon, in);
            }
        }
        return new GridMask(grid, in);
    }

    private static void fill(GridSpec grid, Polygon polygon, boolean[] in) {
        int nrows = grid.nrows();
        // pass 1: crossings per row; pass 2: store them (CSR layout)
        int[] start = new int[nrows + 1];
        forEachCrossing(grid, polygon, (row, x) -> start[row + 1]++);
        for (int r = 0; r < nrows; r++) {
            start[r + 1] += start[r];
        }
        double[] xs = new double[start[nrows]];
        int[] fillAt = Arrays.copyOf(start, nrows);
        forEachCrossing(grid, polygon, (row, x) -> xs[fillAt[row]++] = x);
        int ncols = grid.ncols();
        for (int r = 0; r < nrows; r++) {
            int from = start[r];
            int to = start[r + 1];
            if (to - from < 2) {
                continue;
            }
            Arrays.sort(xs, from, to);
            int base = r * ncols;
            for (int k = from; k + 1 < to; k += 2) {
                int c0 = firstColumnAtOrAfter(grid, xs[k]);
                int c1 = firstColumnAtOrAfter(grid, xs[k + 1]);
                for (int c = c0; c < c1; c++) {
                    in[base + c] = true;
                }
            }
        }
    }

    private interface CrossingSink {
        void accept(int row, double x);
    }

    private static void forEachCrossing(GridSpec grid, Polygon polygon, CrossingSink sink) {
        ring(grid, polygon.getExteriorRing(), sink);
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            ring(grid, polygon.getInteriorRingN(h), sink);
        }
    }

    /** Each edge crosses the rows whose centre y satisfies ylo <= y < yhi. */
    private static void ring(GridSpec grid, LineString ring, CrossingSink sink) {
        Coordinate[] pts = ring.getCoordinates();
        int nrows = grid.nrows();
        double cs = grid.cellSize();
        for (int i = 0; i + 1 < pts.length; i++) {
            double x1 = pts[i].x;
            double y1 = pts[i].y;
            double x2 = pts[i + 1].x;
            double y2 = pts[i + 1].y;
            if (y1 == y2) {
                continue;
            }
            double ylo = Math.min(y1, y2);
            double yhi = Math.max(y1, y2);
            // rows run north to south: y(row) decreases with row
            int rFirst = (int) Math.floor(nrows - 0.5 - (yhi - grid.minY()) / cs) - 1;
            int rLast = (int) Math.floor(nrows - 0.5 - (ylo - grid.minY()) / cs) + 1;
            rFirst = Math.max(0, rFirst);
            rLast = Math.min(nrows - 1, rLast);
            for (int r = rFirst; r <= rLast; r++) {
                double yr = grid.y(r);
                if (yr >= ylo && yr < yhi) {
                    sink.accept(r, x1 + (yr - y1) * (x2 - x1) / (y2 - y1));
                }
            }
        }
    }

    /** The first column whose centre x is at or east of {@code x} (ncols when none). */
    private static int firstColumnAtOrAfter(GridSpec grid, double x) {
        int c = (int) Math.ceil((x - grid.minX()) / grid.cellSize() - 0.5);
        c = Math.max(0, Math.min(grid.ncols(), c));
        while (c > 0 && grid.x(c - 1) >= x) {
            c--;
        }
        while (c < grid.ncols() && grid.x(c) < x) {
            c++;
        }
        return c;
    }

    public GridSpec grid() {
        return grid;
    }

    public boolean contains(int col, int row) {
        return inside[grid.index(col, row)];
    }

    /** Number of cells inside. */
    public int count() {
        return count;
    }

    /** The mask as an array by linear cell index; owned by this mask, do not modify. */
    boolean[] cells() {
        return inside;
    }
}
