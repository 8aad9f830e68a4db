package org.ecomonitor.analysis.layout;

import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.GeometryTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Between the store's CGCS2000 longitude/latitude (EPSG:4490) and the projected working plane of a layout (by
 * default the CGCS2000 3-degree Gauss-Krüger zone of the area, EPSG:4545 for Tongren), where distances and areas
 * are in metres. Thread-safe (transforms are serialised on the instance).
 */
public final class LayoutProjection {

    private final int planeEpsg;
    private final CoordinateTransform toPlane;
    private final CoordinateTransform toLonLat;
    private final GeometryTransform geometryToPlane;
    private final GeometryTransform geometryToLonLat;

    private LayoutProjection(int planeEpsg) {
        if (Crs.isGeographic(planeEpsg)) {
            throw new UserException("layout.planeNotProjected", Crs.displayName(planeEpsg));
        }
        this.planeEpsg = planeEpsg;
        this.toPlane = CoordinateTransform.between(Crs.CGCS2000, planeEpsg);
        this.toLonLat = CoordinateTransform.between(planeEpsg, Crs.CGCS2000);
        this.geometryToPlane = GeometryTransform.between(Crs.CGCS2000, planeEpsg);
        this.geometryToLonLat = GeometryTransform.between(planeEpsg, Crs.CGCS2000);
    }

    /** The projection to a given projected EPSG system. */
    public static LayoutProjection of(int planeEpsg) {
        return new LayoutProjection(planeEpsg);
    }

    /** The CGCS2000 3-degree Gauss-Krüger zone of the longitude of the geometry's centre (lon/lat). */
    public static LayoutProjection forArea(Geometry lonLat) {
        Point c = lonLat.getEnvelope().getCentroid();
        return new LayoutProjection(Crs.cgcs2000GaussKruegerFor(c.getX()));
    }

    /** EPSG code of the working plane. */
    public int planeEpsg() {
        return planeEpsg;
    }

    /** A copy of a lon/lat geometry in the plane. */
    public synchronized Geometry toPlane(Geometry lonLat) {
        return geometryToPlane.apply(lonLat);
    }

    /** A copy of a plane geometry in lon/lat. */
    public synchronized Geometry toLonLat(Geometry plane) {
        return geometryToLonLat.apply(plane);
    }

    /** {x, y} in the plane of a longitude and latitude. */
    public synchronized double[] toPlane(double longitude, double latitude) {
        return toPlane.apply(longitude, latitude);
    }

    /** {longitude, latitude} of a plane coordinate. */
    public synchronized double[] toLonLat(double x, double y) {
        return toLonLat.apply(x, y);
    }
}
