package org.ecomonitor.analysis.noisemap;

import org.ecomonitor.analysis.contour.IsoBand;
import org.ecomonitor.analysis.contour.IsoBands;
import org.ecomonitor.analysis.contour.IsoLine;
import org.ecomonitor.analysis.contour.IsoLines;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.List;

/**
 * The vector products of a map grid: filled bands at the classification's breaks (isophone bands, each with its
 * class and colour) and the contour lines at the same levels (isophones), by {@link IsoBands} and
 * {@link IsoLines}. O((k + 1) x cells) for k breaks.
 *
 * @param classes the classes the bands belong to; band i of {@link #bands} is class i
 * @param bands   one band per class, lowest first (empty geometries where no value lies)
 * @param lines   one line per break
 */
public record ContourProducts(BandClassification classes, List<IsoBand> bands, List<IsoLine> lines) {

    public ContourProducts {
        bands = List.copyOf(bands);
        lines = List.copyOf(lines);
    }

    /** Bands and lines of a grid's values (NaN for NoData) in the grid's CRS, with the given SRID on geometries. */
    public static ContourProducts compute(GridSpec grid, double[] values, BandClassification classes, int srid,
                                          Progress progress) {
        GeometryFactory factory = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), srid);
        double[] breaks = classes.breaks();
        List<IsoBand> bands = IsoBands.compute(grid, values, breaks, factory, progress);
        List<IsoLine> lines = IsoLines.compute(grid, values, breaks, factory, progress);
        return new ContourProducts(classes, bands, lines);
    }

    /** The class of band {@code i}. */
    public BandClassification.Band classOf(int i) {
        return classes.bands().get(i);
    }
}
