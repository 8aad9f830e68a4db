package org.ecomonitor.cli;

import org.ecomonitor.analysis.trend.MannKendallResult;
import org.ecomonitor.analysis.trend.SenSlopeResult;
import org.ecomonitor.analysis.trend.TrendSummary;
import org.ecomonitor.analysis.trend.TrendVerdict;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.CsvTable;
import org.ecomonitor.io.TableSource;
import org.ecomonitor.io.TimeParser;
import org.ecomonitor.io.evaluation.Period;
import org.ecomonitor.io.evaluation.StandardLimits;
import org.ecomonitor.io.evaluation.TrendReport;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.ProjectStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code trend --store S.gpkg --station ID --parameter CODE [--aggregate monthly]} or
 * {@code trend --csv FILE --time COL --value COL}: Mann-Kendall, Sen's slope with its 95 % interval, Spearman.
 */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "Trend test (Mann-Kendall, Sen's slope, Spearman) of a station's parameter or of a CSV series.")
final class TrendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store") Path store;
    @Option(names = "--station") String station;
    @Option(names = "--parameter", description = "Parameter code or name (a34004, PM2.5, 氨氮 ...).") String parameter;
    @Option(names = "--aggregate", defaultValue = "auto",
            description = "auto (hourly data: monthly; else as measured), none, daily, monthly, annual.") String aggregate;
    @Option(names = "--period", description = "2024, 2024-05, 2024-Q2 or 2022-01-01..2025-01-01") String period;
    @Option(names = "--seasonal", description = "Seasonal Kendall test and slope for monthly values.") boolean seasonal;
    @Option(names = "--include-flagged", description = "Use readings flagged other than N too.") boolean includeFlagged;

    @Option(names = "--csv") Path csv;
    @Option(names = "--time", description = "Time column of --csv: dates (slopes per year) or numbers (slopes per time unit).") String timeColumn;
    @Option(names = "--value") String valueColumn;
    @Option(names = "--unit", defaultValue = "") String unit;

    @Option(names = "--forecast", paramLabel = "H", description = "Forecast H periods ahead (Holt-Winters) with exceedance probabilities.")
    Integer forecast;
    @Option(names = "--limit", description = "Limit for the exceedance probabilities (default: the standard's).") Double limit;

    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TrendSummary summary;
        String slopeUnit;
        String verdictUnit;
        Map<String, Object> head = new LinkedHashMap<>();
        TrendReport.Outlook outlook = null;
        if (csv != null) {
            if (timeColumn == null || valueColumn == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--csv needs --time and --value");
            }
            double[][] tv = readCsv();
            boolean dates = tv[2][0] > 0;
            summary = TrendSummary.of(tv[0], tv[1], 1);
            slopeUnit = dates ? (unit.isEmpty() ? "1/a" : unit + "/a") : (unit.isEmpty() ? "1" : unit) + " per time unit";
            verdictUnit = unit;
            head.put("file", csv.toString());
        } else {
            if (store == null || station == null || parameter == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --store, --station and --parameter, or --csv, --time and --value");
            }
            TrendReport.Aggregation a;
            try {
                a = TrendReport.Aggregation.valueOf(aggregate.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--aggregate: auto, none, daily, monthly or annual");
            }
            try (ProjectStore s = ProjectStore.open(store)) {
                TrendReport r = TrendReport.of(s, station, parameter, a, Period.parse(period), includeFlagged, seasonal);
                if (forecast != null) {
                    outlook = r.outlook(forecast, limit != null ? limit : StandardLimits.of(r.parameter()));
                }
                summary = r.summary();
                slopeUnit = r.unit() + "/a";
                verdictUnit = r.unit();
                head.put("station", r.station());
                head.put("parameter", r.parameter());
                head.put("aggregation", r.aggregation().name().toLowerCase(java.util.Locale.ROOT));
                head.put("values", r.values().length);
                Station st = s.stations().find(r.station()).orElseThrow();
                head.put("station_name", st.name());
            }
        }
        MannKendallResult mk = summary.mannKendall();
        SenSlopeResult sen = summary.sen();
        double perYear = summary.timeUnitsPerYear();
        TrendVerdict verdict = summary.verdict(verdictUnit, TrendReport.ALPHA);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(head);
            m.put("n", mk.n());
            m.put("s", mk.s());
            m.put("z", mk.z());
            m.put("p", mk.p());
            m.put("tau", mk.tau());
            m.put("sen_slope", sen.slope() * perYear);
            m.put("sen_slope_low", sen.lower() * perYear);
            m.put("sen_slope_high", sen.upper() * perYear);
            m.put("spearman_rho", summary.spearman().rho());
            m.put("spearman_p", summary.spearman().p());
            m.put("least_squares_slope", summary.leastSquares().slope() * perYear);
            m.put("slope_unit", slopeUnit);
            m.put("verdict", verdict.direction().name().toLowerCase(java.util.Locale.ROOT));
            m.put("text", verdict.format(Messages.locale()));
            if (outlook != null) {
                List<Map<String, Object>> f = new ArrayList<>();
                for (int i = 0; i < outlook.forecasts().size(); i++) {
                    var fc = outlook.forecasts().get(i);
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("period", outlook.periods().get(i).toLocalDate().toString());
                    e.put("mean", fc.mean());
                    e.put("lower", fc.lower());
                    e.put("upper", fc.upper());
                    double pe = outlook.exceedanceProbability()[i];
                    e.put("p_exceed", Double.isNaN(pe) ? null : pe);
                    f.add(e);
                }
                m.put("limit", Double.isNaN(outlook.limit()) ? null : outlook.limit());
                m.put("forecast", f);
                var b = outlook.backtest();
                m.put("backtest", Map.of("n", b.n(), "mae", b.mae(), "rmse", b.rmse(), "mape", b.mape()));
            }
            Output.json(out, m);
            return 0;
        }
        out.println(verdict.format(Messages.locale()));
        out.printf("  Mann-Kendall: n = %d, S = %d, z = %.4f, p = %.4g, tau = %.4f%n", mk.n(), mk.s(), mk.z(), mk.p(), mk.tau());
        out.printf("  Sen: %.4g %s (95%%: %.4g .. %.4g)%n", sen.slope() * perYear, slopeUnit, sen.lower() * perYear, sen.upper() * perYear);
        out.printf("  Spearman: rho = %.4f, p = %.4g%n", summary.spearman().rho(), summary.spearman().p());
        out.printf("  least squares: %.4g %s%n", summary.leastSquares().slope() * perYear, slopeUnit);
        if (outlook != null) {
            out.println(Messages.get("cli.trend.forecast", outlook.forecasts().size(),
                    Double.isNaN(outlook.limit()) ? "-" : String.format("%.4g", outlook.limit())));
            for (int i = 0; i < outlook.forecasts().size(); i++) {
                var fc = outlook.forecasts().get(i);
                double pe = outlook.exceedanceProbability()[i];
                out.printf("  %s  %.4g  (95%%: %.4g .. %.4g)%s%n", outlook.periods().get(i).toLocalDate(), fc.mean(),
                        fc.lower(), fc.upper(), Double.isNaN(pe) ? "" : String.format("  P(>limit) = %.0f%%", 100 * pe));
            }
            var b = outlook.backtest();
            out.println(Messages.get("cli.trend.backtest", b.n(), String.format("%.4g", b.mae()), String.format("%.4g", b.rmse()),
                    String.format("%.1f", b.mape())));
        }
        out.flush();
        return 0;
    }

    /** {times, values, {1 if the times were dates}}. */
    private double[][] readCsv() {
        try (CsvTable t = new CsvTable(csv, null)) {
            int ct = t.header().indexOf(timeColumn);
            int cv = t.header().indexOf(valueColumn);
            if (ct < 0 || cv < 0) {
                throw new UserException("trend.csv_column_missing", csv, ct < 0 ? timeColumn : valueColumn, String.join(", ", t.header()));
            }
            List<double[]> rows = new ArrayList<>();
            Boolean dates = null;
            for (TableSource.Row r : t) {
                String time = r.cell(ct).trim();
                double tt;
                boolean isNumber = time.matches("-?\\d+(\\.\\d+)?") && !(time.length() == 8 || time.length() >= 10);
                if (dates == null) {
                    dates = !isNumber;
                }
                if (dates) {
                    long ms = TimeParser.parse(time, Station.DEFAULT_ZONE);
                    if (ms == Long.MIN_VALUE) {
                        throw new UserException("trend.csv_bad_time", csv, r.line(), time);
                    }
                    tt = 1970 + ms / (365.2425 * 86_400_000.0);
                } else {
                    tt = Double.parseDouble(time);
                }
                String v = r.cell(cv).trim();
                double vv;
                try {
                    vv = v.isEmpty() || v.equalsIgnoreCase("NA") ? Double.NaN : Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new UserException("trend.csv_bad_value", csv, r.line(), v);
                }
                rows.add(new double[]{tt, vv});
            }
            double[][] out = new double[3][];
            out[0] = rows.stream().mapToDouble(x -> x[0]).toArray();
            out[1] = rows.stream().mapToDouble(x -> x[1]).toArray();
            out[2] = new double[]{Boolean.TRUE.equals(dates) ? 1 : 0};
            return out;
        }
    }
}
