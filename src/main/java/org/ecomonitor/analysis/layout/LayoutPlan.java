package org.ecomonitor.analysis.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a layout method: its points (existing and new), what was run, and the before/after table.
 *
 * @param method     the method's code: hj640-grid, systematic-grid, stratified-random, stratified-coverage,
 *                   spatial-coverage, kriging-variance, network-reduction
 * @param parameters the method's parameters and figures of the run, in a stable order (String, Number, Boolean)
 * @param planeEpsg  the working plane of x and y
 * @param points     existing points first (in their input order), then new ones in the method's numbering
 * @param before     the existing (fixed) points alone
 * @param after      the network after the layout
 * @param cells      the grid cells of a grid method (valid and invalid), otherwise empty
 * @param notices    things the user should know
 */
public record LayoutPlan(String method, Map<String, Object> parameters, int planeEpsg, List<PlannedPoint> points,
                         NetworkMetrics before, NetworkMetrics after, List<GridCell> cells,
                         List<LayoutNotice> notices) {

    public LayoutPlan {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        points = List.copyOf(points);
        cells = cells == null ? List.of() : List.copyOf(cells);
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** The points the layout adds. */
    public List<PlannedPoint> added() {
        return points.stream().filter(p -> p.status() == PointStatus.NEW).toList();
    }

    /** The parameters as one line, "name=value; name=value" (numbers to 7 significant digits), for exports. */
    public String parametersText() {
        StringBuilder b = new StringBuilder("method=").append(method);
        parameters.forEach((k, v) -> b.append("; ").append(k).append('=').append(text(v)));
        return b.toString();
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return String.valueOf(d);
            }
            return new java.math.BigDecimal(d).round(new java.math.MathContext(7)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(v);
    }
}
