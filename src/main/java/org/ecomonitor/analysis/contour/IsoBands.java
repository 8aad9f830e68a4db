package org.ecomonitor.analysis.contour;

import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Filled contour bands of a grid (isophone bands of a noise map) by marching squares over the cell centres:
 * for breaks {@code b1 < ... < bk} the bands {@code (-inf, b1), [b1, b2), ..., [bk, +inf)} as valid JTS
 * polygons with holes. Values are linear along the edges between neighbouring centres; squares with a NaN
 * corner are left out, so the bands together cover exactly the valid squares (cell-centre to cell-centre) and
 * their areas add up to that area. Each band is traced directly (its iso-lines at both limits plus the domain
 * boundary inside it, see {@link MarchingSquares}) and its rings assembled by {@link RingAssembler}; no
 * overlay operation is needed. O(bands x cells + s log s) for s boundary segments; memory O(s).
 */
public final class IsoBands {

    private IsoBands() {
    }

    /** Bands with a default geometry factory and no progress. */
    public static List<IsoBand> compute(GridSpec grid, double[] values, double[] breaks) {
        return compute(grid, values, breaks, new GeometryFactory(), Progress.NONE);
    }

    /**
     * @param values grid values by {@link GridSpec#index}, NaN for NoData
     * @param breaks finite, strictly increasing band limits (see {@link ContourLevels})
     * @return breaks.length + 1 bands, from the lowest up; empty geometries where no value lies
     */
    public static List<IsoBand> compute(GridSpec grid, double[] values, double[] breaks, GeometryFactory factory,
                                        Progress progress) {
        ContourLevels.check(breaks);
        ContourLattice lattice = new ContourLattice(grid, values);
        MarchingSquares squares = new MarchingSquares(lattice);
        List<IsoBand> bands = new ArrayList<>();
        progress.start("contours", breaks.length + 1);
        for (int b = 0; b <= breaks.length; b++) {
            progress.checkCancelled();
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : breaks[b - 1];
            double hi = b == breaks.length ? Double.POSITIVE_INFINITY : breaks[b];
            SegmentList segs = new SegmentList();
            for (int j = 0; j < lattice.nj - 1; j++) {
                if ((j & 63) == 63) {
                    progress.checkCancelled();
                }
                for (int i = 0; i < lattice.ni - 1; i++) {
                    if (!lattice.validSquare(i, j)) {
                        continue;
                    }
                    if (b > 0) {
                        squares.isoSegments(i, j, lo, 0, false, segs);
                    }
                    if (b < breaks.length) {
                        squares.isoSegments(i, j, hi, 1, true, segs);
                    }
                    if (squares.touchesBoundary(i, j)) {
                        squares.boundaryPieces(i, j, lo, hi, segs);
                    }
                }
            }
            Geometry geometry = RingAssembler.polygons(segs, (long) lattice.ni * lattice.nj, factory);
            bands.add(new IsoBand(lo, hi, geometry));
            progress.update(b + 1);
        }
        return bands;
    }

    /** The area bands cover together: the valid squares between cell centres (NaN-free), in square metres. */
    public static double contouredArea(GridSpec grid, double[] values) {
        return new ContourLattice(grid, values).validSquareCount() * grid.cellArea();
    }
}
