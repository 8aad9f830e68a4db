package org.ecomonitor.analysis.trend;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The ordinary least-squares slope of value on time with its t test (Commons Math SimpleRegression). O(n). */
public final class LeastSquaresSlope {

    private LeastSquaresSlope() {
    }

    /** NaN pairs are dropped. */
    public static LeastSquaresResult fit(double[] time, double[] values) {
        TrendInput in = TrendInput.of(time, values);
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < in.n(); i++) {
            r.addData(in.t()[i], in.y()[i]);
        }
        return new LeastSquaresResult(in.n(), r.getSlope(), r.getIntercept(), r.getSlopeStdErr(),
                r.getSignificance(), r.getRSquare());
    }
}
