package org.ecomonitor.io.shapefile;

import org.locationtech.jts.geom.Geometry;

import java.util.Map;

/**
 * One record of a shapefile.
 *
 * @param recordNumber 1-based position in the file, as used in messages
 * @param geometry     the shape, or null for a Null shape
 * @param attributes   the .dbf row by field name (see {@link DbfReader} for the value types); empty without .dbf
 */
public record ShapefileFeature(int recordNumber, Geometry geometry, Map<String, Object> attributes) {
}
