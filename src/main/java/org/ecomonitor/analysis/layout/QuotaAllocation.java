package org.ecomonitor.analysis.layout;

import org.ecomonitor.i18n.UserException;

/**
 * Shares a number of points among zones (counties, strata) in proportion to a weight such as their area, with a
 * minimum per zone so that every zone is covered: each zone first gets the minimum, the rest is shared by the
 * largest-remainder (Hamilton) method on the weights, ties to the earlier zone. O(z log z).
 */
public final class QuotaAllocation {

    private QuotaAllocation() {
    }

    /**
     * @param weights zone weights (areas), at least 0; a zone of weight 0 gets only the minimum
     * @param total   points to share
     * @param minimum points every zone gets at least
     * @throws UserException when the total does not reach the minimum for every zone
     */
    public static int[] proportional(double[] weights, int total, int minimum) {
        int z = weights.length;
        if (total < (long) minimum * z) {
            throw new UserException("layout.quotaBelowMinimum", total, z, minimum);
        }
        int[] quota = new int[z];
        java.util.Arrays.fill(quota, minimum);
        int rest = total - minimum * z;
        double sum = 0;
        for (double w : weights) {
            sum += Math.max(0, w);
        }
        if (rest == 0 || sum == 0) {
            for (int i = 0; rest > 0 && z > 0; i = (i + 1) % z, rest--) {
                quota[i]++;
            }
            return quota;
        }
        double[] remainder = new double[z];
        int given = 0;
        for (int i = 0; i < z; i++) {
            double exact = rest * Math.max(0, weights[i]) / sum;
            int whole = (int) Math.floor(exact);
            quota[i] += whole;
            given += whole;
            remainder[i] = exact - whole;
        }
        Integer[] order = new Integer[z];
        for (int i = 0; i < z; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> remainder[a] != remainder[b]
                ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int i = 0; given < rest; i++, given++) {
            quota[order[i]]++;
        }
        return quota;
    }
}
