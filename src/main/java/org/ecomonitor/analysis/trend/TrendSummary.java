package org.ecomonitor.analysis.trend;

import org.ecomonitor.analysis.aggregate.AggregateValue;

import java.util.List;

/**
 * All trend statistics of one series, as the CLI {@code trend} command and the trend chart show them:
 * Mann-Kendall, Sen's slope with its 95 % interval, Spearman (R's default, no continuity correction) and the
 * least-squares slope. Slopes are per time unit of the input; {@code timeUnitsPerYear} converts them.
 *
 * @param timeUnitsPerYear time units per year of the input (12 for a month index, 1 for years)
 */
public record TrendSummary(MannKendallResult mannKendall, SenSlopeResult sen, SpearmanResult spearman,
                           LeastSquaresResult leastSquares, double timeUnitsPerYear) {

    /** The statistics of (time[i], value[i]); NaN values (missing aggregates) are dropped. O(n log n). */
    public static TrendSummary of(double[] time, double[] values, double timeUnitsPerYear) {
        return new TrendSummary(MannKendallTest.test(time, values), SenSlope.estimate(time, values, 0.95),
                SpearmanTest.test(time, values), LeastSquaresSlope.fit(time, values), timeUnitsPerYear);
    }

    /**
     * The statistics of a monthly series whose first value is month {@code firstMonth} (1..12): the seasonal
     * Kendall test and seasonal Sen slope stand in for Mann-Kendall and Sen; all slopes, and the Sen line's
     * intercept, are on the month index 1..n.
     */
    public static TrendSummary monthlySeasonal(double[] values, int firstMonth) {
        double[] index = TrendInput.index(values.length);
        SenSlopeResult perYear = SeasonalKendallTest.senSlopeMonthly(values, firstMonth);
        double perMonth = perYear.slope() / 12;
        TrendInput in = TrendInput.of(index, values);
        double[] residual = new double[in.n()];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = in.y()[i] - perMonth * in.t()[i];
        }
        SenSlopeResult sen = new SenSlopeResult(perMonth, perYear.lower() / 12, perYear.upper() / 12,
                Median.of(residual), perYear.pairs(), perYear.confidence());
        return new TrendSummary(SeasonalKendallTest.testMonthly(values, firstMonth), sen,
                SpearmanTest.test(index, values), LeastSquaresSlope.fit(index, values), 12);
    }

    /**
     * The statistics of monthly aggregates (from {@code CalendarMean.monthly}): time is the month count
     * year·12 + month, so slopes are per month and {@link #senSlopePerYear()} per year. Missing months are
     * left out, not filled.
     */
    public static TrendSummary ofMonthly(List<AggregateValue> monthly) {
        double[] t = new double[monthly.size()];
        double[] y = new double[monthly.size()];
        for (int i = 0; i < t.length; i++) {
            AggregateValue a = monthly.get(i);
            t[i] = a.start().getYear() * 12.0 + a.start().getMonthValue() - 1;
            y[i] = a.value();
        }
        return of(t, y, 12);
    }

    /** The statistics of annual aggregates (from {@code CalendarMean.annual}): time in years. */
    public static TrendSummary ofAnnual(List<AggregateValue> annual) {
        double[] t = new double[annual.size()];
        double[] y = new double[annual.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = annual.get(i).start().getYear();
            y[i] = annual.get(i).value();
        }
        return of(t, y, 1);
    }

    /** Sen's slope per year. */
    public double senSlopePerYear() {
        return sen.slope() * timeUnitsPerYear;
    }

    /** The report sentence's content at significance level {@code alpha}. */
    public TrendVerdict verdict(String unit, double alpha) {
        return TrendVerdict.of(mannKendall, sen, timeUnitsPerYear, unit, alpha);
    }
}
