package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.UserException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the content of one .shp record (little-endian, after the 8-byte record header) into a JTS geometry:
 * Point, MultiPoint, LineString or MultiLineString (one part or several), Polygon or MultiPolygon (rings assembled by
 * {@link PolygonAssembler}); null for a Null shape. Z is kept, M dropped. Counts and part indices are checked against
 * the record length before anything is read, so a damaged record gives a {@link UserException} naming the file and
 * record instead of a buffer exception. Degenerate parts (a one-point line, a ring of fewer than four points after
 * closing) are skipped with a warning.
 */
final class ShapeDecoder {

    private final GeometryFactory factory;
    private final Path file;
    private final WarningLog warnings;
    private final PolygonAssembler polygons;

    ShapeDecoder(GeometryFactory factory, Path file, WarningLog warnings) {
        this.factory = factory;
        this.file = file;
        this.warnings = warnings;
        this.polygons = new PolygonAssembler(factory);
    }

    /** @param content the record content, positioned at its shape type; its limit is the record's end */
    Geometry decode(ByteBuffer content, int record) {
        if (content.remaining() < 4) {
            throw tooShort(record, content.remaining(), "?", 0, 0, 4);
        }
        int code = content.getInt(0);
        ShapeType type = ShapeType.ofCode(code);
        if (type == null || type == ShapeType.MULTIPATCH) {
            throw new UserException("shp.error.recordType", file, record, code);
        }
        return switch (type.family()) {
            case NULL -> null;
            case POINT -> point(content, type, record);
            case MULTIPOINT -> multiPoint(content, type, record);
            case POLYLINE, POLYGON -> parts(content, type, record);
            case MULTIPATCH -> throw new UserException("shp.error.recordType", file, record, code);
        };
    }

    private Point point(ByteBuffer b, ShapeType type, int record) {
        int need = 4 + 16 + (type.hasZ() ? 8 : 0);
        if (b.remaining() < need) {
            throw tooShort(record, b.remaining(), type, 1, 1, need);
        }
        double x = b.getDouble(4);
        double y = b.getDouble(12);
        return factory.createPoint(type.hasZ() ? new Coordinate(x, y, b.getDouble(20)) : new CoordinateXY(x, y));
    }

    private Geometry multiPoint(ByteBuffer b, ShapeType type, int record) {
        if (b.remaining() < 40) {
            throw tooShort(record, b.remaining(), type, 1, 0, 40);
        }
        int n = b.getInt(36);
        if (n < 0) {
            throw new UserException("shp.error.badCounts", file, record, 1, n);
        }
        long need = 40L + 16L * n + (type.hasZ() ? 16L + 8L * n : 0);
        if (b.remaining() < need) {
            throw tooShort(record, b.remaining(), type, 1, n, need);
        }
        Coordinate[] coords = coordinates(b, 40, 0, n, type.hasZ() ? 40 + 16 * n + 16 : -1);
        Point[] points = new Point[n];
        for (int i = 0; i < n; i++) {
            points[i] = factory.createPoint(coords[i]);
        }
        return factory.createMultiPoint(points);
    }

    private Geometry parts(ByteBuffer b, ShapeType type, int record) {
        if (b.remaining() < 44) {
            throw tooShort(record, b.remaining(), type, 0, 0, 44);
        }
        int numParts = b.getInt(36);
        int numPoints = b.getInt(40);
        if (numParts < 0 || numPoints < 0 || (numParts > 0 && numPoints == 0)) {
            throw new UserException("shp.error.badCounts", file, record, numParts, numPoints);
        }
        long need = 44L + 4L * numParts + 16L * numPoints + (type.hasZ() ? 16L + 8L * numPoints : 0);
        if (b.remaining() < need) {
            throw tooShort(record, b.remaining(), type, numParts, numPoints, need);
        }
        int pointsAt = 44 + 4 * numParts;
        int[] starts = new int[numParts + 1];
        for (int p = 0; p < numParts; p++) {
            starts[p] = b.getInt(44 + 4 * p);
            boolean ordered = p == 0 ? starts[p] == 0 : starts[p] >= starts[p - 1];
            if (!ordered || starts[p] >= numPoints) {
                throw new UserException("shp.error.badPartIndex", file, record, p + 1, starts[p], numPoints - 1);
            }
        }
        starts[numParts] = numPoints;
        int zAt = type.hasZ() ? pointsAt + 16 * numPoints + 16 : -1;
        List<Coordinate[]> parts = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            parts.add(coordinates(b, pointsAt, starts[p], starts[p + 1] - starts[p], zAt));
        }
        return type.family() == ShapeType.Family.POLYGON ? polygon(parts, record) : line(parts, record);
    }

    private Geometry line(List<Coordinate[]> parts, int record) {
        List<LineString> lines = new ArrayList<>(parts.size());
        for (int p = 0; p < parts.size(); p++) {
            Coordinate[] c = parts.get(p);
            if (c.length < 2) {
                warnings.add("shp.warn.degenerateLine", file, record, p + 1);
            } else {
                lines.add(factory.createLineString(c));
            }
        }
        if (lines.size() == 1) {
            return lines.get(0);
        }
        return factory.createMultiLineString(lines.toArray(LineString[]::new));
    }

    private Geometry polygon(List<Coordinate[]> parts, int record) {
        List<Coordinate[]> rings = new ArrayList<>(parts.size());
        for (int p = 0; p < parts.size(); p++) {
            Coordinate[] ring = closed(parts.get(p));
            if (ring.length < 4) {
                warnings.add("shp.warn.degenerateRing", file, record, p + 1, parts.get(p).length);
            } else {
                rings.add(ring);
            }
        }
        Geometry g = polygons.assemble(rings);
        if (polygons.orphanHoles() > 0) {
            warnings.add("shp.warn.orphanHoles", file, record, polygons.orphanHoles());
        }
        return g;
    }

    private static Coordinate[] closed(Coordinate[] ring) {
        if (ring.length == 0 || ring[0].equals2D(ring[ring.length - 1])) {
            return ring;
        }
        Coordinate[] c = new Coordinate[ring.length + 1];
        System.arraycopy(ring, 0, c, 0, ring.length);
        c[ring.length] = ring[0].copy();
        return c;
    }

    /** {@code n} coordinates from point index {@code first}; Z from the Z array at {@code zAt} unless it is -1. */
    private static Coordinate[] coordinates(ByteBuffer b, int pointsAt, int first, int n, int zAt) {
        Coordinate[] c = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            int at = pointsAt + 16 * (first + i);
            double x = b.getDouble(at);
            double y = b.getDouble(at + 8);
            c[i] = zAt < 0 ? new CoordinateXY(x, y) : new Coordinate(x, y, b.getDouble(zAt + 8 * (first + i)));
        }
        return c;
    }

    private UserException tooShort(int record, int length, Object type, int parts, int points, long need) {
        return new UserException("shp.error.recordTooShort", file, record, length, type, parts, points, need);
    }
}
