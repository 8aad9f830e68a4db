package org.ecomonitor.gui.trend;

import org.ecomonitor.analysis.standards.SurfaceWaterItem;
import org.ecomonitor.analysis.standards.SurfaceWaterStandard;
import org.ecomonitor.analysis.standards.WaterBody;
import org.ecomonitor.gui.charts.LimitLine;
import org.ecomonitor.gui.charts.StandardColours;
import org.ecomonitor.gui.charts.ValueAxis;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.evaluation.Period;
import org.ecomonitor.io.evaluation.StandardLimits;
import org.ecomonitor.io.evaluation.TrendReport;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.ProjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a {@link TrendQuery} asks for, on the store's thread: each station's series of each parameter in the
 * period, aggregated ({@link SeriesAggregation}), its trend test ({@link TrendReport}: Mann-Kendall, Sen, Spearman)
 * and, for the first series, the early warning ({@link TrendReport#outlook}). Combinations without data are left
 * out.
 */
public final class TrendLoader {

    private TrendLoader() {
    }

    public static List<TrendSeries> load(ProjectStore store, TrendQuery query, Progress progress) {
        List<TrendSeries> out = new ArrayList<>();
        Period period = query.period();
        progress.start(Messages.get("gui.trend.loading"), (long) query.stations().size() * query.parameters().size());
        long done = 0;
        for (String code : query.stations()) {
            Optional<Station> found = store.stations().find(code);
            for (String p : query.parameters()) {
                progress.checkCancelled();
                progress.update(++done);
                Optional<Parameter> parameter = store.parameters().get(p);
                if (found.isEmpty() || parameter.isEmpty()) {
                    continue;
                }
                Station s = found.get();
                ReadingSeries raw = store.readings().series(code, p, period.startMillis(s.zone()), period.endMillis(s.zone()));
                if (raw.size() == 0) {
                    continue;
                }
                SeriesAggregation.Result data = SeriesAggregation.of(raw, s.zone(), query.step(), query.includeFlagged());
                TrendReport report = null;
                String problem = null;
                try {
                    report = TrendReport.of(store, code, p, testedAs(query.step(), data.sampled()), period,
                            query.includeFlagged(), query.step() == TrendStep.SEASONAL && !data.sampled());
                } catch (UserException e) {
                    problem = e.getMessage();
                }
                LimitLine limit = limitOf(parameter.get());
                TrendReport.Outlook outlook = null;
                String outlookProblem = null;
                if (out.isEmpty() && query.forecastHorizon() > 0 && report != null) {
                    try {
                        outlook = report.outlook(query.forecastHorizon(), limit == null ? Double.NaN : limit.value());
                    } catch (UserException e) {
                        outlookProblem = e.getMessage();
                    } catch (RuntimeException e) {
                        outlookProblem = Messages.get("gui.trend.forecast_failed", e.getMessage());
                    }
                } else if (out.isEmpty() && query.forecastHorizon() > 0) {
                    outlookProblem = problem;
                }
                out.add(new TrendSeries(s, parameter.get(), data, limit, report, problem, outlook, outlookProblem));
            }
        }
        return out;
    }

    /**
     * The values the trend is tested on: hourly series by the step shown (as measured or hourly: monthly means,
     * as the CLI does); samples as they are.
     */
    static TrendReport.Aggregation testedAs(TrendStep step, boolean sampled) {
        if (sampled) {
            return TrendReport.Aggregation.AUTO;
        }
        return switch (step) {
            case NATIVE, HOURLY -> TrendReport.Aggregation.AUTO;
            case DAILY -> TrendReport.Aggregation.DAILY;
            case MONTHLY, SEASONAL -> TrendReport.Aggregation.MONTHLY;
            case ANNUAL -> TrendReport.Aggregation.ANNUAL;
        };
    }

    /** The standard's limit of a parameter (StandardLimits) with what it is, or null when there is none. */
    public static LimitLine limitOf(Parameter p) {
        double limit = StandardLimits.of(p.code());
        if (Double.isNaN(limit)) {
            return null;
        }
        String unit = p.unit() == null ? "" : p.unit();
        String value = ValueAxis.label(limit);
        if (StandardColours.dailyAqiItem(p.code()) != null) {
            String key = "a05024".equals(p.code()) ? "gui.trend.limit.air_8h" : "gui.trend.limit.air_24h";
            return new LimitLine(p.code(), limit, false, Messages.get(key, value, unit));
        }
        SurfaceWaterItem item = SurfaceWaterStandard.get().item(p.code(), WaterBody.RIVER);
        boolean below = item != null && item.rule() == SurfaceWaterItem.Rule.MIN;
        return new LimitLine(p.code(), limit, below, Messages.get(below ? "gui.trend.limit.water_min" : "gui.trend.limit.water",
                value, unit));
    }
}
