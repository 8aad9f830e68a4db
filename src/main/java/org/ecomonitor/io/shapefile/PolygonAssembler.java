package org.ecomonitor.io.shapefile;

import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the rings of one shapefile polygon record into a JTS {@link Polygon} or
 * {@link org.locationtech.jts.geom.MultiPolygon}. Per the specification a clockwise ring is an outer ring (shell) and
 * a counter-clockwise ring is a hole; each hole goes to the smallest shell that contains it, so a hole of an island
 * inside a lake lands in the island. A hole that no shell contains was written with the wrong orientation and
 * becomes a shell of its own ({@link #orphanHoles()} counts them). Rings are closed if the file left them open.
 * <p>
 * Cost: O(h · s · n) for h holes, s shells and n vertices per shell in the worst case; envelopes reject most pairs.
 */
final class PolygonAssembler {

    private final GeometryFactory factory;
    private int orphanHoles;

    PolygonAssembler(GeometryFactory factory) {
        this.factory = factory;
    }

    /** Holes of the last {@link #assemble} call that lay in no shell and became shells. */
    int orphanHoles() {
        return orphanHoles;
    }

    /**
     * @param rings closed rings of at least four coordinates each
     * @return an empty Polygon for no rings, a Polygon for one shell, a MultiPolygon for several
     */
    Geometry assemble(List<Coordinate[]> rings) {
        orphanHoles = 0;
        List<Shell> shells = new ArrayList<>();
        List<Coordinate[]> holes = new ArrayList<>();
        for (Coordinate[] ring : rings) {
            // Area.ofRingSigned is positive for clockwise rings; a flat ring (area 0) can only be a shell.
            if (Area.ofRingSigned(ring) >= 0) {
                shells.add(new Shell(ring));
            } else {
                holes.add(ring);
            }
        }
        List<Shell> bySize = new ArrayList<>(shells);
        bySize.sort(Comparator.comparingDouble(s -> s.area));
        for (Coordinate[] hole : holes) {
            Shell owner = smallestContaining(bySize, hole);
            if (owner != null) {
                owner.holes.add(hole);
            } else {
                orphanHoles++;
                shells.add(new Shell(hole));
            }
        }
        if (shells.isEmpty()) {
            return factory.createPolygon();
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = shells.get(i).toPolygon(factory);
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    private static Shell smallestContaining(List<Shell> bySize, Coordinate[] hole) {
        Envelope holeEnvelope = envelope(hole);
        for (Shell shell : bySize) {
            if (shell.envelope.covers(holeEnvelope) && contains(shell.ring, hole)) {
                return shell;
            }
        }
        return null;
    }

    /** True when the first hole vertex that is not on the shell's boundary lies inside it (or all are on it). */
    private static boolean contains(Coordinate[] shell, Coordinate[] hole) {
        for (Coordinate c : hole) {
            int location = PointLocation.locateInRing(c, shell);
            if (location != Location.BOUNDARY) {
                return location == Location.INTERIOR;
            }
        }
        return true;
    }

    private static Envelope envelope(Coordinate[] ring) {
        Envelope e = new Envelope();
        for (Coordinate c : ring) {
            e.expandToInclude(c);
        }
        return e;
    }

    private static final class Shell {
        final Coordinate[] ring;
        final Envelope envelope;
        final double area;
        final List<Coordinate[]> holes = new ArrayList<>();

        Shell(Coordinate[] ring) {
            this.ring = ring;
            this.envelope = envelope(ring);
            this.area = Math.abs(Area.ofRingSigned(ring));
        }

        Polygon toPolygon(GeometryFactory factory) {
            LinearRing[] inner = new LinearRing[holes.size()];
            for (int i = 0; i < inner.length; i++) {
                inner[i] = factory.createLinearRing(holes.get(i));
            }
            return factory.createPolygon(factory.createLinearRing(ring), inner);
        }
    }
}
