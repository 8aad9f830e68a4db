package org.ecomonitor.geo;

import org.ecomonitor.i18n.UserException;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coordinate reference systems by EPSG code, from proj4j's bundled EPSG definitions.
 * <p>
 * The store keeps CGCS2000 geographic coordinates ({@link #CGCS2000}, EPSG:4490); analysis works in the
 * CGCS2000 3-degree Gauss-Krüger zone of the area (EPSG:4534-4554 with the central meridian in the name, 4545
 * for Tongren at 108°E). CGCS2000 and WGS84 differ by centimetres and are treated as the same datum, as QGIS
 * does without a grid. Xi'an 1980 (4610 and its projected zones) has no published transformation to WGS84:
 * proj4j converts it without a datum shift (tens of metres of error), which {@link #hasDatumShiftWarning} reports.
 */
public final class Crs {

    public static final int WGS84 = 4326;
    public static final int CGCS2000 = 4490;
    public static final int XIAN1980 = 4610;
    public static final int BEIJING1954 = 4214;
    public static final int WEB_MERCATOR = 3857;
    /** CGCS2000 / 3-degree Gauss-Krüger CM 108E, the working plane of Tongren. */
    public static final int CGCS2000_GK_CM_108E = 4545;

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private Crs() {
    }

    /** The proj4j CRS of an EPSG code; a code proj4j does not know is a {@link UserException}. */
    public static CoordinateReferenceSystem epsg(int code) {
        return CACHE.computeIfAbsent(code, c -> {
            try {
                return FACTORY.createFromName("EPSG:" + c);
            } catch (RuntimeException e) {
                throw new UserException(e, "crs.unknown", "EPSG:" + c);
            }
        });
    }

    /**
     * The OGC WKT 1 definition of an EPSG code (from proj4j-epsg's table), for gpkg_spatial_ref_sys and .prj
     * files; null when the table has none.
     */
    public static String wkt(int code) {
        return WKT.computeIfAbsent(code, c -> {
            String prefix = c + "=";
            try (var in = Crs.class.getResourceAsStream("/proj4/wkt/epsg.properties")) {
                if (in == null) {
                    return "";
                }
                var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(prefix)) {
                        return line.substring(prefix.length()).trim();
                    }
                }
                return "";
            } catch (java.io.IOException e) {
                return "";
            }
        }).transform(s -> s.isEmpty() ? null : s);
    }

    private static final Map<Integer, String> WKT = new ConcurrentHashMap<>();

    /** True when the CRS is known to proj4j. */
    public static boolean isKnown(int code) {
        try {
            epsg(code);
            return true;
        } catch (UserException e) {
            return false;
        }
    }

    /** Parses "EPSG:4545", "epsg:4545" or "4545". */
    public static int parse(String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, "EPSG:", 0, 5)) {
            t = t.substring(5);
        }
        try {
            int code = Integer.parseInt(t.trim());
            epsg(code);
            return code;
        } catch (NumberFormatException e) {
            throw new UserException("crs.unparseable", text);
        }
    }

    public static boolean isGeographic(int code) {
        return epsg(code).getProjection().isGeographic()
                || "longlat".equals(epsg(code).getProjection().toString());
    }

    /** The CGCS2000 3-degree Gauss-Krüger zone (central meridian form, EPSG:4534-4554) containing a longitude. */
    public static int cgcs2000GaussKruegerFor(double longitude) {
        int cm = (int) Math.round(longitude / 3.0) * 3;
        if (cm < 75 || cm > 135) {
            throw new UserException("crs.outside_china", longitude);
        }
        return 4534 + (cm - 75) / 3;
    }

    /** Central meridian of a CGCS2000 3-degree GK zone code (4513-4554). */
    public static int centralMeridianOf(int gkCode) {
        if (gkCode >= 4534 && gkCode <= 4554) {
            return 75 + 3 * (gkCode - 4534);
        }
        if (gkCode >= 4513 && gkCode <= 4533) {
            return 75 + 3 * (gkCode - 4513);
        }
        throw new IllegalArgumentException("not a CGCS2000 3-degree GK zone: " + gkCode);
    }

    /** True for Xi'an 1980 based systems, which proj4j converts without a datum shift. */
    public static boolean hasDatumShiftWarning(int code) {
        return code == XIAN1980 || (code >= 2327 && code <= 2390);
    }

    /** A short display name such as "EPSG:4545 CGCS2000 / 3-degree Gauss-Kruger CM 108E". */
    public static String displayName(int code) {
        String name = switch (code) {
            case WGS84 -> "WGS 84";
            case CGCS2000 -> "China Geodetic Coordinate System 2000";
            case XIAN1980 -> "Xian 1980";
            case BEIJING1954 -> "Beijing 1954";
            case WEB_MERCATOR -> "WGS 84 / Pseudo-Mercator";
            default -> {
                if (code >= 4534 && code <= 4554) {
                    yield "CGCS2000 / 3-degree Gauss-Kruger CM " + centralMeridianOf(code) + "E";
                }
                if (code >= 4513 && code <= 4533) {
                    yield "CGCS2000 / 3-degree Gauss-Kruger zone " + (code - 4513 + 25);
                }
                yield "";
            }
        };
        return name.isEmpty() ? "EPSG:" + code : "EPSG:" + code + " " + name;
    }
}
