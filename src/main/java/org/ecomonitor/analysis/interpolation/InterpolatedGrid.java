package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.model.GridSpec;

import java.util.List;

/**
 * A raster of estimates: values in the points' own unit (turned back from the interpolation scale), NaN for
 * NoData (outside the clip, no neighbour, or no valid back-transform); kriging variances on the interpolation
 * scale (null for methods without variance); and warnings about input and result. Arrays are indexed by
 * {@link GridSpec#index(int, int)} and are owned by this object.
 */
public final class InterpolatedGrid {

    private final GridSpec grid;
    private final double[] values;
    private final double[] variances;
    private final List<InterpolationWarning> warnings;
    private final String method;

    InterpolatedGrid(GridSpec grid, double[] values, double[] variances, List<InterpolationWarning> warnings,
                     String method) {
        this.grid = grid;
        this.values = values;
        this.variances = variances;
        this.warnings = List.copyOf(warnings);
        this.method = method;
    }

    public GridSpec grid() {
        return grid;
    }

    /** Value of cell (col, row), NaN for NoData. */
    public double value(int col, int row) {
        return values[grid.index(col, row)];
    }

    /** Kriging variance of cell (col, row) on the interpolation scale; NaN when there is none. */
    public double variance(int col, int row) {
        return variances == null ? Double.NaN : variances[grid.index(col, row)];
    }

    /** All values by linear index (not a copy: do not modify). */
    public double[] values() {
        return values;
    }

    /** All variances by linear index, or null (not a copy: do not modify). */
    public double[] variances() {
        return variances;
    }

    public boolean hasVariance() {
        return variances != null;
    }

    public List<InterpolationWarning> warnings() {
        return warnings;
    }

    /** The interpolator's description. */
    public String method() {
        return method;
    }
}
