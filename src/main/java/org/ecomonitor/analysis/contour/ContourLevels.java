package org.ecomonitor.analysis.contour;

import org.ecomonitor.i18n.UserException;

import java.util.Arrays;

/**
 * Contour levels and band breaks: the classes of noise maps (35 to 80 dB every 5 dB), or every step across the
 * range of a grid's values.
 */
public final class ContourLevels {

    /** The usual contour interval of noise maps, in dB. */
    public static final double DEFAULT_NOISE_STEP = 5;

    private ContourLevels() {
    }

    /** 35, 40, ..., 80 dB: the class limits of {@link NoiseColourScheme#DIN_18005}. */
    public static double[] noiseClasses() {
        return of(35, DEFAULT_NOISE_STEP, 80);
    }

    /** {@code first, first + step, ...} up to {@code last} (inclusive within a millionth of a step). */
    public static double[] of(double first, double step, double last) {
        checkStep(step);
        int n = (int) Math.floor((last - first) / step + 1e-6) + 1;
        double[] levels = new double[Math.max(0, n)];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = first + i * step;
        }
        return levels;
    }

    /**
     * The multiples of {@code step} strictly between the smallest and the largest finite value (none when all
     * values are equal or NaN).
     */
    public static double[] everyStep(double[] values, double step) {
        checkStep(step);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            return new double[0];
        }
        double first = Math.floor(min / step) * step;
        if (first <= min) {
            first += step;
        }
        double[] levels = of(first, step, max);
        int n = levels.length;
        while (n > 0 && levels[n - 1] >= max) {
            n--;
        }
        return Arrays.copyOf(levels, n);
    }

    /** @throws UserException unless the levels are finite and strictly increasing */
    public static void check(double[] levels) {
        for (int i = 0; i < levels.length; i++) {
            if (!Double.isFinite(levels[i]) || (i > 0 && !(levels[i] > levels[i - 1]))) {
                throw new UserException("interpolation.contourLevelsInvalid", i > 0 ? levels[i - 1] : "-", levels[i]);
            }
        }
    }

    private static void checkStep(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new UserException("interpolation.contourStepInvalid", step);
        }
    }
}
