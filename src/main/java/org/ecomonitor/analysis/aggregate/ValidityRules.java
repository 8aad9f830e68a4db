package org.ecomonitor.analysis.aggregate;

import java.time.Month;

/**
 * Minimum numbers of values an aggregate needs to be valid (GB 3095-2012 Table 4 "data validity"; the daily
 * maximum 8-hour ozone rule and its exceedance exception from HJ 663-2013).
 *
 * @param minHoursPerDay           24-hour mean: hourly values per day (20)
 * @param minHoursPerEightHours    8-hour moving mean: hourly values among the 8 (6)
 * @param minEightHourPerDay       daily maximum 8-hour mean: valid 8-hour means among the day's 17 (14)
 * @param ozoneValidAbove          HJ 663: a daily maximum 8-hour mean from fewer than 14 valid 8-hour means is
 *                                 still valid when it exceeds this limit (NaN: no exception)
 * @param minDaysPerMonth          monthly mean: daily values per month (27)
 * @param minDaysPerFebruary       monthly mean: daily values in February (25)
 * @param minDaysPerYear           annual mean: daily values per year (324)
 */
public record ValidityRules(int minHoursPerDay, int minHoursPerEightHours, int minEightHourPerDay,
                            double ozoneValidAbove, int minDaysPerMonth, int minDaysPerFebruary, int minDaysPerYear) {

    /** GB 3095-2012 as the issue states it: no exception for exceeding ozone days. */
    public static final ValidityRules GB3095_2012 = new ValidityRules(20, 6, 14, Double.NaN, 27, 25, 324);

    /**
     * GB 3095-2012 with HJ 663-2013's ozone exception at the class II 8-hour limit (160 µg/m³): an exceeding
     * day counts even when fewer than 14 8-hour means are valid.
     */
    public static final ValidityRules HJ663_2013 = new ValidityRules(20, 6, 14, 160, 27, 25, 324);

    /** Daily values a month needs. */
    public int minDays(Month month) {
        return month == Month.FEBRUARY ? minDaysPerFebruary : minDaysPerMonth;
    }

    /**
     * Daily values a season needs: the sum of its months' minima (79 for winter, 81 otherwise). GB 3095 sets no
     * seasonal rule; this is ours, chosen so that a season is valid when its months could all be.
     */
    public int minDays(Season season) {
        int sum = 0;
        for (Month m : season.months()) {
            sum += minDays(m);
        }
        return sum;
    }
}
