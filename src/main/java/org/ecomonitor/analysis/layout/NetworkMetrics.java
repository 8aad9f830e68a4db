package org.ecomonitor.analysis.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well a set of points covers a study area, one row of a layout's before/after table. Distances and the
 * criteria are evaluated on the admissible cells of an evaluation grid ({@link Discretisation}), every cell
 * weighing the same. A value that cannot be computed (no points, no variogram) is NaN.
 *
 * @param points              number of points
 * @param mssd                mean squared shortest distance from a cell to its nearest point, m^2
 * @param meanKrigingVariance mean ordinary-kriging variance over the cells (NaN without a variogram)
 * @param maxKrigingVariance  largest ordinary-kriging variance over the cells
 * @param maxGap              largest distance from an admissible location to its nearest point, m (the
 *                            largest empty circle's radius, found on the grid and refined locally)
 * @param gapX                where that location is (easting)
 * @param gapY                its northing
 * @param pointsPerZone       points in each zone of the area, by zone id, in zone order
 */
public record NetworkMetrics(int points, double mssd, double meanKrigingVariance, double maxKrigingVariance,
                             double maxGap, double gapX, double gapY, Map<String, Integer> pointsPerZone) {

    public NetworkMetrics {
        pointsPerZone = pointsPerZone == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(pointsPerZone));
    }
}
