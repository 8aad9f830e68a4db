package org.ecomonitor.analysis.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a layout, as field teams get it.
 *
 * @param id         the point's code: existing points keep theirs, new ones are numbered by the method (row and
 *                   column of a grid, or a sequence)
 * @param x          easting in the working plane (metres)
 * @param y          northing in the working plane (metres)
 * @param longitude  CGCS2000 longitude (NaN when the plane cannot be converted)
 * @param latitude   CGCS2000 latitude
 * @param status     existing, new, or proposed for removal
 * @param label      the grid cell ("r03c07") or the zone/stratum the point belongs to, or null
 * @param attributes the method's own values for this point, in column order (String, Long, Double or null)
 */
public record PlannedPoint(String id, double x, double y, double longitude, double latitude, PointStatus status,
                           String label, Map<String, Object> attributes) {

    public PlannedPoint {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
