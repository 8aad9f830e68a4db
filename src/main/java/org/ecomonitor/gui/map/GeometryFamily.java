package org.ecomonitor.gui.map;

import java.util.Locale;

/** Points, lines or polygons: what decides how a layer is drawn. */
public enum GeometryFamily {
    POINT, LINE, POLYGON;

    /** From a GeoPackage geometry type name (POINT, MULTILINESTRING, POLYGON, GEOMETRY ...). */
    public static GeometryFamily of(String geometryType) {
        String t = geometryType == null ? "" : geometryType.toUpperCase(Locale.ROOT);
        if (t.contains("POLYGON") || t.contains("SURFACE")) {
            return POLYGON;
        }
        if (t.contains("LINE") || t.contains("CURVE")) {
            return LINE;
        }
        return POINT;
    }
}
