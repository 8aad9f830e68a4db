package org.ecomonitor.io.shapefile;

import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a JTS geometry as the content of one .shp record of a given shape type: Point for POINT; Point or
 * MultiPoint for MULTIPOINT; LineString or MultiLineString for POLYLINE; Polygon or MultiPolygon for POLYGON
 * (shells written clockwise and holes counter-clockwise, as the specification requires, whatever their orientation
 * in JTS); null or empty as a Null shape. Z types take Z from the coordinates (0 where missing) and write M as 0,
 * as shapelib does. Also keeps the bounds and Z range of all it encoded, for the file header.
 */
final class ShapeEncoder {

    private final ShapeType type;
    private final Envelope bounds = new Envelope();
    private double zMin = Double.POSITIVE_INFINITY;
    private double zMax = Double.NEGATIVE_INFINITY;

    ShapeEncoder(ShapeType type) {
        this.type = type;
    }

    Envelope bounds() {
        return bounds;
    }

    double zMin() {
        return zMin <= zMax ? zMin : 0;
    }

    double zMax() {
        return zMin <= zMax ? zMax : 0;
    }

    /** The record content, or null when this geometry type does not fit the shape type. */
    ByteBuffer encode(Geometry g) {
        if (g == null || g.isEmpty()) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, ShapeType.NULL.code());
        }
        return switch (type.family()) {
            case POINT -> g instanceof Point p ? point(p) : null;
            case MULTIPOINT -> g instanceof Point || g instanceof MultiPoint ? multiPoint(g) : null;
            case POLYLINE -> g instanceof LineString || g instanceof MultiLineString ? parts(lines(g)) : null;
            case POLYGON -> g instanceof Polygon || g instanceof MultiPolygon ? parts(rings(g)) : null;
            default -> null;
        };
    }

    private ByteBuffer point(Point p) {
        Coordinate c = p.getCoordinate();
        ByteBuffer b = allocate(type.hasZ() ? 36 : 20);
        b.putInt(type.code()).putDouble(c.x).putDouble(c.y);
        if (type.hasZ()) {
            b.putDouble(z(c)).putDouble(0);
        }
        include(c);
        return b.flip();
    }

    private ByteBuffer multiPoint(Geometry g) {
        Coordinate[] c = g.getCoordinates();
        int n = c.length;
        ByteBuffer b = allocate(40 + 16 * n + (type.hasZ() ? 32 + 16 * n : 0));
        b.putInt(type.code());
        box(b, c);
        b.putInt(n);
        for (Coordinate p : c) {
            b.putDouble(p.x).putDouble(p.y);
        }
        zAndM(b, c);
        return b.flip();
    }

    private static List<Coordinate[]> lines(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!g.getGeometryN(i).isEmpty()) {
                parts.add(g.getGeometryN(i).getCoordinates());
            }
        }
        return parts;
    }

    private static List<Coordinate[]> rings(Geometry g) {
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) {
                continue;
            }
            parts.add(oriented(p.getExteriorRing().getCoordinates(), true));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                parts.add(oriented(p.getInteriorRingN(h).getCoordinates(), false));
            }
        }
        return parts;
    }

    /** The ring clockwise (shells) or counter-clockwise (holes); Area.ofRingSigned is positive for clockwise. */
    private static Coordinate[] oriented(Coordinate[] ring, boolean clockwise) {
        boolean isClockwise = Area.ofRingSigned(ring) > 0;
        if (isClockwise == clockwise) {
            return ring;
        }
        Coordinate[] r = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            r[i] = ring[ring.length - 1 - i];
        }
        return r;
    }

    private ByteBuffer parts(List<Coordinate[]> parts) {
        int n = 0;
        for (Coordinate[] p : parts) {
            n += p.length;
        }
        Coordinate[] all = new Coordinate[n];
        int at = 0;
        for (Coordinate[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        ByteBuffer b = allocate(44 + 4 * parts.size() + 16 * n + (type.hasZ() ? 32 + 16 * n : 0));
        b.putInt(type.code());
        box(b, all);
        b.putInt(parts.size()).putInt(n);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate c : all) {
            b.putDouble(c.x).putDouble(c.y);
        }
        zAndM(b, all);
        return b.flip();
    }

    private void box(ByteBuffer b, Coordinate[] c) {
        Envelope e = new Envelope();
        for (Coordinate p : c) {
            e.expandToInclude(p);
            include(p);
        }
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    private void zAndM(ByteBuffer b, Coordinate[] c) {
        if (!type.hasZ()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Coordinate p : c) {
            lo = Math.min(lo, z(p));
            hi = Math.max(hi, z(p));
        }
        b.putDouble(c.length == 0 ? 0 : lo).putDouble(c.length == 0 ? 0 : hi);
        for (Coordinate p : c) {
            b.putDouble(z(p));
        }
        b.putDouble(0).putDouble(0);
        for (int i = 0; i < c.length; i++) {
            b.putDouble(0);
        }
    }

    private void include(Coordinate c) {
        bounds.expandToInclude(c);
        if (type.hasZ()) {
            zMin = Math.min(zMin, z(c));
            zMax = Math.max(zMax, z(c));
        }
    }

    private static double z(Coordinate c) {
        double z = c.getZ();
        return Double.isNaN(z) ? 0 : z;
    }

    private static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
