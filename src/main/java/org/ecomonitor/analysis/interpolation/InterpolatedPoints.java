package org.ecomonitor.analysis.interpolation;

import java.util.List;

/**
 * Estimates at given locations: values in the points' own unit (NaN where none could be made), variances on
 * the interpolation scale (null without variance), and warnings. Arrays are owned by this object.
 *
 * @param values    estimates by location
 * @param variances kriging variances by location, or null
 * @param warnings  warnings about input and result
 */
public record InterpolatedPoints(double[] values, double[] variances, List<InterpolationWarning> warnings) {
    public InterpolatedPoints {
        warnings = List.copyOf(warnings);
    }
}
