package org.ecomonitor.model;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * A monitoring point of any kind, located in CGCS2000 geographic coordinates (EPSG:4490).
 *
 * @param code       the station's unique code (for online stations the HJ 212 MN where one exists)
 * @param name       display name, usually Chinese
 * @param kind       the network it belongs to
 * @param longitude  CGCS2000 longitude in degrees
 * @param latitude   CGCS2000 latitude in degrees
 * @param adcode     six-digit administrative code of the county it lies in, or null when unknown
 * @param zone       time zone of its local clock (Asia/Shanghai by default)
 * @param attributes further attributes from the source file (level, river, functional zone, permit number ...)
 */
public record Station(String code, String name, StationKind kind, double longitude, double latitude,
                      String adcode, ZoneId zone, Map<String, String> attributes) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public Station {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? code : name;
        zone = zone == null ? DEFAULT_ZONE : zone;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
