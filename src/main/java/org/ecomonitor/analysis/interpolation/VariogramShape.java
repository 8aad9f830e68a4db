package org.ecomonitor.analysis.interpolation;

import org.apache.commons.math3.special.Gamma;

/**
 * The bounded variogram structures of gstat, in gstat's parameterisation with range {@code a} and
 * {@code r = h / a}; {@link #correlation} is the structure's unit covariance {@code 1 - gamma(h) / psill}:
 * <ul>
 * <li>{@code Sph}: {@code 1 - 1.5 r + 0.5 r^3} for {@code r < 1}, 0 beyond (reaches the sill at {@code a});</li>
 * <li>{@code Exp}: {@code exp(-r)} (practical range 3a);</li>
 * <li>{@code Gau}: {@code exp(-r^2)} (practical range about 1.73a);</li>
 * <li>{@code Mat}: {@code r^kappa K_kappa(r) / (2^(kappa-1) Gamma(kappa))}, with {@link BesselK}; kappa 0.5 is
 * {@code Exp}, and kappa 1.5 and 2.5 use their closed forms {@code (1 + r) e^-r},
 * {@code (1 + r + r^2/3) e^-r}.</li>
 * </ul>
 */
public enum VariogramShape {
    SPHERICAL("Sph"), EXPONENTIAL("Exp"), GAUSSIAN("Gau"), MATERN("Mat");

    private final String code;

    VariogramShape(String code) {
        this.code = code;
    }

    /** gstat's three-letter name. */
    public String code() {
        return code;
    }

    /** The shape for a gstat name such as "Sph"; null when unknown. */
    public static VariogramShape ofCode(String code) {
        for (VariogramShape s : values()) {
            if (s.code.equalsIgnoreCase(code)) {
                return s;
            }
        }
        return null;
    }

    /** Unit covariance at distance {@code h >= 0} for range {@code a > 0} (kappa only for Matérn). */
    public double correlation(double h, double a, double kappa) {
        double r = h / a;
        switch (this) {
            case SPHERICAL:
                return r >= 1 ? 0 : 1 - r * (1.5 - 0.5 * r * r);
            case EXPONENTIAL:
                return Math.exp(-r);
            case GAUSSIAN:
                return Math.exp(-r * r);
            default:
                return matern(r, kappa);
        }
    }

    /** The Matérn correlation of gstat's "Mat" at reduced distance r. */
    static double matern(double r, double kappa) {
        if (r == 0) {
            return 1;
        }
        if (kappa == 0.5) {
            return Math.exp(-r);
        }
        if (kappa == 1.5) {
            return (1 + r) * Math.exp(-r);
        }
        if (kappa == 2.5) {
            return (1 + r + r * r / 3) * Math.exp(-r);
        }
        double k = BesselK.value(kappa, r);
        if (k == 0) {
            return 0;
        }
        double log = kappa * Math.log(r) + Math.log(k) - (kappa - 1) * Math.log(2) - Gamma.logGamma(kappa);
        return Math.min(1, Math.exp(log));
    }
}
