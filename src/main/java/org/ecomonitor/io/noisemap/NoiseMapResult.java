package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.contour.IsoBand;
import org.ecomonitor.analysis.contour.IsoLine;
import org.ecomonitor.analysis.interpolation.CrossValidationResult;
import org.ecomonitor.analysis.interpolation.EmpiricalVariogram;
import org.ecomonitor.analysis.interpolation.InterpolatedGrid;
import org.ecomonitor.analysis.interpolation.InterpolationWarning;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.analysis.noisemap.BandClassification;
import org.ecomonitor.analysis.noisemap.ContourProducts;
import org.ecomonitor.analysis.noisemap.FittedInterpolation;
import org.ecomonitor.analysis.noisemap.ZoneExceedance;
import org.ecomonitor.analysis.standards.NoiseGrading;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.model.GridSpec;

import java.util.List;

/**
 * A finished map: the points and method it was made with, the grid of values (in the points' unit, NaN for NoData)
 * and of kriging variances (on the interpolation scale; null for IDW), the isophone bands (with their classes and
 * colours) and lines, the cross-validation and variogram, the HJ 640-2012 regional grade of the measured points,
 * the GB 3096-2008 share of each acoustic functional zone above its limit, and warnings. Geometries and the grid
 * are in the working CRS {@link #crs()}.
 *
 * @param points     the points and what is known about them
 * @param method     the interpolation method, variogram, model and cross-validation
 * @param grid       the interpolated grid
 * @param contours   bands and lines with their classes
 * @param grade      the HJ 640-2012 regional grade of the measured points' Leq, or null (not a regional noise
 *                   survey in the day or night)
 * @param zoneShares the GB 3096-2008 evaluation per zone, empty without zones
 * @param warnings   the points', the engine's and the map's warnings
 */
public record NoiseMapResult(MapPoints points, FittedInterpolation method, InterpolatedGrid grid,
                             ContourProducts contours, NoiseGrading.Result grade,
                             List<ZoneExceedance.Share> zoneShares, List<InterpolationWarning> warnings) {

    public NoiseMapResult {
        zoneShares = List.copyOf(zoneShares);
        warnings = List.copyOf(warnings);
    }

    /** EPSG code of the working CRS, 0 when unknown. */
    public int crs() {
        return points.crs();
    }

    public GridSpec gridSpec() {
        return grid.grid();
    }

    /** The period the values belong to, or null. */
    public NoisePeriod period() {
        return points.period();
    }

    public BandClassification classes() {
        return contours.classes();
    }

    public List<IsoBand> bands() {
        return contours.bands();
    }

    public List<IsoLine> lines() {
        return contours.lines();
    }

    /** The cross-validation, or null when none was asked for. */
    public CrossValidationResult crossValidation() {
        return method.crossValidation();
    }

    /** The empirical variogram, or null. */
    public EmpiricalVariogram variogram() {
        return method.variogram();
    }

    /** The kriging model, or null for IDW. */
    public VariogramModel model() {
        return method.model();
    }

    /** Number of cells with a value. */
    public int validCells() {
        int n = 0;
        for (double v : grid.values()) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
