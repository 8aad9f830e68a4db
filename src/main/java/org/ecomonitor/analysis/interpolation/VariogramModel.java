package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;

import java.util.Locale;

/**
 * A nugget plus one bounded structure, gstat's {@code vgm(psill, shape, range, nugget, kappa)}:
 * {@code gamma(0) = 0} and {@code gamma(h) = nugget + psill (1 - rho(h))} for {@code h > 0}, where rho is the
 * shape's {@link VariogramShape#correlation}. Kriging uses the covariance form of gstat,
 * {@code C(h) = sill - gamma(h)}: {@code C(0) = nugget + psill}, {@code C(h) = psill rho(h)} for {@code h > 0}.
 *
 * @param nugget      nugget variance, at least 0
 * @param shape       the structure
 * @param partialSill the structure's partial sill, at least 0
 * @param range       the structure's range parameter a, greater than 0
 * @param kappa       Matérn smoothness, greater than 0 (ignored by the other shapes)
 */
public record VariogramModel(double nugget, VariogramShape shape, double partialSill, double range, double kappa) {

    /**
     * @throws UserException naming the parameter when a sill is negative or not finite, the range or kappa is
     *                       not positive, or the total sill is 0
     */
    public VariogramModel {
        if (shape == null) {
            throw new IllegalArgumentException("shape");
        }
        check("nugget", nugget, nugget >= 0 && Double.isFinite(nugget));
        check("psill", partialSill, partialSill >= 0 && Double.isFinite(partialSill));
        check("range", range, range > 0 && Double.isFinite(range));
        check("kappa", kappa, kappa > 0 && Double.isFinite(kappa));
        check("sill", nugget + partialSill, nugget + partialSill > 0);
    }

    private static void check(String name, double value, boolean ok) {
        if (!ok) {
            throw new UserException("interpolation.variogramParameterInvalid", name, value);
        }
    }

    /** A model without Matérn smoothness (kappa 0.5). */
    public static VariogramModel of(double nugget, VariogramShape shape, double partialSill, double range) {
        return new VariogramModel(nugget, shape, partialSill, range, 0.5);
    }

    /** Nugget plus partial sill. */
    public double sill() {
        return nugget + partialSill;
    }

    /** The semivariance at distance h. */
    public double semivariance(double h) {
        if (h == 0) {
            return 0;
        }
        return nugget + partialSill * (1 - shape.correlation(h, range, kappa));
    }

    /** The covariance {@code sill - gamma(h)}. */
    public double covariance(double h) {
        if (h == 0) {
            return nugget + partialSill;
        }
        return partialSill * shape.correlation(h, range, kappa);
    }

    public VariogramModel withSills(double newNugget, double newPartialSill) {
        return new VariogramModel(newNugget, shape, newPartialSill, range, kappa);
    }

    public VariogramModel withRange(double newRange) {
        return new VariogramModel(nugget, shape, partialSill, newRange, kappa);
    }

    /** gstat's notation, for instance {@code 0.0507 Nug + 0.591 Sph(897)}. */
    @Override
    public String toString() {
        String s = String.format(Locale.ROOT, "%.6g Nug + %.6g %s(%.6g", nugget, partialSill, shape.code(), range);
        if (shape == VariogramShape.MATERN) {
            s += String.format(Locale.ROOT, ", kappa %.3g", kappa);
        }
        return s + ")";
    }
}
