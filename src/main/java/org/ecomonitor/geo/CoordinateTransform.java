package org.ecomonitor.geo;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms x/y (longitude/latitude in degrees for geographic systems, metres otherwise) between two EPSG
 * systems. Instances are not thread-safe (proj4j keeps state); create one per thread. Identity when both codes
 * are equal or both are the CGCS2000/WGS84 geographic systems.
 */
public final class CoordinateTransform {

    private final int source;
    private final int target;
    private final BasicCoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    private CoordinateTransform(int source, int target) {
        this.source = source;
        this.target = target;
        this.transform = isIdentity(source, target) ? null
                : new BasicCoordinateTransform(Crs.epsg(source), Crs.epsg(target));
    }

    public static CoordinateTransform between(int sourceEpsg, int targetEpsg) {
        return new CoordinateTransform(sourceEpsg, targetEpsg);
    }

    private static boolean isIdentity(int a, int b) {
        return a == b || (isWgs84Like(a) && isWgs84Like(b));
    }

    private static boolean isWgs84Like(int code) {
        return code == Crs.WGS84 || code == Crs.CGCS2000;
    }

    public int source() {
        return source;
    }

    public int target() {
        return target;
    }

    /** Transforms one coordinate; returns {x, y}. */
    public double[] apply(double x, double y) {
        double[] r = new double[2];
        apply(x, y, r);
        return r;
    }

    /** Transforms one coordinate into {@code result[0..1]}. */
    public void apply(double x, double y, double[] result) {
        if (transform == null) {
            result[0] = x;
            result[1] = y;
            return;
        }
        in.x = x;
        in.y = y;
        transform.transform(in, out);
        result[0] = out.x;
        result[1] = out.y;
    }

    /** Transforms interleaved x,y pairs in place. */
    public void applyInPlace(double[] xy) {
        if (transform == null) {
            return;
        }
        for (int i = 0; i + 1 < xy.length; i += 2) {
            in.x = xy[i];
            in.y = xy[i + 1];
            transform.transform(in, out);
            xy[i] = out.x;
            xy[i + 1] = out.y;
        }
    }
}
