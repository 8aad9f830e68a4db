package org.ecomonitor.analysis.standards;

/**
 * The equivalent continuous sound level of equal-duration levels: Leq = 10·log10(mean(10^(L/10))), the
 * energy average (GB 3096-2008 Appendix). NaN values are skipped; NaN when none remain. O(n).
 */
public final class EquivalentLevel {

    private EquivalentLevel() {
    }

    public static double of(double... levels) {
        double sum = 0;
        int n = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (double l : levels) {
            if (!Double.isNaN(l)) {
                max = Math.max(max, l);
            }
        }
        for (double l : levels) {
            if (!Double.isNaN(l)) {
                sum += Math.pow(10, (l - max) / 10);  // scaled by the loudest level: no overflow
                n++;
            }
        }
        return n == 0 ? Double.NaN : max + 10 * Math.log10(sum / n);
    }
}
