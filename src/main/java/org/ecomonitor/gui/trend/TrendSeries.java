package org.ecomonitor.gui.trend;

import org.ecomonitor.gui.charts.LimitLine;
import org.ecomonitor.io.evaluation.TrendReport;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Station;

import java.util.Locale;

/**
 * One station's parameter as the trend window shows it: its values at the chosen step, the standard's limit, the
 * trend statistics (or why there are none) and, for the first series, the early warning.
 *
 * @param report         the trend test, or null (see {@code reportProblem})
 * @param reportProblem  why there is no test (too few values ...), or null
 * @param outlook        the forecast with exceedance probabilities, or null (see {@code outlookProblem})
 * @param outlookProblem why there is no forecast, or null when none was asked for or it was made
 */
public record TrendSeries(Station station, Parameter parameter, SeriesAggregation.Result data, LimitLine limit,
                          TrendReport report, String reportProblem, TrendReport.Outlook outlook, String outlookProblem) {

    /** "碧江环境监测站 PM2.5" */
    public String label(Locale locale) {
        return station.name() + " " + parameterName(parameter, locale);
    }

    /** The parameter's name in the language (Chinese name, or English name, else its code). */
    public static String parameterName(Parameter p, Locale locale) {
        String n = "zh".equals(locale.getLanguage()) ? p.nameZh() : p.nameEn();
        return n == null || n.isBlank() ? p.code() : n;
    }

    public String unit() {
        return parameter.unit() == null ? "" : parameter.unit();
    }
}
