package org.ecomonitor.analysis.interpolation;

/**
 * The outcome of leave-one-out cross-validation, per point and summarised as gstat's {@code krige.cv} reports
 * it. Observed and predicted values are in the points' own unit (predictions turned back from the interpolation
 * scale); variances and z-scores are on the interpolation scale, {@code zscore = (z - z_hat) / sqrt(var)}.
 * Points that got no estimate (no neighbour within the radius) hold NaN and are left out of the summaries.
 */
public final class CrossValidationResult {

    private final double[] observed;
    private final double[] predicted;
    private final double[] variance;
    private final double[] zscore;

    private CrossValidationResult(double[] observed, double[] predicted, double[] variance, double[] zscore) {
        this.observed = observed;
        this.predicted = predicted;
        this.variance = variance;
        this.zscore = zscore;
    }

    /**
     * @param predicted leave-one-out predictions on the interpolation scale
     * @param variance  their variances (NaN without variance), or null
     */
    static CrossValidationResult of(SampleSet samples, double[] predicted, double[] variance) {
        int n = samples.size();
        double[] obs = new double[n];
        double[] pred = new double[n];
        double[] var = new double[n];
        double[] z = new double[n];
        ValueTransform t = samples.transform();
        for (int i = 0; i < n; i++) {
            obs[i] = samples.originalValue(i);
            pred[i] = t.inverse(predicted[i]);
            var[i] = variance == null ? Double.NaN : variance[i];
            z[i] = (samples.value(i) - predicted[i]) / Math.sqrt(var[i]);
        }
        return new CrossValidationResult(obs, pred, var, z);
    }

    public int size() {
        return observed.length;
    }

    public double observed(int i) {
        return observed[i];
    }

    public double predicted(int i) {
        return predicted[i];
    }

    /** Kriging variance of the leave-one-out prediction, NaN for methods without variance. */
    public double variance(int i) {
        return variance[i];
    }

    /** Observed minus predicted. */
    public double residual(int i) {
        return observed[i] - predicted[i];
    }

    public double zscore(int i) {
        return zscore[i];
    }

    /** Number of points with a prediction. */
    public int validCount() {
        int c = 0;
        for (int i = 0; i < size(); i++) {
            if (Double.isFinite(residual(i))) {
                c++;
            }
        }
        return c;
    }

    /** Mean of the residuals (bias; 0 is ideal). */
    public double meanError() {
        return mean(0);
    }

    /** Mean absolute residual. */
    public double meanAbsoluteError() {
        return mean(1);
    }

    /** Root mean squared residual. */
    public double rmse() {
        return Math.sqrt(mean(2));
    }

    /** Mean squared deviation ratio, the mean of zscore^2 (1 is ideal); NaN without variances. */
    public double meanSquaredDeviationRatio() {
        double sum = 0;
        int c = 0;
        for (double z : zscore) {
            if (Double.isFinite(z)) {
                sum += z * z;
                c++;
            }
        }
        return c == 0 ? Double.NaN : sum / c;
    }

    private double mean(int power) {
        double sum = 0;
        int c = 0;
        for (int i = 0; i < size(); i++) {
            double r = residual(i);
            if (Double.isFinite(r)) {
                sum += power == 0 ? r : power == 1 ? Math.abs(r) : r * r;
                c++;
            }
        }
        return c == 0 ? Double.NaN : sum / c;
    }
}
