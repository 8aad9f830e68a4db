package org.ecomonitor.analysis.trend;

/** (time, value) pairs with NaN pairs removed; shared input check of the trend statistics. */
record TrendInput(double[] t, double[] y) {

    static TrendInput of(double[] time, double[] values) {
        if (time.length != values.length) {
            throw new IllegalArgumentException("time and values differ in length: " + time.length + " and "
                    + values.length);
        }
        int m = 0;
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(time[i]) && !Double.isNaN(values[i])) {
                m++;
            }
        }
        if (m == time.length) {
            return new TrendInput(time, values);
        }
        double[] t = new double[m];
        double[] y = new double[m];
        int k = 0;
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(time[i]) && !Double.isNaN(values[i])) {
                t[k] = time[i];
                y[k++] = values[i];
            }
        }
        return new TrendInput(t, y);
    }

    /** 1, 2, ..., n. */
    static double[] index(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i + 1;
        }
        return t;
    }

    int n() {
        return t.length;
    }
}
