package org.ecomonitor.gui.map;

/**
 * What part of the world a map shows: the world's size in pixels ({@code 256·2^zoom}), where the world's
 * top-left corner is relative to the view ({@code offsetX/offsetY}, Gluon's BaseMap translation), and the
 * view's size. Converts between normalised {@link Mercator} units, longitude/latitude and view pixels.
 */
public record MapViewport(double worldSize, double offsetX, double offsetY, double width, double height) {

    public static MapViewport of(double zoom, double offsetX, double offsetY, double width, double height) {
        return new MapViewport(256 * Math.pow(2, zoom), offsetX, offsetY, width, height);
    }

    /** The viewport of {@code width×height} pixels showing the lon/lat box, as large as fits (zoom ≤ maxZoom). */
    public static MapViewport fitting(double minLon, double minLat, double maxLon, double maxLat,
                                      double width, double height, double maxZoom) {
        double x0 = Mercator.x(minLon), x1 = Mercator.x(maxLon);
        double y0 = Mercator.y(maxLat), y1 = Mercator.y(minLat);
        double dx = Math.max(x1 - x0, 1e-9), dy = Math.max(y1 - y0, 1e-9);
        double zoom = Math.log(Math.min(width / (dx * 256), height / (dy * 256))) / Math.log(2);
        zoom = Math.max(1, Math.min(maxZoom, zoom));
        double world = 256 * Math.pow(2, zoom);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        return new MapViewport(world, width / 2 - cx * world, height / 2 - cy * world, width, height);
    }

    public double zoom() {
        return Math.log(worldSize / 256) / Math.log(2);
    }

    public double screenX(double mercatorX) {
        return offsetX + mercatorX * worldSize;
    }

    public double screenY(double mercatorY) {
        return offsetY + mercatorY * worldSize;
    }

    public double mercatorX(double screenX) {
        return (screenX - offsetX) / worldSize;
    }

    public double mercatorY(double screenY) {
        return (screenY - offsetY) / worldSize;
    }

    public double longitude(double screenX) {
        return Mercator.longitude(mercatorX(screenX));
    }

    public double latitude(double screenY) {
        return Mercator.latitude(mercatorY(screenY));
    }

    /** The longitude and latitude of the view's centre. */
    public double centerLongitude() {
        return longitude(width / 2);
    }

    public double centerLatitude() {
        return latitude(height / 2);
    }

    /** {minLon, minLat, maxLon, maxLat} of the view. */
    public double[] bounds() {
        return new double[]{longitude(0), latitude(height), longitude(width), latitude(0)};
    }

    /** The scale denominator at the centre (1:N), for a screen of {@code dpi} dots per inch. */
    public double scaleDenominator(double dpi) {
        return Mercator.metresPerPixel(centerLatitude(), zoom()) * dpi / 0.0254;
    }
}
