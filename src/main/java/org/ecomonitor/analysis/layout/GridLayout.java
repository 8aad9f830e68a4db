package org.ecomonitor.analysis.layout;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One point per square of a regular grid laid over the study area:
 * <ul>
 * <li>the regional environmental noise grid of HJ 640-2012: equal squares covering the built-up area, a square
 * more than 50% outside the area or in exclusions (water, inaccessible ground) is invalid, there must be more
 * than 100 valid squares (the cell size, when not given, is the largest round size that gives them), and the
 * measuring point is the square's centre, or the admissible location nearest to it when the centre cannot be
 * measured;</li>
 * <li>the systematic soil grid of HJ/T 166-2004 (系统布点), and its systematic random form (系统随机布点) with the
 * point drawn at random inside each square.</li>
 * </ul>
 * Rows are counted from the north and columns from the west, both from 1, and points are numbered
 * {@code PREFIX-row-column} ("N-03-11"). The grid's north-west corner is the area's. Each square's admissible
 * share is computed exactly by polygon overlay (JTS OverlayNG), O(cells x area vertices).
 */
public final class GridLayout {

    /** Method codes in plans and exports. */
    public static final String HJ640 = "hj640-grid";
    public static final String SYSTEMATIC = "systematic-grid";
    public static final String SYSTEMATIC_RANDOM = "systematic-random";

    /** Round cell sizes (m) tried, largest first, when the size is chosen for a number of valid cells. */
    static final double[] ROUND_SIZES = {10_000, 8000, 6000, 5000, 4000, 3000, 2500, 2000, 1500, 1200, 1000, 900,
        800, 750, 700, 600, 500, 450, 400, 350, 300, 250, 200, 150, 120, 100, 80, 75, 60, 50, 40, 30, 25, 20, 15,
        10, 5, 2, 1};

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** Where in its square a point goes. */
    public enum Placement {
        /** The centre, or the admissible location nearest to it. */
        CENTRE,
        /** A uniformly random admissible location in the square. */
        RANDOM
    }

    /**
     * @param method              method code (HJ640, SYSTEMATIC or SYSTEMATIC_RANDOM)
     * @param cellSize            edge of the squares (m); NaN to choose the largest round size giving
     *                            {@code minValidCells}
     * @param maxExcludedFraction a square with a larger excluded share is invalid (0.5 for HJ 640)
     * @param minValidCells       valid squares wanted when the size is chosen (101: "more than 100")
     * @param placement           centre or random
     * @param seed                random seed (random placement)
     * @param idPrefix            prefix of the point ids
     * @param evaluationCells     cells of the grid of the before/after figures
     */
    public record Options(String method, double cellSize, double maxExcludedFraction, int minValidCells,
                          Placement placement, long seed, String idPrefix, int evaluationCells) {

        public Options {
            if (!Double.isNaN(cellSize) && !(cellSize > 0 && Double.isFinite(cellSize))) {
                throw new UserException("layout.cellSizeInvalid", cellSize);
            }
            if (!(maxExcludedFraction >= 0 && maxExcludedFraction < 1)) {
                throw new UserException("layout.excludedFractionInvalid", maxExcludedFraction);
            }
            if (minValidCells < 1) {
                throw new UserException("layout.pointCountInvalid", minValidCells);
            }
            placement = placement == null ? Placement.CENTRE : placement;
            idPrefix = idPrefix == null ? "" : idPrefix;
        }

        /** HJ 640-2012: size chosen for more than 100 valid squares, at most half excluded, centres. */
        public static Options hj640() {
            return new Options(HJ640, Double.NaN, 0.5, 101, Placement.CENTRE, 1, "N", 50_000);
        }

        /** HJ/T 166 systematic grid of squares of the given size (centres). */
        public static Options systematic(double cellSize) {
            return new Options(SYSTEMATIC, cellSize, 0.5, 1, Placement.CENTRE, 1, "S", 50_000);
        }

        public Options withCellSize(double c) {
            return new Options(method, c, maxExcludedFraction, minValidCells, placement, seed, idPrefix,
                    evaluationCells);
        }

        /** Random placement turns a systematic grid into a systematic random one. */
        public Options withPlacement(Placement p) {
            String m = method.equals(SYSTEMATIC) && p == Placement.RANDOM ? SYSTEMATIC_RANDOM
                    : method.equals(SYSTEMATIC_RANDOM) && p == Placement.CENTRE ? SYSTEMATIC : method;
            return new Options(m, cellSize, maxExcludedFraction, minValidCells, p, seed, idPrefix, evaluationCells);
        }

        public Options withSeed(long s) {
            return new Options(method, cellSize, maxExcludedFraction, minValidCells, placement, s, idPrefix,
                    evaluationCells);
        }

        public Options withPrefix(String p) {
            return new Options(method, cellSize, maxExcludedFraction, minValidCells, placement, seed, p,
                    evaluationCells);
        }

        public Options withMaxExcludedFraction(double f) {
            return new Options(method, cellSize, f, minValidCells, placement, seed, idPrefix, evaluationCells);
        }

        public Options withMinValidCells(int n) {
            return new Options(method, cellSize, maxExcludedFraction, n, placement, seed, idPrefix, evaluationCells);
        }

        public Options withEvaluationCells(int c) {
            return new Options(method, cellSize, maxExcludedFraction, minValidCells, placement, seed, idPrefix, c);
        }
    }

    private GridLayout() {
    }

    /**
     * The grid and its points.
     *
     * @param existing points that exist already; they are listed and counted in the before/after table but do
     *                 not change the grid
     * @throws UserException when the area is given by cells, or no size gives the wanted number of valid squares
     */
    public static LayoutPlan plan(StudyArea area, List<Site> existing, Options options, Progress progress) {
        if (!area.hasPolygons()) {
            throw new UserException("layout.gridNeedsPolygons");
        }
        progress.start("grid", -1);
        double size = options.cellSize();
        List<GridCell> raw;
        if (Double.isNaN(size)) {
            raw = null;
            double guess = Math.sqrt(area.admissibleArea() / options.minValidCells());
            for (double candidate : ROUND_SIZES) {
                if (candidate > 1.5 * guess) {
                    continue;
                }
                progress.checkCancelled();
                List<GridCell> cells = squares(area, candidate, options.maxExcludedFraction());
                if (cells.stream().filter(GridCell::valid).count() >= options.minValidCells()) {
                    size = candidate;
                    raw = cells;
                    break;
                }
            }
            if (raw == null) {
                throw new UserException("layout.gridTooFewCells", options.minValidCells());
            }
        } else {
            raw = squares(area, size, options.maxExcludedFraction());
        }
        long valid = raw.stream().filter(GridCell::valid).count();
        if (valid == 0) {
            throw new UserException("layout.gridNoValidCell", size);
        }
        int rows = raw.stream().mapToInt(GridCell::row).max().orElse(1);
        int cols = raw.stream().mapToInt(GridCell::column).max().orElse(1);
        int width = Math.max(2, Integer.toString(Math.max(rows, cols)).length());
        String format = "%s%0" + width + "d-%0" + width + "d";
        SplittableRandom random = new SplittableRandom(options.seed());
        Geometry admissible = area.admissibleGeometry();
        List<GridCell> cells = new ArrayList<>();
        List<PlanAssembler.Entry> entries = new ArrayList<>(PlanAssembler.existing(existing));
        int moved = 0;
        for (GridCell c : raw) {
            if (!c.valid()) {
                cells.add(c);
                continue;
            }
            progress.checkCancelled();
            String prefix = options.idPrefix().isEmpty() ? "" : options.idPrefix() + "-";
            String id = String.format(Locale.ROOT, format, prefix, c.row(), c.column());
            Coordinate centre = c.square().getCentroid().getCoordinate();
            Coordinate at = options.placement() == Placement.RANDOM
                    ? randomIn(area, admissible, c.square(), random) : nearestToCentre(area, admissible, c.square());
            double shift = at.distance(centre);
            if (options.placement() == Placement.CENTRE && shift > 0) {
                moved++;
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("row", (long) c.row());
            attrs.put("col", (long) c.column());
            attrs.put("cell_fraction", round(c.admissibleFraction(), 4));
            attrs.put("moved_m", round(shift, 2));
            String label = String.format(Locale.ROOT, "%0" + width + "d-%0" + width + "d", c.row(), c.column());
            entries.add(new PlanAssembler.Entry(Site.of(id, at.x, at.y), PointStatus.NEW, label, attrs));
            cells.add(new GridCell(c.row(), c.column(), c.square(), c.admissibleFraction(), true, id));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cell_size_m", size);
        params.put("cell_size_chosen", Double.isNaN(options.cellSize()));
        params.put("max_excluded_fraction", options.maxExcludedFraction());
        params.put("valid_cells", valid);
        params.put("invalid_cells", raw.size() - valid);
        params.put("rows", rows);
        params.put("columns", cols);
        params.put("placement", options.placement().name().toLowerCase(Locale.ROOT));
        if (options.placement() == Placement.RANDOM) {
            params.put("seed", options.seed());
        }
        params.put("moved_off_centre", moved);
        List<LayoutNotice> notices = new ArrayList<>();
        if (raw.size() > valid) {
            notices.add(LayoutNotice.of("layout.gridInvalidCells", raw.size() - valid, size,
                    (int) Math.round(100 * options.maxExcludedFraction())));
        }
        if (moved > 0) {
            notices.add(LayoutNotice.of("layout.gridPointsMoved", moved));
        }
        if (options.method().equals(HJ640) && valid <= 100) {
            notices.add(LayoutNotice.of("layout.gridFewerThanHj640", valid));
        }
        Discretisation eval = area.discretiseTo(options.evaluationCells());
        return PlanAssembler.assemble(options.method(), params, area, entries, null, eval, cells, notices, progress);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /**
     * The squares of a grid of {@code size} anchored at the area's north-west corner that touch the admissible
     * area, with their admissible share and validity (points not yet placed).
     */
    public static List<GridCell> squares(StudyArea area, double size, double maxExcludedFraction) {
        Envelope env = area.envelope();
        int cols = Math.max(1, (int) Math.ceil(env.getWidth() / size - 1e-9));
        int rows = Math.max(1, (int) Math.ceil(env.getHeight() / size - 1e-9));
        if ((long) cols * rows > 1_000_000) {
            throw new UserException("layout.tooManyCells", (long) cols * rows, 1_000_000);
        }
        Geometry admissible = area.admissibleGeometry();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(admissible);
        double cellArea = size * size;
        List<GridCell> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double top = env.getMaxY() - r * size;
            for (int c = 0; c < cols; c++) {
                double left = env.getMinX() + c * size;
                Polygon square = (Polygon) GEOMETRY.toGeometry(new Envelope(left, left + size, top - size, top));
                if (!prepared.intersects(square)) {
                    continue;
                }
                double fraction;
                if (prepared.containsProperly(square)) {
                    fraction = 1;
                } else {
                    fraction = OverlayNGRobust.overlay(square, admissible, OverlayNG.INTERSECTION).getArea() / cellArea;
                }
                if (fraction <= 0) {
                    continue;
                }
                fraction = Math.min(1, fraction);
                boolean valid = 1 - fraction <= maxExcludedFraction + 1e-12;
                cells.add(new GridCell(r + 1, c + 1, square, fraction, valid, null));
            }
        }
        return cells;
    }

    /** The centre when admissible, else the admissible location of the square nearest to it (a metre inside). */
    static Coordinate nearestToCentre(StudyArea area, Geometry admissible, Polygon square) {
        Coordinate centre = square.getCentroid().getCoordinate();
        if (area.isAdmissible(centre.x, centre.y)) {
            return centre;
        }
        Geometry part = OverlayNGRobust.overlay(square, admissible, OverlayNG.INTERSECTION);
        double size = square.getEnvelopeInternal().getWidth();
        Geometry inner = part.buffer(-Math.min(1, size / 100));
        Point c = GEOMETRY.createPoint(centre);
        for (Geometry target : new Geometry[]{inner, part}) {
            if (target.isEmpty()) {
                continue;
            }
            Coordinate near = DistanceOp.nearestPoints(target, c)[0];
            if (area.isAdmissible(near.x, near.y)) {
                return new Coordinate(near.x, near.y);
            }
        }
        Coordinate inside = part.getInteriorPoint().getCoordinate();
        return new Coordinate(inside.x, inside.y);
    }

    /** A uniformly random admissible location in the square (rejection sampling). */
    static Coordinate randomIn(StudyArea area, Geometry admissible, Polygon square, SplittableRandom random) {
        Envelope e = square.getEnvelopeInternal();
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = e.getMinX() + random.nextDouble() * e.getWidth();
            double y = e.getMinY() + random.nextDouble() * e.getHeight();
            if (area.isAdmissible(x, y)) {
                return new Coordinate(x, y);
            }
        }
        return nearestToCentre(area, admissible, square);
    }
}
