package org.ecomonitor.analysis.trend;

/**
 * Sen's slope: the median of the pairwise slopes, with a confidence interval.
 *
 * @param slope      median of (y_j − y_i)/(t_j − t_i) over pairs with t_i ≠ t_j, in value units per time unit
 * @param lower      lower confidence bound of the slope (NaN when Var(S) is 0)
 * @param upper      upper confidence bound
 * @param intercept  median of y − slope·t (Conover), so that y = intercept + slope·t draws the line
 * @param pairs      number of slopes
 * @param confidence confidence level of the interval, for example 0.95
 */
public record SenSlopeResult(double slope, double lower, double upper, double intercept, long pairs,
                             double confidence) {

}
