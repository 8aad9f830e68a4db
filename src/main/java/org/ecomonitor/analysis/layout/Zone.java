package org.ecomonitor.analysis.layout;

import org.locationtech.jts.geom.Geometry;

/**
 * A labelled part of a study area: a county (id = its six-digit adcode), a land-use stratum, any polygon that
 * points are counted in or allocated to.
 *
 * @param id       the zone's key (adcode, land-use class), unique within a study area
 * @param name     display name (the county's name), or the id
 * @param geometry polygonal, in the working plane
 */
public record Zone(String id, String name, Geometry geometry) {

    public Zone {
        if (id == null || geometry == null) {
            throw new IllegalArgumentException("a zone needs an id and a geometry");
        }
        name = name == null || name.isBlank() ? id : name;
    }
}
