package org.ecomonitor.gui.map;

/**
 * Spherical (web) Mercator in normalised units: the whole world is the unit square, x growing east from
 * 180°W, y growing south from 85.05°N. Multiplying by {@code 256·2^zoom} gives the pixel coordinates of the
 * XYZ tile scheme that Gluon Maps, OpenStreetMap, Tianditu (_w layers) and MBTiles use (EPSG:3857).
 * The formulas are Gluon's BaseMap's, so vector layers and tiles line up to the pixel.
 */
public final class Mercator {

    /** The latitude at which the square world ends. */
    public static final double MAX_LATITUDE = 85.05112878;

    private Mercator() {
    }

    public static double x(double longitude) {
        return (longitude + 180.0) / 360.0;
    }

    public static double y(double latitude) {
        double lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude));
        double r = Math.toRadians(lat);
        return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
    }

    public static double longitude(double x) {
        return x * 360.0 - 180.0;
    }

    public static double latitude(double y) {
        double n = Math.PI * (1 - 2 * y);
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Ground metres per pixel at a latitude and zoom (WGS84 equatorial radius). */
    public static double metresPerPixel(double latitude, double zoom) {
        return 2 * Math.PI * 6378137.0 * Math.cos(Math.toRadians(latitude)) / (256 * Math.pow(2, zoom));
    }
}
