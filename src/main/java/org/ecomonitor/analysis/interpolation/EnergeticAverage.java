package org.ecomonitor.analysis.interpolation;

/**
 * Averages of sound levels in the energy domain: {@code Lm = 10 log10(mean(10^(Li/10)))}. The mean of 60 and
 * 70 dB is 67.4 dB, not 65 dB. Computed with the largest level factored out, so levels of any size neither
 * overflow nor underflow. O(n).
 */
public final class EnergeticAverage {

    private EnergeticAverage() {
    }

    /** The energetic mean of the levels (dB); NaN for no levels. */
    public static double of(double... levels) {
        return of(levels, 0, levels.length);
    }

    /** The energetic mean of {@code levels[from..to)}. */
    public static double of(double[] levels, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, levels[i]);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.pow(10, (levels[i] - max) / 10);
        }
        return max + 10 * Math.log10(sum / (to - from));
    }

    /** The energetic sum of levels (dB), for instance of sources that sound together. */
    public static double sum(double... levels) {
        return of(levels) + 10 * Math.log10(levels.length);
    }

    /** {@code 10^(L/10)}: relative energy of a level in dB. */
    public static double toEnergy(double level) {
        return Math.pow(10, level / 10);
    }

    /** {@code 10 log10(E)}: the level in dB of a relative energy. */
    public static double toLevel(double energy) {
        return 10 * Math.log10(energy);
    }
}
