package org.ecomonitor.analysis.contour;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links directed boundary segments (region on their left, every key with as many segments arriving as
 * leaving) into closed rings, and rings into polygons: counter-clockwise rings are shells, clockwise ones
 * holes of the smallest shell that contains them. Boundaries can touch only at lattice vertices (two valid
 * squares meeting at a corner). There a walk turns into the first segment clockwise from where it came, which
 * keeps shells that touch apart; a walk that still comes back to a vertex (holes that touch, a hole touching
 * its shell) is split there into simple loops. So no ring passes a point twice and the result is valid in the
 * OGC sense (rings may touch at points). O(s log s) for s segments, plus the hole assignment.
 */
final class RingAssembler {

    private RingAssembler() {
    }

    /**
     * @param vertexKeyLimit keys below this are lattice vertices, the only points where boundaries may touch
     */
    static Geometry polygons(SegmentList segs, long vertexKeyLimit, GeometryFactory factory) {
        int n = segs.size;
        if (n == 0) {
            return factory.createMultiPolygon();
        }
        long[] sorted = segs.byStart();
        int[] next = new int[n];
        for (int s = 0; s < n; s++) {
            next[s] = successor(segs, sorted, s);
        }
        boolean[] used = new boolean[n];
        List<LinearRing> shells = new ArrayList<>();
        List<Double> shellAreas = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        List<Coordinate> walk = new ArrayList<>();
        long[] walkKeys = new long[64];
        Map<Long, Integer> vertexAt = new HashMap<>();
        for (int s0 = 0; s0 < n; s0++) {
            if (used[s0]) {
                continue;
            }
            walk.clear();
            vertexAt.clear();
            int s = s0;
            while (!used[s]) {
                used[s] = true;
                long key = segs.from[s];
                if (key < vertexKeyLimit) {
                    Integer seen = vertexAt.get(key);
                    if (seen != null) {
                        // the walk came back to a vertex: what lies between is a loop of its own
                        List<Coordinate> loop = walk.subList(seen, walk.size());
                        for (int k = seen + 1; k < walk.size(); k++) {
                            if (walkKeys[k] < vertexKeyLimit) {
                                vertexAt.remove(walkKeys[k]);
                            }
                        }
                        addRing(new ArrayList<>(loop), shells, shellAreas, holes, factory);
                        loop.clear();
                    }
                    vertexAt.put(key, walk.size());
                }
                if (walk.size() == walkKeys.length) {
                    walkKeys = java.util.Arrays.copyOf(walkKeys, 2 * walkKeys.length);
                }
                walkKeys[walk.size()] = key;
                walk.add(new Coordinate(segs.fx[s], segs.fy[s]));
                s = next[s];
                if (s < 0) {
                    throw new IllegalStateException("contour boundary is not closed");
                }
            }
            if (s != s0) {
                throw new IllegalStateException("contour boundary is not closed");
            }
            addRing(walk, shells, shellAreas, holes, factory);
        }
        return build(shells, shellAreas, holes, factory);
    }

    /** A closed loop (first point not repeated): shell when counter-clockwise, hole when clockwise. */
    private static void addRing(List<Coordinate> loop, List<LinearRing> shells, List<Double> shellAreas,
                                List<LinearRing> holes, GeometryFactory factory) {
        if (loop.size() < 3) {
            return;
        }
        double ox = loop.get(0).x;
        double oy = loop.get(0).y;
        double area2 = 0;
        for (int k = 0; k < loop.size(); k++) {
            Coordinate a = loop.get(k);
            Coordinate b = loop.get((k + 1) % loop.size());
            area2 += (a.x - ox) * (b.y - oy) - (b.x - ox) * (a.y - oy);
        }
        if (area2 == 0) {
            return;
        }
        Coordinate[] pts = new Coordinate[loop.size() + 1];
        for (int k = 0; k < loop.size(); k++) {
            pts[k] = loop.get(k);
        }
        pts[loop.size()] = new Coordinate(loop.get(0));
        LinearRing ring = factory.createLinearRing(pts);
        if (area2 > 0) {
            shells.add(ring);
            shellAreas.add(area2 / 2);
        } else {
            holes.add(ring);
        }
    }

    /** The segment that continues s: the only one leaving its end, or the first clockwise at a pinch. */
    private static int successor(SegmentList segs, long[] sorted, int s) {
        long key = segs.to[s];
        int first = segs.firstLeaving(sorted, key);
        if (first < 0) {
            return -1;
        }
        int size = segs.size;
        int candidate = (int) (sorted[first] % size);
        if (first + 1 >= sorted.length || sorted[first + 1] / size != key) {
            return candidate;
        }
        // several leave this vertex: turn into the first one clockwise from the way back
        double back = Math.atan2(segs.fy[s] - segs.ty[s], segs.fx[s] - segs.tx[s]);
        int best = -1;
        double bestTurn = Double.POSITIVE_INFINITY;
        for (int k = first; k < sorted.length && sorted[k] / size == key; k++) {
            int c = (int) (sorted[k] % size);
            double out = Math.atan2(segs.ty[c] - segs.fy[c], segs.tx[c] - segs.fx[c]);
            double turn = back - out;
            while (turn <= 0) {
                turn += 2 * Math.PI;
            }
            while (turn > 2 * Math.PI) {
                turn -= 2 * Math.PI;
            }
            if (turn < bestTurn) {
                bestTurn = turn;
                best = c;
            }
        }
        return best;
    }

    private static Geometry build(List<LinearRing> shells, List<Double> areas, List<LinearRing> holes,
                                  GeometryFactory factory) {
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            holesOf.add(new ArrayList<>());
        }
        if (!holes.isEmpty()) {
            STRtree index = new STRtree();
            for (int i = 0; i < shells.size(); i++) {
                index.insert(shells.get(i).getEnvelopeInternal(), i);
            }
            IndexedPointInAreaLocator[] locators = new IndexedPointInAreaLocator[shells.size()];
            for (LinearRing hole : holes) {
                // the middle of the hole's first edge is never on another ring
                Coordinate a = hole.getCoordinateN(0);
                Coordinate b = hole.getCoordinateN(1);
                Coordinate probe = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
                Envelope env = hole.getEnvelopeInternal();
                int owner = -1;
                for (Object o : index.query(env)) {
                    int i = (Integer) o;
                    if (!shells.get(i).getEnvelopeInternal().covers(env)) {
                        continue;
                    }
                    if (owner >= 0 && areas.get(i) >= areas.get(owner)) {
                        continue;
                    }
                    if (locators[i] == null) {
                        locators[i] = new IndexedPointInAreaLocator(factory.createPolygon(shells.get(i)));
                    }
                    if (locators[i].locate(probe) == Location.INTERIOR) {
                        owner = i;
                    }
                }
                if (owner < 0) {
                    throw new IllegalStateException("contour hole outside every shell");
                }
                holesOf.get(owner).add(hole);
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }
}
