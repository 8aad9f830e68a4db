package org.ecomonitor.analysis.contour;

import org.locationtech.jts.geom.Geometry;

/**
 * The area where a grid's values lie in {@code [lower, upper)}: a valid Polygon or MultiPolygon (empty when
 * no value falls in the band). {@code lower} is -Infinity for the band below the first break and {@code upper}
 * +Infinity above the last.
 *
 * @param lower    lower limit, inclusive
 * @param upper    upper limit, exclusive
 * @param geometry the band's area in the grid's CRS
 */
public record IsoBand(double lower, double upper, Geometry geometry) {
}
