package org.ecomonitor.io.shapefile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The coordinate reference systems a Chinese monitoring shapefile is likely to carry, with their EPSG codes, EPSG
 * names, ESRI names and defining parameters: the geographic CRSs WGS 84 (4326), CGCS2000 (4490), Xian 1980 (4610)
 * and Beijing 1954 (4214); the 3-degree and 6-degree Gauss-Kruger CRSs of the last three, with zone prefix and
 * "CM" (central meridian, false easting 500 km) variants; WGS 84 UTM north and south.
 * <p>
 * Codes follow arithmetic rules (CGCS2000 3-degree zone z is 4513 + z - 25 ...) that a test checks entry by entry
 * against the EPSG names and proj4 definitions bundled in proj4j-epsg. Lookups by name and by parameters serve
 * {@link PrjParser}; {@link #esriWkt} writes .prj files.
 */
final class CrsCatalog {

    /** Horizontal datums, each with its geographic CRS and how ESRI names it. */
    enum Datum {
        WGS84(4326, "WGS 84", "GCS_WGS_1984", "D_WGS_1984", "WGS_1984", 6378137.0, 298.257223563,
                "WGS_1984", "WGS84", "WORLD_GEODETIC_SYSTEM_1984", "WGS_84"),
        CGCS2000(4490, "China Geodetic Coordinate System 2000", "GCS_China_Geodetic_Coordinate_System_2000",
                "D_China_2000", "CGCS2000", 6378137.0, 298.257222101,
                "CHINA_2000", "CGCS2000", "CGCS_2000", "CHINA_GEODETIC_COORDINATE_SYSTEM_2000"),
        XIAN1980(4610, "Xian 1980", "GCS_Xian_1980", "D_Xian_1980", "Xian_1980", 6378140.0, 298.257,
                "XIAN_1980", "XIAN1980", "XIAN80", "XI_AN_1980"),
        BEIJING1954(4214, "Beijing 1954", "GCS_Beijing_1954", "D_Beijing_1954", "Krasovsky_1940", 6378245.0, 298.3,
                "BEIJING_1954", "BEIJING1954", "BEIJING54", "BJ54");

        final int geographicCode;
        final String epsgName;
        final String esriGcs;
        final String esriDatum;
        final String esriSpheroid;
        final double semiMajor;
        final double inverseFlattening;
        private final List<String> aliases;

        Datum(int geographicCode, String epsgName, String esriGcs, String esriDatum, String esriSpheroid,
              double semiMajor, double inverseFlattening, String... aliases) {
            this.geographicCode = geographicCode;
            this.epsgName = epsgName;
            this.esriGcs = esriGcs;
            this.esriDatum = esriDatum;
            this.esriSpheroid = esriSpheroid;
            this.semiMajor = semiMajor;
            this.inverseFlattening = inverseFlattening;
            this.aliases = List.of(aliases);
        }

        /** The datum a WKT DATUM or GEOGCS name stands for ("D_China_2000", "China 2000", "GCS_Xian_1980" ...). */
        static Datum ofName(String name) {
            String n = name.toUpperCase(Locale.ROOT).replaceAll("^(D_|GCS_)", "").replaceAll("[^A-Z0-9]", "");
            for (Datum d : values()) {
                for (String a : d.aliases) {
                    if (a.replace("_", "").equals(n)) {
                        return d;
                    }
                }
            }
            return null;
        }
    }

    /**
     * One CRS. Geographic entries have NaN parameters; projected ones are transverse Mercator ("Gauss_Kruger" for
     * ESRI when the scale factor is 1) with latitude of origin 0.
     */
    record Entry(int epsg, String epsgName, String esriName, Datum datum, double centralMeridian,
                 double falseEasting, double falseNorthing, double scaleFactor) {

        boolean projected() {
            return !Double.isNaN(centralMeridian);
        }
    }

    private static final List<Entry> ENTRIES;
    private static final Map<Integer, Entry> BY_CODE = new HashMap<>();
    private static final Map<String, Entry> BY_NAME = new HashMap<>();

    static {
        List<Entry> all = new ArrayList<>();
        for (Datum d : Datum.values()) {
            all.add(new Entry(d.geographicCode, d.epsgName, d.esriGcs, d, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN));
        }
        gaussKruger(all, Datum.CGCS2000, "CGCS2000", "CGCS2000", 4513, 4534, 4491, 4502);
        gaussKruger(all, Datum.XIAN1980, "Xian 1980", "Xian_1980", 2349, 2370, 2327, 2338);
        gaussKruger(all, Datum.BEIJING1954, "Beijing 1954", "Beijing_1954", 2401, 2422, 21413, 21453);
        for (int zone = 1; zone <= 60; zone++) {
            double cm = 6 * zone - 183;
            all.add(new Entry(32600 + zone, "WGS 84 / UTM zone " + zone + "N", "WGS_1984_UTM_Zone_" + zone + "N",
                    Datum.WGS84, cm, 500000, 0, 0.9996));
            all.add(new Entry(32700 + zone, "WGS 84 / UTM zone " + zone + "S", "WGS_1984_UTM_Zone_" + zone + "S",
                    Datum.WGS84, cm, 500000, 10000000, 0.9996));
        }
        ENTRIES = Collections.unmodifiableList(all);
        for (Entry e : all) {
            BY_CODE.put(e.epsg(), e);
            BY_NAME.put(key(e.epsgName()), e);
            BY_NAME.put(key(e.esriName()), e);
        }
        // ESRI's name for the Beijing 1954 6-degree CRSs without zone prefix ("Gauss-Kruger 13N", since deprecated)
        for (int zone = 13; zone <= 23; zone++) {
            BY_NAME.put(key("Beijing_1954_GK_Zone_" + zone + "N"), BY_CODE.get(21453 + zone - 13));
        }
    }

    private static void gaussKruger(List<Entry> all, Datum datum, String epsgPrefix, String esriPrefix,
                                    int zone3, int cm3, int zone6, int cm6) {
        for (int zone = 25; zone <= 45; zone++) {
            int cm = 3 * zone;
            all.add(new Entry(zone3 + zone - 25, epsgPrefix + " / 3-degree Gauss-Kruger zone " + zone,
                    esriPrefix + "_3_Degree_GK_Zone_" + zone, datum, cm, zone * 1e6 + 500000, 0, 1));
            all.add(new Entry(cm3 + zone - 25, epsgPrefix + " / 3-degree Gauss-Kruger CM " + cm + "E",
                    esriPrefix + "_3_Degree_GK_CM_" + cm + "E", datum, cm, 500000, 0, 1));
        }
        for (int zone = 13; zone <= 23; zone++) {
            int cm = 6 * zone - 3;
            all.add(new Entry(zone6 + zone - 13, epsgPrefix + " / Gauss-Kruger zone " + zone,
                    esriPrefix + "_GK_Zone_" + zone, datum, cm, zone * 1e6 + 500000, 0, 1));
            all.add(new Entry(cm6 + zone - 13, epsgPrefix + " / Gauss-Kruger CM " + cm + "E",
                    esriPrefix + "_GK_CM_" + cm + "E", datum, cm, 500000, 0, 1));
        }
    }

    private CrsCatalog() {
    }

    static List<Entry> entries() {
        return ENTRIES;
    }

    static Optional<Entry> byCode(int epsg) {
        return Optional.ofNullable(BY_CODE.get(epsg));
    }

    /** By EPSG or ESRI name, ignoring case, spaces and punctuation. */
    static Optional<Entry> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(key(name)));
    }

    /** The geographic CRS of a datum. */
    static Entry geographic(Datum datum) {
        return BY_CODE.get(datum.geographicCode);
    }

    /**
     * The transverse Mercator CRS with these parameters (metres, latitude of origin 0), if one is known. A 6-degree
     * "CM" CRS has the same definition as the 3-degree "CM" CRS on the same meridian; the 3-degree code is given.
     */
    static Optional<Entry> byParameters(Datum datum, double centralMeridian, double falseEasting,
                                        double falseNorthing, double scaleFactor) {
        for (Entry e : ENTRIES) {
            if (e.datum() == datum && e.projected()
                    && Math.abs(e.centralMeridian() - centralMeridian) < 1e-9
                    && Math.abs(e.falseEasting() - falseEasting) < 1e-3
                    && Math.abs(e.falseNorthing() - falseNorthing) < 1e-3
                    && Math.abs(e.scaleFactor() - scaleFactor) < 1e-12) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The .prj text ArcGIS writes for the entry (ESRI WKT1 on one line). */
    static String esriWkt(Entry e) {
        Datum d = e.datum();
        String gcs = "GEOGCS[\"" + d.esriGcs + "\",DATUM[\"" + d.esriDatum + "\",SPHEROID[\"" + d.esriSpheroid
                + "\"," + number(d.semiMajor) + "," + number(d.inverseFlattening) + "]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]";
        if (!e.projected()) {
            return gcs;
        }
        String projection = e.scaleFactor() == 1 ? "Gauss_Kruger" : "Transverse_Mercator";
        return "PROJCS[\"" + e.esriName() + "\"," + gcs + ",PROJECTION[\"" + projection + "\"],"
                + "PARAMETER[\"False_Easting\"," + number(e.falseEasting()) + "],"
                + "PARAMETER[\"False_Northing\"," + number(e.falseNorthing()) + "],"
                + "PARAMETER[\"Central_Meridian\"," + number(e.centralMeridian()) + "],"
                + "PARAMETER[\"Scale_Factor\"," + number(e.scaleFactor()) + "],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (long) v + ".0" : Double.toString(v);
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
