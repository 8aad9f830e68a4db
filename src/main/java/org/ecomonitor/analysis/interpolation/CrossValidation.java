package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

/**
 * Leave-one-out cross-validation by re-estimating at each point without it, through the interpolator's own
 * neighbourhood. O(n) estimates; interpolators with a closed form override
 * {@link SpatialInterpolator#crossValidate}.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** @throws UserException with fewer than 2 points */
    public static CrossValidationResult leaveOneOut(SpatialInterpolator interpolator, Progress progress) {
        SampleSet samples = interpolator.samples();
        int n = samples.size();
        if (n < 2) {
            throw new UserException("interpolation.tooFewPointsCrossValidation", n, 2);
        }
        progress.start("cross-validation", n);
        SpatialInterpolator.Estimator estimator = interpolator.newEstimator();
        double[] predicted = new double[n];
        double[] variance = new double[n];
        double[] out = new double[2];
        for (int i = 0; i < n; i++) {
            if ((i & 15) == 0) {
                progress.checkCancelled();
                progress.update(i);
            }
            estimator.estimate(samples.x(i), samples.y(i), i, out);
            predicted[i] = out[0];
            variance[i] = out[1];
        }
        progress.update(n);
        return CrossValidationResult.of(samples, predicted, interpolator.hasVariance() ? variance : null);
    }
}
