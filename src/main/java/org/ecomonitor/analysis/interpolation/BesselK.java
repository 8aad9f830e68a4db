package org.ecomonitor.analysis.interpolation;

import org.apache.commons.math3.special.Gamma;

/**
 * The modified Bessel function of the second kind {@code K_nu(x)} for real order {@code nu >= 0} and
 * {@code x > 0}, which Commons Math lacks. Half-integer orders 1/2, 3/2, 5/2 use their closed forms; other
 * orders use Temme's series for {@code x < 2} and Steed's continued fraction for {@code x >= 2} at the order
 * {@code mu = nu - round(nu)}, followed by upward recurrence (Temme 1975; the scheme of Numerical Recipes'
 * {@code bessik}). Relative accuracy about 1e-14; cost O(1 + x^-1 + nu) terms, no allocation.
 */
public final class BesselK {

    private static final double EPS = 1e-16;
    private static final double EULER = 0.5772156649015329;
    private static final int MAX_ITERATIONS = 100_000;

    private BesselK() {
    }

    /** {@code K_nu(x)}; +Infinity at x = 0, NaN for x < 0 or nu not finite. */
    public static double value(double nu, double x) {
        nu = Math.abs(nu);
        if (Double.isNaN(x) || x < 0 || !Double.isFinite(nu)) {
            return Double.NaN;
        }
        if (x == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (nu == 0.5 || nu == 1.5 || nu == 2.5) {
            double k = Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x);
            if (nu == 1.5) {
                k *= 1 + 1 / x;
            } else if (nu == 2.5) {
                k *= 1 + 3 / x + 3 / (x * x);
            }
            return k;
        }
        int nl = (int) (nu + 0.5);
        double mu = nu - nl;
        double mu2 = mu * mu;
        double xi = 1 / x;
        double xi2 = 2 * xi;
        double kmu;
        double k1;
        if (x < 2) {
            double x2 = 0.5 * x;
            double pimu = Math.PI * mu;
            double fact = Math.abs(pimu) < EPS ? 1 : pimu / Math.sin(pimu);
            double d = -Math.log(x2);
            double e = mu * d;
            double fact2 = Math.abs(e) < EPS ? 1 : Math.sinh(e) / e;
            double gampl = 1 + Gamma.invGamma1pm1(mu);   // 1 / Gamma(1 + mu)
            double gammi = 1 + Gamma.invGamma1pm1(-mu);  // 1 / Gamma(1 - mu)
            double gam1 = Math.abs(mu) < 1e-300 ? -EULER
                    : (Gamma.invGamma1pm1(-mu) - Gamma.invGamma1pm1(mu)) / (2 * mu);
            double gam2 = 0.5 * (gammi + gampl);
            double ff = fact * (gam1 * Math.cosh(e) + gam2 * fact2 * d);
            double sum = ff;
            double ee = Math.exp(e);
            double p = 0.5 * ee / gampl;
            double q = 0.5 / (ee * gammi);
            double c = 1;
            double dd = x2 * x2;
            double sum1 = p;
            for (int i = 1; i <= MAX_ITERATIONS; i++) {
                ff = (i * ff + p + q) / (i * (double) i - mu2);
                c *= dd / i;
                p /= i - mu;
                q /= i + mu;
                double del = c * ff;
                sum += del;
                sum1 += c * (p - i * ff);
                if (Math.abs(del) < Math.abs(sum) * EPS) {
                    break;
                }
            }
            kmu = sum;
            k1 = sum1 * xi2;
        } else {
            double b = 2 * (1 + x);
            double d = 1 / b;
            double h = d;
            double delh = d;
            double q1 = 0;
            double q2 = 1;
            double a1 = 0.25 - mu2;
            double q = a1;
            double c = a1;
            double a = -a1;
            double s = 1 + q * delh;
            for (int i = 2; i <= MAX_ITERATIONS; i++) {
                a -= 2 * (i - 1);
                c = -a * c / i;
                double qnew = (q1 - b * q2) / a;
                q1 = q2;
                q2 = qnew;
                q += c * qnew;
                b += 2;
                d = 1 / (b + a * d);
                delh = (b * d - 1) * delh;
                h += delh;
                double dels = q * delh;
                s += dels;
                if (Math.abs(dels / s) < EPS) {
                    break;
                }
            }
            h = a1 * h;
            kmu = Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x) / s;
            k1 = kmu * (mu + x + 0.5 - h) * xi;
        }
        for (int i = 1; i <= nl; i++) {
            double next = (mu + i) * xi2 * k1 + kmu;
            kmu = k1;
            k1 = next;
        }
        return kmu;
    }
}
