package org.ecomonitor.analysis.interpolation;

/**
 * The scale on which values are interpolated. Interpolators work on {@link #forward} values; grids are turned
 * back with {@link #inverse}.
 * <ul>
 * <li>{@link #NONE}: the values themselves.</li>
 * <li>{@link #LOG}: natural logarithm, for skewed concentrations; values must be greater than 0. The map is
 * {@code exp} of the interpolated logarithm (the median, not the mean, under log-normality).</li>
 * <li>{@link #ENERGETIC}: sound levels in dB are interpolated as energies {@code 10^(L/10)} and turned back
 * with {@code 10 log10(E)}; any level is allowed. Duplicates are averaged energetically.</li>
 * </ul>
 */
public enum ValueTransform {
    NONE, LOG, ENERGETIC;

    public double forward(double value) {
        return switch (this) {
            case NONE -> value;
            case LOG -> Math.log(value);
            case ENERGETIC -> EnergeticAverage.toEnergy(value);
        };
    }

    public double inverse(double transformed) {
        return switch (this) {
            case NONE -> transformed;
            case LOG -> Math.exp(transformed);
            case ENERGETIC -> transformed > 0 ? EnergeticAverage.toLevel(transformed) : Double.NaN;
        };
    }

    /** True when {@link #forward} is defined only for values greater than 0. */
    public boolean needsPositiveValues() {
        return this == LOG;
    }

    /** The mean of several values at one location: energetic for {@link #ENERGETIC}, arithmetic otherwise. */
    public double average(double[] values, int from, int to) {
        if (this == ENERGETIC) {
            return EnergeticAverage.of(values, from, to);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
