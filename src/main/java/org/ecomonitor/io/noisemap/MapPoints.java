package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.interpolation.InterpolationWarning;
import org.ecomonitor.analysis.interpolation.Sample;
import org.ecomonitor.analysis.interpolation.SampleSet;
import org.ecomonitor.analysis.interpolation.ValueTransform;
import org.ecomonitor.analysis.standards.NoisePeriod;

import java.util.ArrayList;
import java.util.List;

/**
 * The points a map is made from, in the working CRS, with what is known about their values.
 *
 * @param points      the points
 * @param crs         EPSG code of the working CRS (a projected system in metres), 0 when unknown
 * @param sourceCrs   EPSG code of the coordinates the points came in (4490 for stations), 0 when unknown
 * @param parameter   the parameter's code ("leq"), or the table's value column
 * @param unit        the unit ("dB(A)"), or "" when unknown
 * @param soundLevels true when the values are sound levels in dB (averaged energetically, noise-map colours)
 * @param period      the noise period the values belong to, or null (no HJ 640 grade, no GB 3096 shares)
 * @param survey      the noise survey ("regional", "road_traffic"), or null
 * @param warnings    what the user should know about the selection (stations without readings ...)
 */
public record MapPoints(List<MapPoint> points, int crs, int sourceCrs, String parameter, String unit, boolean soundLevels,
                        NoisePeriod period, String survey, List<InterpolationWarning> warnings) {

    public MapPoints {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
        unit = unit == null ? "" : unit;
    }

    /** The points as the engine takes them, on the given scale. */
    public SampleSet samples(ValueTransform transform) {
        List<Sample> list = new ArrayList<>(points.size());
        for (MapPoint p : points) {
            list.add(new Sample(p.id(), p.x(), p.y(), p.value()));
        }
        return SampleSet.of(list, transform);
    }

    /** The points' values in their order. */
    public double[] values() {
        double[] v = new double[points.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = points.get(i).value();
        }
        return v;
    }

    /** {minX, minY, maxX, maxY} of the points. */
    public double[] extent() {
        double[] e = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (MapPoint p : points) {
            e[0] = Math.min(e[0], p.x());
            e[1] = Math.min(e[1], p.y());
            e[2] = Math.max(e[2], p.x());
            e[3] = Math.max(e[3], p.y());
        }
        return e;
    }

    public int size() {
        return points.size();
    }
}
