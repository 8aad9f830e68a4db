package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.Progress;

/**
 * A method that estimates a value at any location from a {@link SampleSet}, on the set's interpolation scale.
 * Implementations are immutable and thread-safe; each thread estimates through its own {@link Estimator},
 * which holds the buffers (and caches) of one thread.
 */
public interface SpatialInterpolator {

    /** The points it interpolates. */
    SampleSet samples();

    /** True when estimates come with a variance (kriging). */
    boolean hasVariance();

    /** A short technical description, such as {@code OK 0.05 Nug + 0.59 Sph(897) nmax=16}. */
    String description();

    /** A new estimator for one thread. */
    Estimator newEstimator();

    /** Leave-one-out cross-validation at every point (gstat's {@code krige.cv} with nfold = n). */
    default CrossValidationResult crossValidate(Progress progress) {
        return CrossValidation.leaveOneOut(this, progress);
    }

    /** Estimates for one thread; not thread-safe. */
    interface Estimator {

        /**
         * Estimates at {@code (x, y)} without the point {@code exclude} (-1 for none): the prediction goes to
         * {@code out[0]}, the variance to {@code out[1]} (NaN without variance); both NaN when no point is in the
         * neighbourhood.
         */
        void estimate(double x, double y, int exclude, double[] out);

        /**
         * Estimates the cell centres of one grid row into {@code values} and {@code variances} (which may be
         * null) at the row's linear indices; cells outside the mask (null: none) become NaN.
         */
        default void estimateRow(GridSpec grid, int row, boolean[] mask, double[] values, double[] variances) {
            double[] out = new double[2];
            double y = grid.y(row);
            int base = row * grid.ncols();
            for (int col = 0; col < grid.ncols(); col++) {
                int i = base + col;
                if (mask != null && !mask[i]) {
                    values[i] = Double.NaN;
                    if (variances != null) {
                        variances[i] = Double.NaN;
                    }
                    continue;
                }
                estimate(grid.x(col), y, -1, out);
                values[i] = out[0];
                if (variances != null) {
                    variances[i] = out[1];
                }
            }
        }
    }
}
