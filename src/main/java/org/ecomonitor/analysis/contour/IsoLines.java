package org.ecomonitor.analysis.contour;

import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a grid (isophones of a noise map) by marching squares over the cell centres, the same
 * segments that bound the {@link IsoBands}: per level one MultiLineString of closed rings and of lines that end
 * where the data end (grid edge or NaN cells), with higher values on their left. O(levels x cells + s log s).
 */
public final class IsoLines {

    private IsoLines() {
    }

    public static List<IsoLine> compute(GridSpec grid, double[] values, double[] levels) {
        return compute(grid, values, levels, new GeometryFactory(), Progress.NONE);
    }

    /**
     * @param values grid values by {@link GridSpec#index}, NaN for NoData
     * @param levels finite, strictly increasing levels (see {@link ContourLevels})
     */
    public static List<IsoLine> compute(GridSpec grid, double[] values, double[] levels, GeometryFactory factory,
                                        Progress progress) {
        ContourLevels.check(levels);
        ContourLattice lattice = new ContourLattice(grid, values);
        MarchingSquares squares = new MarchingSquares(lattice);
        List<IsoLine> lines = new ArrayList<>();
        progress.start("contours", levels.length);
        for (int l = 0; l < levels.length; l++) {
            progress.checkCancelled();
            SegmentList segs = new SegmentList();
            for (int j = 0; j < lattice.nj - 1; j++) {
                if ((j & 63) == 63) {
                    progress.checkCancelled();
                }
                for (int i = 0; i < lattice.ni - 1; i++) {
                    if (lattice.validSquare(i, j)) {
                        squares.isoSegments(i, j, levels[l], 0, false, segs);
                    }
                }
            }
            lines.add(new IsoLine(levels[l], factory.createMultiLineString(link(segs, factory))));
            progress.update(l + 1);
        }
        return lines;
    }

    /** Chains segments head to tail: open chains from their free start, then the closed rings. */
    private static LineString[] link(SegmentList segs, GeometryFactory factory) {
        int n = segs.size;
        long[] sorted = segs.byStart();
        int[] next = new int[n];
        boolean[] hasPrevious = new boolean[n];
        for (int s = 0; s < n; s++) {
            int k = segs.firstLeaving(sorted, segs.to[s]);
            next[s] = k < 0 ? -1 : (int) (sorted[k] % n);
            if (next[s] >= 0) {
                hasPrevious[next[s]] = true;
            }
        }
        boolean[] used = new boolean[n];
        List<LineString> out = new ArrayList<>();
        List<Coordinate> pts = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int s0 = 0; s0 < n; s0++) {
                if (used[s0] || (pass == 0 && hasPrevious[s0])) {
                    continue;
                }
                pts.clear();
                pts.add(new Coordinate(segs.fx[s0], segs.fy[s0]));
                int s = s0;
                int last = s0;
                while (s >= 0 && !used[s]) {
                    used[s] = true;
                    pts.add(new Coordinate(segs.tx[s], segs.ty[s]));
                    last = s;
                    s = next[s];
                }
                if (pass == 1 || (s >= 0 && s == s0)) {
                    pts.set(pts.size() - 1, new Coordinate(pts.get(0)));
                }
                if (last >= 0 && pts.size() >= 2) {
                    out.add(factory.createLineString(pts.toArray(Coordinate[]::new)));
                }
            }
        }
        return out.toArray(LineString[]::new);
    }
}
