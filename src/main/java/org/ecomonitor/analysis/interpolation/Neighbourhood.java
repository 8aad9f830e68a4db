package org.ecomonitor.analysis.interpolation;

import org.ecomonitor.i18n.UserException;

/**
 * Which points take part in a local estimate: at most {@code nmax} nearest ones, only those within
 * {@code radius} metres, both, or all points (global), as gstat's {@code nmax} and {@code maxdist}.
 *
 * @param nmax   largest number of nearest points, or {@link Integer#MAX_VALUE} for no limit
 * @param radius search radius in metres (inclusive), or +Infinity for none
 */
public record Neighbourhood(int nmax, double radius) {

    private static final Neighbourhood GLOBAL = new Neighbourhood(Integer.MAX_VALUE, Double.POSITIVE_INFINITY);

    /** @throws UserException when nmax is below 1 or the radius is not greater than 0 */
    public Neighbourhood {
        if (nmax < 1) {
            throw new UserException("interpolation.nmaxInvalid", nmax);
        }
        if (!(radius > 0)) {
            throw new UserException("interpolation.radiusInvalid", radius);
        }
    }

    /** All points, everywhere. */
    public static Neighbourhood global() {
        return GLOBAL;
    }

    /** The nmax nearest points. */
    public static Neighbourhood nearest(int nmax) {
        return new Neighbourhood(nmax, Double.POSITIVE_INFINITY);
    }

    /** All points within the radius. */
    public static Neighbourhood within(double radius) {
        return new Neighbourhood(Integer.MAX_VALUE, radius);
    }

    /** At most nmax nearest points, all within the radius. */
    public static Neighbourhood nearestWithin(int nmax, double radius) {
        return new Neighbourhood(nmax, radius);
    }

    /** True when every estimate uses all points of a set of {@code n} points. */
    public boolean isGlobalFor(int n) {
        return nmax >= n && radius == Double.POSITIVE_INFINITY;
    }

    public boolean hasRadius() {
        return radius != Double.POSITIVE_INFINITY;
    }

    /** The squared radius (+Infinity for none). */
    double radius2() {
        return radius * radius;
    }

    @Override
    public String toString() {
        if (nmax == Integer.MAX_VALUE && !hasRadius()) {
            return "global";
        }
        StringBuilder s = new StringBuilder();
        if (nmax != Integer.MAX_VALUE) {
            s.append("nmax=").append(nmax);
        }
        if (hasRadius()) {
            s.append(s.isEmpty() ? "" : ", ").append("radius=").append(radius);
        }
        return s.toString();
    }
}
