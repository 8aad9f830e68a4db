package org.ecomonitor.analysis.contour;

import org.locationtech.jts.geom.MultiLineString;

/**
 * The contour line(s) of one level: closed rings and lines that end at the edge of the data, oriented with
 * higher values on their left.
 *
 * @param level    the contour level
 * @param geometry its lines in the grid's CRS (empty when the level is not crossed)
 */
public record IsoLine(double level, MultiLineString geometry) {
}
