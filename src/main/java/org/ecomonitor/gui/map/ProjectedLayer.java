package org.ecomonitor.gui.map;

import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's features made ready for drawing: geometries reprojected once from the store's CRS to
 * longitude/latitude, and their vertices converted to normalised {@link Mercator} units, so that a redraw is
 * one multiply-add per vertex. Points keep one coordinate per feature ({@link #x}, {@link #y}); lines and
 * polygons keep their parts (rings) as interleaved x,y arrays with a bounding box per feature for culling.
 * Also answers which features lie at or inside a place (an STR-tree over the lon/lat envelopes).
 * Built off the FX thread; immutable afterwards.
 */
public final class ProjectedLayer {

    private final GeometryFamily family;
    private final List<Feature> features;
    private final Geometry[] lonLat;
    /** points: the point; lines and polygons: where the label goes (NaN when the feature has no geometry) */
    private final double[] x;
    private final double[] y;
    /** lines and polygons: per feature the index of its first part in {@link #parts}, plus one end entry */
    private final int[] firstPart;
    private final double[][] parts;
    /** lines and polygons: per feature minX, minY, maxX, maxY in Mercator units */
    private final double[] boxes;
    /** points: feature indexes from north to south, so that drawing walks the raster row by row (cache-friendly) */
    private final int[] drawOrder;
    private final Envelope extent = new Envelope();
    private final Map<Long, Integer> indexByFid = new HashMap<>();
    private STRtree index;

    private ProjectedLayer(GeometryFamily family, List<Feature> features, int srsId) {
        this.family = family;
        this.features = List.copyOf(features);
        int n = features.size();
        lonLat = new Geometry[n];
        x = new double[n];
        y = new double[n];
        firstPart = new int[n + 1];
        boxes = family == GeometryFamily.POINT ? new double[0] : new double[4 * n];
        List<double[]> partList = new ArrayList<>();
        LonLatFilter reproject = isLonLat(srsId) ? null : new LonLatFilter(CoordinateTransform.between(srsId, Crs.CGCS2000));
        for (int i = 0; i < n; i++) {
            Feature f = features.get(i);
            indexByFid.put(f.fid(), i);
            Geometry g = f.geometry();
            if (g != null && reproject != null) {
                g = g.copy();
                g.apply(reproject);
                g.geometryChanged();
            }
            lonLat[i] = g;
            x[i] = Double.NaN;
            y[i] = Double.NaN;
            firstPart[i] = partList.size();
            if (g == null || g.isEmpty()) {
                if (boxes.length > 0) {
                    boxes[4 * i] = Double.NaN;
                }
                continue;
            }
            extent.expandToInclude(g.getEnvelopeInternal());
            if (family == GeometryFamily.POINT) {
                Coordinate c = g instanceof Point p ? p.getCoordinate() : g.getCentroid().getCoordinate();
                x[i] = Mercator.x(c.x);
                y[i] = Mercator.y(c.y);
                continue;
            }
            addParts(g, partList);
            Envelope e = g.getEnvelopeInternal();
            boxes[4 * i] = Mercator.x(e.getMinX());
            boxes[4 * i + 1] = Mercator.y(e.getMaxY());
            boxes[4 * i + 2] = Mercator.x(e.getMaxX());
            boxes[4 * i + 3] = Mercator.y(e.getMinY());
            Coordinate anchor = labelAnchor(g);
            x[i] = Mercator.x(anchor.x);
            y[i] = Mercator.y(anchor.y);
        }
        firstPart[n] = partList.size();
        parts = partList.toArray(double[][]::new);
        drawOrder = family == GeometryFamily.POINT ? northToSouth(y, x) : new int[0];
    }

    private static int[] northToSouth(double[] y, double[] x) {
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(y[a], y[b]);
            return c != 0 ? c : Double.compare(x[a], x[b]);
        });
        int[] result = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            result[i] = order[i];
        }
        return result;
    }

    /** Builds the drawing form of features stored in EPSG {@code srsId} with the given geometry type. */
    public static ProjectedLayer of(List<Feature> features, int srsId, String geometryType) {
        return new ProjectedLayer(GeometryFamily.of(geometryType), features, srsId);
    }

    public static ProjectedLayer of(List<Feature> features, int srsId, GeometryFamily family) {
        return new ProjectedLayer(family, features, srsId);
    }

    private static boolean isLonLat(int srs) {
        return srs == Crs.CGCS2000 || srs == Crs.WGS84 || srs == 0;
    }

    private static void addParts(Geometry g, List<double[]> out) {
        for (int k = 0; k < g.getNumGeometries(); k++) {
            Geometry part = g.getGeometryN(k);
            if (part instanceof Polygon poly) {
                out.add(mercator(poly.getExteriorRing()));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    out.add(mercator(poly.getInteriorRingN(h)));
                }
            } else if (part instanceof LineString line) {
                out.add(mercator(line));
            } else if (part.getNumGeometries() > 1 || part != g) {
                addParts(part, out);
            }
        }
    }

    private static double[] mercator(LineString line) {
        Coordinate[] cs = line.getCoordinates();
        double[] xy = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            xy[2 * i] = Mercator.x(cs[i].x);
            xy[2 * i + 1] = Mercator.y(cs[i].y);
        }
        return xy;
    }

    private static Coordinate labelAnchor(Geometry g) {
        if (g.getDimension() == 1) {
            LineString longest = null;
            for (int k = 0; k < g.getNumGeometries(); k++) {
                if (g.getGeometryN(k) instanceof LineString l && (longest == null || l.getLength() > longest.getLength())) {
                    longest = l;
                }
            }
            if (longest != null) {
                return longest.getCoordinateN(longest.getNumPoints() / 2);
            }
        }
        try {
            Geometry largest = g;
            double area = -1;
            for (int k = 0; k < g.getNumGeometries(); k++) {
                if (g.getGeometryN(k).getArea() > area) {
                    area = g.getGeometryN(k).getArea();
                    largest = g.getGeometryN(k);
                }
            }
            return largest.getInteriorPoint().getCoordinate();
        } catch (RuntimeException e) {
            return g.getCentroid().getCoordinate();
        }
    }

    public GeometryFamily family() {
        return family;
    }

    public int size() {
        return features.size();
    }

    public List<Feature> features() {
        return features;
    }

    public Feature feature(int i) {
        return features.get(i);
    }

    /** The index of the feature with this fid, or -1. */
    public int indexOf(long fid) {
        Integer i = indexByFid.get(fid);
        return i == null ? -1 : i;
    }

    /** The feature's geometry in longitude/latitude (CGCS2000), or null. */
    public Geometry lonLat(int i) {
        return lonLat[i];
    }

    /** Point layers: the order to draw the features in (north to south). */
    public int[] drawOrder() {
        return drawOrder;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public int firstPart(int feature) {
        return firstPart[feature];
    }

    public int endPart(int feature) {
        return firstPart[feature + 1];
    }

    public double[] part(int p) {
        return parts[p];
    }

    /** Mercator box of a line or polygon feature: {minX, minY, maxX, maxY} at {@code 4*i}; NaN when empty. */
    public double[] boxes() {
        return boxes;
    }

    /** The lon/lat extent of all features (null envelope when empty). */
    public Envelope extent() {
        return new Envelope(extent);
    }

    /** Indexes of the features whose lon/lat envelope intersects the box. */
    public synchronized List<Integer> candidates(Envelope lonLatBox) {
        if (index == null) {
            index = new STRtree();
            for (int i = 0; i < lonLat.length; i++) {
                if (lonLat[i] != null && !lonLat[i].isEmpty()) {
                    index.insert(lonLat[i].getEnvelopeInternal(), i);
                }
            }
            index.build();
        }
        @SuppressWarnings("unchecked")
        List<Integer> hits = index.query(lonLatBox);
        return hits;
    }

    /** Indexes of the features inside or crossing a lon/lat rectangle. */
    public List<Integer> within(Envelope lonLatBox) {
        List<Integer> result = new ArrayList<>();
        Geometry box = null;
        for (int i : candidates(lonLatBox)) {
            Geometry g = lonLat[i];
            if (family == GeometryFamily.POINT) {
                Coordinate c = g.getCoordinate();
                if (lonLatBox.contains(c)) {
                    result.add(i);
                }
            } else {
                if (box == null) {
                    box = new GeometryFactory().toGeometry(lonLatBox);
                }
                if (g.intersects(box)) {
                    result.add(i);
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** Converts coordinates of another CRS to CGCS2000 longitude/latitude in place. */
    private static final class LonLatFilter implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final double[] out = new double[2];

        LonLatFilter(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            transform.apply(seq.getX(i), seq.getY(i), out);
            seq.setOrdinate(i, 0, out[0]);
            seq.setOrdinate(i, 1, out[1]);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
