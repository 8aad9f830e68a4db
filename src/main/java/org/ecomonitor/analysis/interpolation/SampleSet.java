package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * The points an interpolation runs on, checked and prepared: every coordinate and value finite, values positive
 * where the transform needs it, points closer than the duplicate tolerance merged into one (their mean location
 * and their mean value, energetic for {@link ValueTransform#ENERGETIC}, with a warning naming them), and values
 * transformed. Immutable. Preparing costs O(n log n).
 */
public final class SampleSet {

    /** Points closer than this (metres) count as one location unless told otherwise. */
    public static final double DEFAULT_DUPLICATE_TOLERANCE = 0.001;

    private final String[] ids;
    final double[] x;
    final double[] y;
    /** Values on the interpolation scale ({@link ValueTransform#forward}). */
    final double[] z;
    private final double[] original;
    private final ValueTransform transform;
    private final List<InterpolationWarning> warnings;

    private SampleSet(String[] ids, double[] x, double[] y, double[] original, ValueTransform transform,
                      List<InterpolationWarning> warnings) {
        this.ids = ids;
        this.x = x;
        this.y = y;
        this.original = original;
        this.transform = transform;
        this.z = new double[original.length];
        for (int i = 0; i < original.length; i++) {
            z[i] = transform.forward(original[i]);
        }
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /** Prepares samples without transform and with the default duplicate tolerance. */
    public static SampleSet of(List<Sample> samples) {
        return of(samples, ValueTransform.NONE, DEFAULT_DUPLICATE_TOLERANCE);
    }

    public static SampleSet of(List<Sample> samples, ValueTransform transform) {
        return of(samples, transform, DEFAULT_DUPLICATE_TOLERANCE);
    }

    /**
     * Checks and prepares samples.
     *
     * @throws UserException when there are no samples, a coordinate or value is not finite, or a value is not
     *                       positive while the transform needs positive values; the message names the point
     */
    public static SampleSet of(List<Sample> samples, ValueTransform transform, double duplicateTolerance) {
        if (samples.isEmpty()) {
            throw new UserException("interpolation.noPoints");
        }
        int n = samples.size();
        for (Sample s : samples) {
            if (!Double.isFinite(s.x()) || !Double.isFinite(s.y())) {
                throw new UserException("interpolation.pointCoordinateInvalid", s.id(), s.x(), s.y());
            }
            if (!Double.isFinite(s.value())) {
                throw new UserException("interpolation.pointValueNaN", s.id(), s.x(), s.y(), s.value());
            }
            if (transform.needsPositiveValues() && !(s.value() > 0)) {
                throw new UserException("interpolation.pointValueNotPositive", s.id(), s.x(), s.y(), s.value(),
                        transform.name());
            }
        }
        int[] group = duplicateGroups(samples, Math.max(0, duplicateTolerance));
        // members of each group, in input order
        int[] order = new int[n];
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> group[a] != group[b] ? Integer.compare(group[a], group[b]) : Integer.compare(a, b));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        List<String> ids = new ArrayList<>();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] vs = new double[n];
        double[] buffer = new double[n];
        List<InterpolationWarning> warnings = new ArrayList<>();
        int m = 0;
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && group[order[end]] == group[order[start]]) {
                end++;
            }
            double sx = 0;
            double sy = 0;
            StringJoiner names = new StringJoiner(", ");
            for (int k = start; k < end; k++) {
                Sample s = samples.get(order[k]);
                sx += s.x();
                sy += s.y();
                buffer[k - start] = s.value();
                names.add(s.id());
            }
            int count = end - start;
            Sample first = samples.get(order[start]);
            ids.add(first.id());
            xs[m] = sx / count;
            ys[m] = sy / count;
            vs[m] = transform.average(buffer, 0, count);
            if (count > 1) {
                warnings.add(InterpolationWarning.of(transform == ValueTransform.ENERGETIC
                                ? "interpolation.duplicatesAveragedEnergetic" : "interpolation.duplicatesAveraged",
                        count, xs[m], ys[m], names.toString(), vs[m]));
            }
            m++;
            start = end;
        }
        return new SampleSet(ids.toArray(String[]::new), Arrays.copyOf(xs, m), Arrays.copyOf(ys, m),
                Arrays.copyOf(vs, m), transform, warnings);
    }

    /** Group number per sample: samples within {@code tolerance} of each other (transitively) share one. */
    private static int[] duplicateGroups(List<Sample> samples, double tolerance) {
        int n = samples.size();
        Integer[] byX = new Integer[n];
        for (int i = 0; i < n; i++) {
            byX[i] = i;
        }
        Arrays.sort(byX, (a, b) -> Double.compare(samples.get(a).x(), samples.get(b).x()));
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double tol2 = tolerance * tolerance;
        for (int a = 0; a < n; a++) {
            Sample p = samples.get(byX[a]);
            for (int b = a + 1; b < n; b++) {
                Sample q = samples.get(byX[b]);
                if (q.x() - p.x() > tolerance) {
                    break;
                }
                double dx = q.x() - p.x();
                double dy = q.y() - p.y();
                if (dx * dx + dy * dy <= tol2) {
                    union(parent, byX[a], byX[b]);
                }
            }
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = find(parent, i);
        }
        return group;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Number of distinct locations. */
    public int size() {
        return x.length;
    }

    /** Name of point {@code i} (the first of merged duplicates). */
    public String id(int i) {
        return ids[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** Value of point {@code i} on the interpolation scale. */
    public double value(int i) {
        return z[i];
    }

    /** Value of point {@code i} in its own unit (duplicates averaged). */
    public double originalValue(int i) {
        return original[i];
    }

    public ValueTransform transform() {
        return transform;
    }

    /** Warnings about the input, such as averaged duplicates. */
    public List<InterpolationWarning> warnings() {
        return warnings;
    }

    /** A copy of the values on the interpolation scale. */
    public double[] values() {
        return z.clone();
    }

    /** Sample variance of the values on the interpolation scale (n - 1 denominator; 0 for one point). */
    public double variance() {
        int n = z.length;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : z) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : z) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (n - 1);
    }

    /** True when all values on the interpolation scale are equal. */
    public boolean isConstant() {
        for (double v : z) {
            if (v != z[0]) {
                return false;
            }
        }
        return true;
    }

    /** Length of the diagonal of the points' bounding box. */
    public double boundingBoxDiagonal() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        return Math.hypot(maxX - minX, maxY - minY);
    }
}
