/**
 * Monitoring point layouts (issue 5): where to put soil and noise points, how to densify or thin a network, and
 * how well a network covers its area. No JavaFX, no store: inputs are a {@link org.ecomonitor.analysis.layout.StudyArea}
 * (area polygons less exclusions, with zones such as counties or land-use strata, in a projected plane) and
 * {@link org.ecomonitor.analysis.layout.Site}s (existing points); every method returns a
 * {@link org.ecomonitor.analysis.layout.LayoutPlan} (points with ids, plane and longitude/latitude coordinates,
 * the method's parameters, a before/after {@link org.ecomonitor.analysis.layout.NetworkMetrics} table), reports
 * progress and honours cancellation through {@link org.ecomonitor.model.Progress}, and is deterministic for a seed.
 * <p>
 * The methods, one class each:
 * <ul>
 * <li>{@link org.ecomonitor.analysis.layout.GridLayout}: the HJ 640-2012 regional-noise grid and the HJ/T 166
 * systematic (random) soil grid;</li>
 * <li>{@link org.ecomonitor.analysis.layout.StratifiedLayout} with {@link org.ecomonitor.analysis.layout.QuotaAllocation}:
 * stratified random soil sampling by land use, county quotas covering every county;</li>
 * <li>{@link org.ecomonitor.analysis.layout.SpatialCoverageDesign}: k-means spatial coverage (spcosa), minimising
 * the mean squared shortest distance;</li>
 * <li>{@link org.ecomonitor.analysis.layout.KrigingVarianceDesign}: densification minimising the mean or largest
 * ordinary-kriging variance (greedy, then spatial simulated annealing), with
 * {@link org.ecomonitor.analysis.layout.KrigingVariance} as the fast variance evaluator;</li>
 * <li>{@link org.ecomonitor.analysis.layout.NetworkReduction}: which existing points are redundant;</li>
 * <li>{@link org.ecomonitor.analysis.layout.CoverageCheck}: points per zone against a rule, largest gap, distance
 * raster.</li>
 * </ul>
 * Reading inputs from files and the store, exporting and saving plans live in {@code org.ecomonitor.io}
 * ({@code LayoutInputs}, {@code PlannedPointsExport}, {@code PlannedPointsLayer}, {@code DistanceRasterExport}).
 */
package org.ecomonitor.analysis.layout;
