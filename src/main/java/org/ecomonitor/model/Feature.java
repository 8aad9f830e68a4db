package org.ecomonitor.model;

import org.locationtech.jts.geom.Geometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A feature of a vector layer: its id in the layer (0 before it is stored), a JTS geometry in the layer's CRS and
 * its attributes in column order (values are String, Long, Double or null).
 */
public record Feature(long fid, Geometry geometry, Map<String, Object> attributes) {
    public Feature {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Object get(String column) {
        return attributes.get(column);
    }

    public String getString(String column) {
        Object v = attributes.get(column);
        return v == null ? null : v.toString();
    }
}
