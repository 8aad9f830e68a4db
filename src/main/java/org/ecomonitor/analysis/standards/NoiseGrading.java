package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.UserException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * HJ 640-2012 grading of regional (grid) and road-traffic noise, from {@code hj640_2012_noise_grades.csv}.
 * Regional: the arithmetic mean of the valid grid points' Leq; road traffic: the mean of the segments' Leq
 * weighted by segment length. The mean is rounded to 0.1 dB (GB/T 8170, half to even) and compared with the
 * grade maxima (≤ 50.0 good, 50.1–55.0 fairly good, ...; above grade 4 is grade 5). O(n).
 */
public final class NoiseGrading {

    static final String FILE = "hj640_2012_noise_grades.csv";
    /** HJ 640: a city grid should have more than this many valid squares. */
    public static final int MIN_GRID_POINTS = 100;
    private static volatile Map<String, double[]> maxima;

    private NoiseGrading() {
    }

    public enum Assessment {
        REGIONAL("regional"),
        ROAD_TRAFFIC("road_traffic");

        private final String code;

        Assessment(String code) {
            this.code = code;
        }
    }

    /**
     * A grading.
     *
     * @param mean          the (weighted) mean level, rounded to 0.1 dB
     * @param grade         the grade
     * @param points        number of values
     * @param enoughPoints  for regional grading, whether there were more than 100 valid grid points
     */
    public record Result(double mean, NoiseGrade grade, int points, boolean enoughPoints) {
    }

    /** The grade of a mean level (already averaged). */
    public static NoiseGrade grade(Assessment assessment, NoisePeriod period, double meanLevel) {
        double[] max = table().get(assessment.code + "/" + period.name().toLowerCase(java.util.Locale.ROOT));
        double level = round(meanLevel);
        for (int i = 0; i < max.length; i++) {
            if (level <= max[i]) {
                return NoiseGrade.values()[i];
            }
        }
        return NoiseGrade.POOR;
    }

    /** Regional grading of the grid points' Leq (NaN points are invalid squares and skipped). */
    public static Result regional(NoisePeriod period, double[] gridLeq) {
        double sum = 0;
        int n = 0;
        for (double l : gridLeq) {
            if (!Double.isNaN(l)) {
                sum += l;
                n++;
            }
        }
        if (n == 0) {
            throw new UserException("noise.error.noPoints");
        }
        double mean = round(sum / n);
        return new Result(mean, grade(Assessment.REGIONAL, period, mean), n, n > MIN_GRID_POINTS);
    }

    /** Road-traffic grading: Leq of each segment and its length (any unit). */
    public static Result roadTraffic(NoisePeriod period, double[] leq, double[] length) {
        if (leq.length != length.length) {
            throw new IllegalArgumentException("levels and lengths differ in number");
        }
        double sum = 0;
        double total = 0;
        int n = 0;
        for (int i = 0; i < leq.length; i++) {
            if (!Double.isNaN(leq[i]) && length[i] > 0) {
                sum += leq[i] * length[i];
                total += length[i];
                n++;
            }
        }
        if (n == 0) {
            throw new UserException("noise.error.noPoints");
        }
        double mean = round(sum / total);
        return new Result(mean, grade(Assessment.ROAD_TRAFFIC, period, mean), n, true);
    }

    static double round(double level) {
        return BigDecimal.valueOf(level).setScale(1, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Map<String, double[]> table() {
        Map<String, double[]> m = maxima;
        if (m == null) {
            Map<String, double[]> map = new HashMap<>();
            String[] cols = {"grade_1_good_max", "grade_2_fairly_good_max", "grade_3_fair_max", "grade_4_poor_max"};
            for (StandardTable.Row row : StandardTable.load(FILE).rows) {
                double[] max = new double[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    max[i] = row.number(cols[i]);
                }
                map.put(row.text("assessment") + "/" + row.text("period"), max);
            }
            m = Map.copyOf(map);
            maxima = m;
        }
        return m;
    }
}
