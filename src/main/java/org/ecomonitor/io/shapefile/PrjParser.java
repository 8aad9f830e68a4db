package org.ecomonitor.io.shapefile;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Identifies the CRS of a .prj (WKT1 as ESRI or GDAL write it, or WKT2) by, in this order:
 * <ol>
 * <li>an EPSG authority on the root element ({@code AUTHORITY["EPSG","4545"]} or {@code ID["EPSG",4545]});</li>
 * <li>its name, ESRI or EPSG spelling ({@code CGCS2000_3_Degree_GK_CM_108E}, {@code GCS_WGS_1984},
 *     {@code Xian 1980 / 3-degree Gauss-Kruger zone 36} ...);</li>
 * <li>its content: the datum (China 2000 / CGCS2000, Xian 1980, Beijing 1954, WGS 84) and, for a projected CRS, a
 *     transverse Mercator or Gauss-Kruger projection in metres whose central meridian, false easting, false
 *     northing and scale factor match a catalogued zone, so that custom names still resolve.</li>
 * </ol>
 * Anything else gives a {@link ShapefileCrs} without code that keeps the WKT. Never throws on bad text.
 */
public final class PrjParser {

    private PrjParser() {
    }

    public static ShapefileCrs parse(String wkt) {
        String text = wkt == null ? "" : wkt.replace("\uFEFF", "").trim();
        if (text.isEmpty()) {
            return ShapefileCrs.NONE;
        }
        WktNode root;
        try {
            root = WktNode.parse(text);
        } catch (IllegalArgumentException e) {
            return new ShapefileCrs(OptionalInt.empty(), null, text);
        }
        if (root.is("COMPD_CS", "COMPOUNDCRS")) {
            WktNode horizontal = root.child("PROJCS", "GEOGCS", "PROJCRS", "GEOGCRS", "GEODCRS");
            if (horizontal == null) {
                return new ShapefileCrs(OptionalInt.empty(), root.text(0), text);
            }
            root = horizontal;
        }
        String name = root.text(0);
        OptionalInt code = authority(root);
        if (code.isEmpty() && name != null) {
            code = CrsCatalog.byName(name).map(e -> OptionalInt.of(e.epsg())).orElse(OptionalInt.empty());
        }
        if (code.isEmpty()) {
            code = byContent(root);
        }
        return new ShapefileCrs(code, name, text);
    }

    private static OptionalInt authority(WktNode root) {
        WktNode id = root.child("AUTHORITY", "ID");
        if (id != null && "EPSG".equalsIgnoreCase(id.text(0))) {
            try {
                return OptionalInt.of(Integer.parseInt(id.text(1).trim()));
            } catch (RuntimeException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt byContent(WktNode root) {
        WktNode datumNode = root.descendant("DATUM", "GEODETICDATUM", "TRF");
        CrsCatalog.Datum datum = datumNode == null ? null : CrsCatalog.Datum.ofName(datumNode.text(0));
        if (datum == null) {
            WktNode geog = root.is("GEOGCS", "GEOGCRS", "GEODCRS") ? root
                    : root.descendant("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS");
            datum = geog == null || geog.text(0) == null ? null : CrsCatalog.Datum.ofName(geog.text(0));
        }
        if (datum == null) {
            return OptionalInt.empty();
        }
        if (root.is("GEOGCS", "GEOGCRS", "GEODCRS")) {
            return OptionalInt.of(datum.geographicCode);
        }
        WktNode method = root.descendant("PROJECTION", "METHOD");
        String m = method == null || method.text(0) == null ? "" : normal(method.text(0));
        if (!m.equals("TRANSVERSEMERCATOR") && !m.equals("GAUSSKRUGER")) {
            return OptionalInt.empty();
        }
        WktNode unit = root.child("UNIT", "LENGTHUNIT");
        if (unit != null && Math.abs(unit.number(1) - 1) > 1e-12) {
            return OptionalInt.empty();
        }
        double cm = Double.NaN;
        double fe = 0;
        double fn = 0;
        double k = 1;
        double lat0 = 0;
        for (WktNode p : root.descendants("PARAMETER")) {
            String key = normal(p.text(0) == null ? "" : p.text(0));
            double v = p.number(1);
            switch (key) {
                case "CENTRALMERIDIAN", "LONGITUDEOFNATURALORIGIN", "LONGITUDEOFCENTER" -> cm = v;
                case "FALSEEASTING" -> fe = v;
                case "FALSENORTHING" -> fn = v;
                case "SCALEFACTOR", "SCALEFACTORATNATURALORIGIN" -> k = v;
                case "LATITUDEOFORIGIN", "LATITUDEOFNATURALORIGIN" -> lat0 = v;
                default -> {
                }
            }
        }
        if (lat0 != 0 || Double.isNaN(cm)) {
            return OptionalInt.empty();
        }
        return CrsCatalog.byParameters(datum, cm, fe, fn, k).map(e -> OptionalInt.of(e.epsg()))
                .orElse(OptionalInt.empty());
    }

    private static String normal(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
