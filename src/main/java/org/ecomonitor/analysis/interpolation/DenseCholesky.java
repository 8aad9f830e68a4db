package org.ecomonitor.analysis.interpolation;

/**
 * Cholesky factorisation {@code A = L L^T} of small dense symmetric positive definite matrices held row-major
 * in primitive arrays, in place, with forward and backward substitution. No allocation. O(m^3 / 6) to factor,
 * O(m^2 / 2) per substitution.
 */
public final class DenseCholesky {

    private DenseCholesky() {
    }

    /**
     * Factors the m x m matrix in {@code a} (row stride m; only the lower triangle is read) into its lower
     * triangle.
     *
     * @param minPivot the smallest acceptable squared pivot; smaller means (numerically) singular
     * @return -1 on success, else the row whose pivot failed
     */
    public static int factor(double[] a, int m, double minPivot) {
        for (int j = 0; j < m; j++) {
            int rj = j * m;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= a[rj + k] * a[rj + k];
            }
            if (!(d > minPivot)) {
                return j;
            }
            double ljj = Math.sqrt(d);
            a[rj + j] = ljj;
            double inv = 1 / ljj;
            for (int i = j + 1; i < m; i++) {
                int ri = i * m;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = s * inv;
            }
        }
        return -1;
    }

    /** Solves {@code L y = b} in place ({@code b} becomes y). */
    static void forward(double[] l, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            int ri = i * m;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[k];
            }
            b[i] = s / l[ri + i];
        }
    }

    /** Solves {@code L^T x = y} in place ({@code b} holds y and becomes x). */
    static void backward(double[] l, int m, double[] b) {
        for (int i = m - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * b[k];
            }
            b[i] = s / l[i * m + i];
        }
    }
}
