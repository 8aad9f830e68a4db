package org.ecomonitor.analysis.layout;

import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a network against the area it should cover: points per zone against a rule (the monitoring plan asks for
 * at least two automatic air stations in every county town), the largest gap (the farthest an admissible
 * location is from its nearest point), the mean squared shortest distance and, with a variogram, the kriging
 * variance; and a raster of the distance from every cell to its nearest point, for the map.
 */
public final class CoverageCheck {

    /**
     * @param minPerZone      points every zone must have (0: no rule)
     * @param model           a variogram for the kriging variance, or null
     * @param evaluationCells cells of the evaluation grid
     * @param rasterCellSize  cell size of the distance raster (m); NaN for the evaluation grid's
     */
    public record Options(int minPerZone, VariogramModel model, int evaluationCells, double rasterCellSize) {
        public Options {
            if (minPerZone < 0) {
                throw new UserException("layout.pointCountInvalid", minPerZone);
            }
            if (evaluationCells < 1) {
                throw new UserException("layout.cellCountInvalid", evaluationCells);
            }
        }

        /** At least {@code minPerZone} points per zone, no variogram, 50,000 cells. */
        public static Options of(int minPerZone) {
            return new Options(minPerZone, null, 50_000, Double.NaN);
        }

        public Options withModel(VariogramModel m) {
            return new Options(minPerZone, m, evaluationCells, rasterCellSize);
        }

        public Options withEvaluationCells(int c) {
            return new Options(minPerZone, model, c, rasterCellSize);
        }

        public Options withRasterCellSize(double s) {
            return new Options(minPerZone, model, evaluationCells, s);
        }
    }

    /**
     * A zone's count against the rule.
     *
     * @param zoneId    its id (adcode)
     * @param zoneName  its name
     * @param count     points in it
     * @param required  points the rule asks for
     * @param satisfied count >= required
     * @param pointIds  the points counted
     */
    public record ZoneCount(String zoneId, String zoneName, int count, int required, boolean satisfied,
                            List<String> pointIds) {
        public ZoneCount {
            pointIds = List.copyOf(pointIds);
        }
    }

    /**
     * Distance to the nearest point at every cell centre of a grid (metres), NaN outside the admissible area.
     *
     * @param grid     the raster's grid
     * @param distance by linear cell index ({@link GridSpec#index})
     * @param max      the largest distance on the raster
     */
    public record DistanceRaster(GridSpec grid, double[] distance, double max) {
    }

    /**
     * The outcome of a check.
     *
     * @param zones       every zone with its count, in zone order
     * @param outside     points in no zone
     * @param metrics     coverage figures of the network
     * @param raster      the distance raster
     */
    public record Report(List<ZoneCount> zones, List<String> outside, NetworkMetrics metrics, DistanceRaster raster) {
        public Report {
            zones = List.copyOf(zones);
            outside = List.copyOf(outside);
        }

        /** True when every zone meets the rule. */
        public boolean satisfied() {
            return zones.stream().allMatch(ZoneCount::satisfied);
        }

        /** The zones that miss the rule. */
        public List<ZoneCount> failing() {
            return zones.stream().filter(z -> !z.satisfied()).toList();
        }
    }

    private CoverageCheck() {
    }

    /** Checks the points. */
    public static Report check(StudyArea area, List<Site> points, Options options, Progress progress) {
        if (points.isEmpty()) {
            throw new UserException("layout.noPointsToCheck");
        }
        List<List<String>> members = new ArrayList<>();
        for (int i = 0; i < area.zones().size(); i++) {
            members.add(new ArrayList<>());
        }
        List<String> outside = new ArrayList<>();
        for (Site s : points) {
            int z = area.zoneOf(s);
            if (z >= 0) {
                members.get(z).add(s.id());
            } else {
                outside.add(s.id());
            }
        }
        List<ZoneCount> zones = new ArrayList<>();
        for (int i = 0; i < area.zones().size(); i++) {
            Zone z = area.zones().get(i);
            int count = members.get(i).size();
            zones.add(new ZoneCount(z.id(), z.name(), count, options.minPerZone(), count >= options.minPerZone(),
                    members.get(i)));
        }
        Discretisation eval = area.discretiseTo(options.evaluationCells());
        NetworkMetrics metrics = NetworkEvaluation.of(area, eval, points, options.model(), progress);
        DistanceRaster raster = Double.isNaN(options.rasterCellSize())
                ? raster(eval, points, progress)
                : distanceRaster(area, points, options.rasterCellSize(), progress);
        return new Report(zones, outside, metrics, raster);
    }

    /** The distance raster of a grid of the given cell size over the area. */
    public static DistanceRaster distanceRaster(StudyArea area, List<Site> points, double cellSize,
                                                Progress progress) {
        return raster(area.discretise(cellSize), points, progress);
    }

    private static DistanceRaster raster(Discretisation d, List<Site> points, Progress progress) {
        double[] px = points.stream().mapToDouble(Site::x).toArray();
        double[] py = points.stream().mapToDouble(Site::y).toArray();
        double[] d2 = NetworkEvaluation.nearestSquaredDistances(d.x, d.y, px, py, progress);
        double[] values = new double[d.grid.cellCount()];
        Arrays.fill(values, Double.NaN);
        double max = 0;
        for (int i = 0; i < d2.length; i++) {
            double v = Math.sqrt(d2[i]);
            values[d.cell[i]] = v;
            max = Math.max(max, v);
        }
        return new DistanceRaster(d.grid, values, max);
    }
}
