package org.ecomonitor.io;

import org.ecomonitor.model.StationKind;

import java.util.Map;

/**
 * What is known about one file before reading it: from a folder's manifest, from CLI options, or nothing.
 *
 * @param kind     station kind of the points in the file (null: from a kind column, or not stations)
 * @param layer    target layer: "stations", "admin_areas", "rivers" or a new layer's name (null: decide)
 * @param columns  role to header overrides (roles: code, name, kind, longitude, latitude, x, y, adcode, level,
 *                 time, parameter, value, flag, station)
 * @param crs      EPSG code of the file's coordinates (null: the file says, the options say, or detect)
 * @param station  station code for a wide readings file without a station column (null: from the file name)
 * @param attributes constant attributes to give every station of the file (for example waterbody=river)
 */
public record FileSpec(StationKind kind, String layer, Map<String, String> columns, Integer crs, String station,
                       Map<String, String> attributes) {

    public static final FileSpec NONE = new FileSpec(null, null, Map.of(), null, null, Map.of());

    public FileSpec {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public FileSpec withKind(StationKind k) {
        return new FileSpec(k, layer, columns, crs, station, attributes);
    }
}
