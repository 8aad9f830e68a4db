package org.ecomonitor.analysis.layout;

/**
 * A point of a monitoring network in the working plane (metres): an existing station that must stay, or a
 * point of a design.
 *
 * @param id    the point's code for tables and messages; never null
 * @param x     easting in metres
 * @param y     northing in metres
 * @param zone  the zone (county adcode, stratum) the point is known to belong to, or null to locate it by the
 *              zones' polygons
 * @param value a measured value (for cross-validation), NaN when none
 */
public record Site(String id, double x, double y, String zone, double value) {

    public Site {
        id = id == null ? "?" : id;
    }

    /** A site without zone and value. */
    public static Site of(String id, double x, double y) {
        return new Site(id, x, y, null, Double.NaN);
    }
}
