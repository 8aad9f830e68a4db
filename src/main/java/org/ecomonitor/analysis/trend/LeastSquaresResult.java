package org.ecomonitor.analysis.trend;

/**
 * An ordinary least-squares line y = intercept + slope·t.
 *
 * @param n         number of pairs
 * @param slope     slope in value units per time unit
 * @param intercept intercept at t = 0
 * @param slopeStdErr standard error of the slope
 * @param p         two-sided p of the t test of slope = 0 (NaN when n &lt; 3)
 * @param rSquare   coefficient of determination
 */
public record LeastSquaresResult(int n, double slope, double intercept, double slopeStdErr, double p,
                                 double rSquare) {
}
