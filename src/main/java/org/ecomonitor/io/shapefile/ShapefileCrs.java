package org.ecomonitor.io.shapefile;

import java.util.OptionalInt;

/**
 * The coordinate reference system of a shapefile: the EPSG code when it is known, and the WKT of the .prj as found
 * (or as written). An unknown CRS keeps its WKT and has no code, so the user can be shown what the file says.
 *
 * @param epsg the EPSG code, empty when the .prj names no CRS we can identify (or there is no .prj)
 * @param name the CRS name from the WKT or the catalogue, or null
 * @param wkt  the .prj text, or null when there is none (none in the file, or none we can write for the code)
 */
public record ShapefileCrs(OptionalInt epsg, String name, String wkt) {

    /** No .prj. */
    public static final ShapefileCrs NONE = new ShapefileCrs(OptionalInt.empty(), null, null);

    public ShapefileCrs {
        epsg = epsg == null ? OptionalInt.empty() : epsg;
    }

    /**
     * The CRS of an EPSG code, with the ESRI WKT ArcGIS would write when the code is one of the catalogue (WGS 84,
     * CGCS2000, Xian 1980, Beijing 1954 and their Gauss-Kruger zones, WGS 84 UTM); otherwise the WKT is null and a
     * writer writes no .prj.
     */
    public static ShapefileCrs ofEpsg(int code) {
        return CrsCatalog.byCode(code)
                .map(e -> new ShapefileCrs(OptionalInt.of(code), e.esriName(), CrsCatalog.esriWkt(e)))
                .orElse(new ShapefileCrs(OptionalInt.of(code), null, null));
    }

    /** True when the EPSG code is known. */
    public boolean isIdentified() {
        return epsg.isPresent();
    }
}
