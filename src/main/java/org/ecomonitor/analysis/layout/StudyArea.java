package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.GridMask;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.List;

/**
 * Where monitoring points may go, in a projected working plane (metres): the study area's polygons (a county,
 * the built-up area, any polygon layer) less the exclusion polygons (water bodies, restricted zones, buildings),
 * with optional zones (counties, land-use strata) that points are counted in and allocated to. A study area may
 * instead be given by the centres of regular cells (a prediction grid such as meuse.grid), when no polygon
 * exists. Immutable and thread-safe; point tests use indexed point-in-polygon location, O(log edges).
 */
public final class StudyArea {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final int epsg;
    private final Geometry area;
    private final Geometry exclusions;
    private final List<Zone> zones;
    private final IndexedPointInAreaLocator areaLocator;
    private final IndexedPointInAreaLocator exclusionLocator;
    private final IndexedPointInAreaLocator[] zoneLocators;
    private final Discretisation cells;
    private final Envelope envelope;
    private volatile Geometry admissible;
    private volatile double admissibleArea = Double.NaN;

    private StudyArea(int epsg, Geometry area, Geometry exclusions, List<Zone> zones, Discretisation cells) {
        this.epsg = epsg;
        this.area = area;
        this.exclusions = exclusions;
        this.zones = List.copyOf(zones);
        this.cells = cells;
        if (area != null) {
            areaLocator = new IndexedPointInAreaLocator(area);
            areaLocator.locate(new Coordinate(0, 0));
            envelope = area.getEnvelopeInternal();
        } else {
            areaLocator = null;
            GridSpec g = cells.grid;
            envelope = new Envelope(g.minX(), g.maxX(), g.minY(), g.maxY());
        }
        if (exclusions != null && !exclusions.isEmpty()) {
            exclusionLocator = new IndexedPointInAreaLocator(exclusions);
            exclusionLocator.locate(new Coordinate(0, 0));
        } else {
            exclusionLocator = null;
        }
        zoneLocators = new IndexedPointInAreaLocator[this.zones.size()];
        for (int i = 0; i < zoneLocators.length; i++) {
            zoneLocators[i] = new IndexedPointInAreaLocator(this.zones.get(i).geometry());
            zoneLocators[i].locate(new Coordinate(0, 0));
        }
    }

    /**
     * The area inside polygons.
     *
     * @param epsg      the working plane's EPSG code (for the longitude/latitude of planned points)
     * @param polygonal a Polygon or MultiPolygon in that plane; an invalid one is repaired
     * @throws UserException when it is not polygonal or empty
     */
    public static StudyArea of(int epsg, Geometry polygonal) {
        return new StudyArea(epsg, checkPolygonal(polygonal, "layout.areaNotPolygonal"), null, List.of(), null);
    }

    /**
     * An area given by the centres of square cells of one size (a regular prediction grid); a point is admissible
     * when it falls in one of the cells.
     */
    public static StudyArea ofCells(int epsg, double cellSize, double[] cx, double[] cy) {
        if (cx.length == 0) {
            throw new UserException("layout.areaEmpty");
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cx.length; i++) {
            minX = Math.min(minX, cx[i]);
            maxX = Math.max(maxX, cx[i]);
            minY = Math.min(minY, cy[i]);
            maxY = Math.max(maxY, cy[i]);
        }
        int ncols = (int) Math.round((maxX - minX) / cellSize) + 1;
        int nrows = (int) Math.round((maxY - minY) / cellSize) + 1;
        GridSpec grid = new GridSpec(minX - cellSize / 2, minY - cellSize / 2, cellSize, ncols, nrows);
        boolean[] seen = new boolean[grid.cellCount()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cx.length; i++) {
            int col = (int) Math.round((cx[i] - minX) / cellSize);
            int row = nrows - 1 - (int) Math.round((cy[i] - minY) / cellSize);
            int idx = grid.index(col, row);
            if (!seen[idx]) {
                seen[idx] = true;
                order.add(idx);
            }
        }
        order.sort(null);
        int n = order.size();
        int[] cell = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            cell[i] = order.get(i);
            x[i] = grid.x(cell[i] % ncols);
            y[i] = grid.y(cell[i] / ncols);
        }
        int[] zone = new int[n];
        java.util.Arrays.fill(zone, -1);
        return new StudyArea(epsg, null, null, List.of(), new Discretisation(grid, cell, x, y, zone));
    }

    /** This area without the exclusion polygons (added to any already excluded). */
    public StudyArea withExclusions(Geometry polygonal) {
        if (polygonal == null || polygonal.isEmpty()) {
            return this;
        }
        Geometry ex = checkPolygonal(polygonal, "layout.exclusionNotPolygonal");
        if (exclusions != null && !exclusions.isEmpty()) {
            ex = OverlayNGRobust.overlay(exclusions, ex, OverlayNG.UNION);
        }
        return new StudyArea(epsg, area, ex, zones, cells);
    }

    /** This area with zones (counties, strata) to count and allocate points in; ids must be unique. */
    public StudyArea withZones(List<Zone> newZones) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<Zone> fixed = new ArrayList<>();
        for (Zone z : newZones) {
            if (!ids.add(z.id())) {
                throw new UserException("layout.zoneDuplicate", z.id());
            }
            fixed.add(new Zone(z.id(), z.name(), checkPolygonal(z.geometry(), "layout.zoneNotPolygonal")));
        }
        return new StudyArea(epsg, area, exclusions, fixed, cells);
    }

    private static Geometry checkPolygonal(Geometry g, String key) {
        if (g == null || g.isEmpty()) {
            throw new UserException("layout.areaEmpty");
        }
        Geometry p = g;
        if (!(p instanceof Polygonal)) {
            List<Geometry> parts = new ArrayList<>();
            for (int i = 0; i < p.getNumGeometries(); i++) {
                Geometry part = p.getGeometryN(i);
                if (!(part instanceof Polygonal)) {
                    throw new UserException(key, part.getGeometryType());
                }
                parts.add(part);
            }
            p = GEOMETRY.buildGeometry(parts);
        }
        if (!p.isValid()) {
            p = GeometryFixer.fix(p);
        }
        return p;
    }

    /** EPSG code of the working plane. */
    public int epsg() {
        return epsg;
    }

    /** The area's polygons (null for an area given by cells). */
    public Geometry area() {
        return area;
    }

    /** The excluded polygons (null when none). */
    public Geometry exclusions() {
        return exclusions;
    }

    public List<Zone> zones() {
        return zones;
    }

    /** True when the area is given by polygons (not by cells). */
    public boolean hasPolygons() {
        return area != null;
    }

    public Envelope envelope() {
        return new Envelope(envelope);
    }

    /** True when a point may go to (x, y): inside the area (its boundary included) and outside every exclusion. */
    public boolean isAdmissible(double x, double y) {
        if (area == null) {
            return cells.indexAt(x, y) >= 0;
        }
        if (!envelope.contains(x, y)) {
            return false;
        }
        Coordinate c = new Coordinate(x, y);
        if (areaLocator.locate(c) == Location.EXTERIOR) {
            return false;
        }
        return exclusionLocator == null || exclusionLocator.locate(c) == Location.EXTERIOR;
    }

    /** Index in {@link #zones()} of the first zone containing (x, y), or -1. */
    public int zoneAt(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        for (int i = 0; i < zoneLocators.length; i++) {
            if (zoneLocators[i].locate(c) != Location.EXTERIOR) {
                return i;
            }
        }
        return -1;
    }

    /** Index in {@link #zones()} of the zone with this id, or -1. */
    public int zoneIndex(String id) {
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The zone of a site: its own zone when the area has a zone of that id, else the zone it lies in, else -1. */
    public int zoneOf(Site site) {
        if (site.zone() != null) {
            int i = zoneIndex(site.zone());
            if (i >= 0) {
                return i;
            }
        }
        return zoneAt(site.x(), site.y());
    }

    /** The admissible polygons: area less exclusions (computed once; null for an area given by cells). */
    public Geometry admissibleGeometry() {
        if (area == null) {
            return null;
        }
        Geometry a = admissible;
        if (a == null) {
            a = exclusionLocator == null ? area : OverlayNGRobust.overlay(area, exclusions, OverlayNG.DIFFERENCE);
            admissible = a;
        }
        return a;
    }

    /** The admissible area in square metres. */
    public double admissibleArea() {
        double a = admissibleArea;
        if (Double.isNaN(a)) {
            a = area == null ? cells.size() * cells.grid.cellArea() : admissibleGeometry().getArea();
            admissibleArea = a;
        }
        return a;
    }

    /**
     * The admissible cells of a grid of {@code cellSize} anchored at the area's south-west corner, shifted by
     * {@code shift} cells in x and y (0.5 puts the centres on the corners of the unshifted grid).
     *
     * @throws UserException when no cell centre is admissible
     */
    public Discretisation discretise(double cellSize, double shift) {
        if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
            throw new UserException("layout.cellSizeInvalid", cellSize);
        }
        double minX = envelope.getMinX() - shift * cellSize;
        double minY = envelope.getMinY() - shift * cellSize;
        double cols = Math.ceil((envelope.getMaxX() - minX) / cellSize - 1e-9);
        double rows = Math.ceil((envelope.getMaxY() - minY) / cellSize - 1e-9);
        if (cols * rows > 50_000_000) {
            throw new UserException("layout.tooManyCells", (long) (cols * rows), 50_000_000);
        }
        GridSpec grid = GridSpec.covering(minX, minY, Math.max(envelope.getMaxX(), minX + cellSize),
                Math.max(envelope.getMaxY(), minY + cellSize), cellSize);
        boolean[] in = new boolean[grid.cellCount()];
        if (area != null) {
            GridMask mask = GridMask.inside(grid, area);
            GridMask out = exclusionLocator == null ? null : GridMask.inside(grid, exclusions);
            for (int r = 0; r < grid.nrows(); r++) {
                for (int c = 0; c < grid.ncols(); c++) {
                    in[grid.index(c, r)] = mask.contains(c, r) && (out == null || !out.contains(c, r));
                }
            }
        } else {
            for (int r = 0; r < grid.nrows(); r++) {
                double y = grid.y(r);
                for (int c = 0; c < grid.ncols(); c++) {
                    in[grid.index(c, r)] = cells.indexAt(grid.x(c), y) >= 0;
                }
            }
        }
        int n = 0;
        for (boolean b : in) {
            if (b) {
                n++;
            }
        }
        if (n == 0) {
            throw new UserException("layout.areaTooSmall", cellSize);
        }
        int[] cell = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] zone = new int[n];
        java.util.Arrays.fill(zone, -1);
        int[] slot = new int[grid.cellCount()];
        for (int i = 0, k = 0; i < in.length; i++) {
            if (in[i]) {
                slot[i] = k;
                cell[k] = i;
                x[k] = grid.x(i % grid.ncols());
                y[k] = grid.y(i / grid.ncols());
                k++;
            }
        }
        for (int z = 0; z < zones.size(); z++) {
            GridMask zm = GridMask.inside(grid, zones.get(z).geometry());
            for (int k = 0; k < n; k++) {
                int i = cell[k];
                if (zone[k] < 0 && zm.contains(i % grid.ncols(), i / grid.ncols())) {
                    zone[k] = z;
                }
            }
        }
        return new Discretisation(grid, cell, x, y, zone);
    }

    /** The admissible cells of a grid of {@code cellSize} anchored at the area's south-west corner. */
    public Discretisation discretise(double cellSize) {
        return discretise(cellSize, 0);
    }

    /**
     * About {@code target} admissible cells (within 10% where the shape allows). An area given by cells returns
     * its own cells when the target is at least their number.
     */
    public Discretisation discretiseTo(int target) {
        return discretiseTo(target, 0);
    }

    /** As {@link #discretiseTo(int)}, the grid shifted by {@code shift} cells. */
    public Discretisation discretiseTo(int target, double shift) {
        if (target < 1) {
            throw new UserException("layout.cellCountInvalid", target);
        }
        if (area == null && target >= cells.size() && shift == 0) {
            return cells;
        }
        double size = Math.sqrt(admissibleArea() / target);
        if (area == null) {
            size = Math.max(size, cells.cellSize());
        }
        Discretisation d = discretise(size, shift);
        for (int attempt = 0; attempt < 4 && Math.abs(d.size() - target) > 0.1 * target; attempt++) {
            size *= Math.sqrt((double) d.size() / target);
            if (area == null && size < cells.cellSize()) {
                size = cells.cellSize();
            }
            d = discretise(size, shift);
        }
        return d;
    }
}
