package org.ecomonitor.analysis.trend;

import org.ecomonitor.i18n.Messages;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The one-line judgement of a trend for reports, in the reader's language: direction and significance from a
 * Mann-Kendall (or seasonal Kendall) test, size from Sen's slope per year. For example
 * "显著上升 (p &lt; 0.05), Sen 斜率 0.8 µg/m³/年" or "significant upward trend (p &lt; 0.05), Sen slope 0.8
 * µg/m³/year". Texts come from the message bundles (keys {@code trend.verdict.*}); numbers are shown with two
 * significant digits.
 *
 * @param direction    the judgement
 * @param p            two-sided p of the test
 * @param alpha        significance level, for example 0.05
 * @param slopePerYear Sen's slope in value units per year
 * @param unit         the parameter's unit ("" when dimensionless)
 * @param n            number of values the test used
 */
public record TrendVerdict(Direction direction, double p, double alpha, double slopePerYear, String unit, int n) {

    /** Fewer values than this give no verdict. */
    public static final int MIN_VALUES = 4;

    public enum Direction {
        /** significant upward trend */
        UP,
        /** significant downward trend */
        DOWN,
        /** no significant trend */
        NONE,
        /** too few values, or a constant series */
        INSUFFICIENT
    }

    /**
     * The verdict of a test and a Sen slope.
     *
     * @param timeUnitsPerYear how many of the slope's time units make a year (12 for a monthly index, 1 for
     *                         years, 365.25 for days)
     */
    public static TrendVerdict of(MannKendallResult test, SenSlopeResult sen, double timeUnitsPerYear, String unit,
                                  double alpha) {
        double slope = sen.slope() * timeUnitsPerYear;
        Direction d;
        if (!test.isDefined() || test.n() < MIN_VALUES) {
            d = Direction.INSUFFICIENT;
        } else {
            d = switch (test.direction(alpha)) {
                case 1 -> Direction.UP;
                case -1 -> Direction.DOWN;
                default -> Direction.NONE;
            };
        }
        return new TrendVerdict(d, test.p(), alpha, slope, unit == null ? "" : unit, test.n());
    }

    /** The sentence in the given language. */
    public String format(Locale locale) {
        if (direction == Direction.INSUFFICIENT) {
            return Messages.get(locale, "trend.verdict.insufficient", String.valueOf(n), String.valueOf(MIN_VALUES));
        }
        String what = Messages.get(locale, "trend.direction." + direction.name().toLowerCase(Locale.ROOT));
        String slope = significant(slopePerYear) + (unit.isEmpty() ? "" : " " + unit);
        String key = direction == Direction.NONE ? "trend.verdict.notSignificant" : "trend.verdict.significant";
        String pText = direction == Direction.NONE ? significant(p) : plain(alpha);
        return Messages.get(locale, key, what, pText, slope);
    }

    /** Two significant digits, no exponent, no trailing zeros: 0.8, -0.0012, 120. */
    static String significant(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
