package org.ecomonitor.gui.trend;

import org.ecomonitor.io.evaluation.Period;

import java.time.LocalDate;
import java.util.List;

/**
 * What the trend window asks for: stations and parameters (every combination with data becomes a series), the
 * period, the step, whether readings flagged other than N count, and how many periods to forecast (0: none).
 *
 * @param from first day, or null for the beginning of the data
 * @param to   last day (inclusive), or null for the end of the data
 */
public record TrendQuery(List<String> stations, List<String> parameters, LocalDate from, LocalDate to, TrendStep step,
                         boolean includeFlagged, int forecastHorizon) {

    public TrendQuery {
        stations = List.copyOf(stations);
        parameters = List.copyOf(parameters);
    }

    /** The period as the evaluation code takes it. */
    public Period period() {
        if (from == null && to == null) {
            return Period.ALL;
        }
        LocalDate start = from == null ? Period.ALL.start() : from;
        LocalDate end = to == null ? Period.ALL.end() : to.plusDays(1);
        return new Period(start, end, start + ".." + end);
    }
}
