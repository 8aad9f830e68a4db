package org.ecomonitor.analysis.trend;

/**
 * Spearman's rank correlation test.
 *
 * @param n   number of pairs
 * @param rho Spearman's rho (Pearson correlation of the mid-ranks)
 * @param s   the statistic S = (n³ − n)(1 − rho)/6
 * @param p   two-sided p of the t approximation (NaN when n &lt; 3 or a sample is constant)
 */
public record SpearmanResult(int n, double rho, double s, double p) {
}
