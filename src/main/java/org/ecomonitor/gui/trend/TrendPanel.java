package org.ecomonitor.gui.trend;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ecomonitor.analysis.forecast.ForecastAccuracy;
import org.ecomonitor.analysis.forecast.HoltWintersModel;
import org.ecomonitor.analysis.trend.MannKendallResult;
import org.ecomonitor.analysis.trend.SenSlopeResult;
import org.ecomonitor.analysis.trend.TrendSummary;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.evaluation.TrendReport;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The trend in words and numbers under the chart: the verdict of the first series as a sentence ("显著上升
 * (p &lt; 0.05), Sen 斜率 0.8 µg/m³/年"), a table of every series' statistics (Mann-Kendall z, p and τ, Sen's
 * slope per year with its 95 % interval, Spearman's ρ and p, on which values the test ran), and the early
 * warning: each coming period's forecast, its 95 % interval and the probability of exceeding the limit, with the
 * method's error on the last known periods.
 */
public final class TrendPanel {

    /** One row of the statistics table. */
    public record StatsRow(String series, String testedOn, String n, String z, String p, String tau, String sen,
                           String senInterval, String spearman, String verdict) {
    }

    /** One row of the forecast table. */
    public record ForecastRow(String period, String forecast, String interval, String exceedance) {
    }

    private final Label verdict = new Label();
    private final TableView<StatsRow> stats = new TableView<>();
    private final TableView<ForecastRow> forecast = new TableView<>();
    private final Label forecastNote = new Label();
    private final VBox node;

    public TrendPanel() {
        verdict.setId("trendVerdict");
        verdict.getStyleClass().add("trend-verdict");
        verdict.setWrapText(true);
        stats.setId("trendStats");
        stats.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        stats.getColumns().setAll(List.of(
                column("gui.trend.col.series", StatsRow::series, 170),
                column("gui.trend.col.tested_on", r -> r.testedOn().isEmpty() ? "" : r.testedOn() + ", n = " + r.n(), 120),
                column("gui.trend.col.mann_kendall", r -> r.z().isEmpty() ? "" : "z " + r.z() + ", p " + r.p() + ", τ " + r.tau(), 200),
                column("gui.trend.col.sen", r -> r.sen().isEmpty() ? "" : r.sen() + " (" + r.senInterval() + ")", 210),
                column("gui.trend.col.spearman", StatsRow::spearman, 150),
                column("gui.trend.col.verdict", StatsRow::verdict, 240)));
        stats.setPlaceholder(new Label(Messages.get("gui.trend.no_series")));
        stats.setPrefHeight(120);
        forecast.setId("forecastTable");
        forecast.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        forecast.getColumns().setAll(List.of(
                column("gui.trend.col.period", ForecastRow::period, 92),
                column("gui.trend.col.forecast", ForecastRow::forecast, 70),
                column("gui.trend.col.interval", ForecastRow::interval, 110),
                column("gui.trend.col.exceedance", ForecastRow::exceedance, 90)));
        forecast.setPlaceholder(new Label(Messages.get("gui.trend.forecast_off")));
        forecast.setPrefHeight(120);
        forecast.setPrefWidth(380);
        forecastNote.setId("forecastNote");
        forecastNote.setWrapText(true);
        Label warningTitle = new Label(Messages.get("gui.trend.early_warning"));
        warningTitle.getStyleClass().add("panel-title");
        VBox warning = new VBox(2, warningTitle, forecast, forecastNote);
        warning.setMinWidth(300);
        VBox.setVgrow(forecast, Priority.ALWAYS);
        Label statsTitle = new Label(Messages.get("gui.trend.statistics"));
        statsTitle.getStyleClass().add("panel-title");
        VBox statBox = new VBox(2, statsTitle, stats);
        VBox.setVgrow(stats, Priority.ALWAYS);
        javafx.scene.control.SplitPane tables = new javafx.scene.control.SplitPane(statBox, warning);
        tables.setDividerPositions(0.64);
        VBox.setVgrow(tables, Priority.ALWAYS);
        node = new VBox(4, verdict, tables);
        node.setPadding(new Insets(6));
        node.setId("trendPanel");
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    public VBox node() {
        return node;
    }

    /** Shows the statistics of the series (the first one's verdict in words, its forecast). */
    public void show(List<TrendSeries> series) {
        Locale locale = Messages.locale();
        List<StatsRow> rows = new ArrayList<>();
        for (TrendSeries s : series) {
            rows.add(row(s, locale));
        }
        stats.getItems().setAll(rows);
        if (series.isEmpty()) {
            verdict.setText(Messages.get("gui.trend.no_series"));
            forecast.getItems().clear();
            forecastNote.setText("");
            return;
        }
        TrendSeries first = series.get(0);
        verdict.setText(first.report() == null
                ? first.label(locale) + ": " + first.reportProblem()
                : Messages.get("gui.trend.verdict", first.label(locale), first.report().verdict().format(locale),
                testedOn(first.report()), first.report().n()));
        showForecast(first, locale);
    }

    private static StatsRow row(TrendSeries s, Locale locale) {
        TrendReport r = s.report();
        if (r == null) {
            return new StatsRow(s.label(locale), "", "", "", "", "", "", "", "", s.reportProblem());
        }
        TrendSummary sum = r.summary();
        MannKendallResult mk = sum.mannKendall();
        SenSlopeResult sen = sum.sen();
        double perYear = sum.timeUnitsPerYear();
        String unit = s.unit().isEmpty() ? "" : " " + s.unit();
        return new StatsRow(s.label(locale), testedOn(r), Integer.toString(mk.n()), fmt("%.3f", mk.z()), pValue(mk.p()),
                fmt("%.3f", mk.tau()), sig(sen.slope() * perYear) + unit + Messages.get("gui.trend.per_year"),
                sig(sen.lower() * perYear) + " … " + sig(sen.upper() * perYear),
                "ρ " + fmt("%.3f", sum.spearman().rho()) + ", p " + pValue(sum.spearman().p()),
                r.verdict().format(locale));
    }

    private static String testedOn(TrendReport r) {
        return Messages.get("gui.trend.tested." + r.aggregation().name().toLowerCase(Locale.ROOT));
    }

    private void showForecast(TrendSeries s, Locale locale) {
        forecast.getItems().clear();
        TrendReport.Outlook o = s.outlook();
        if (o == null) {
            forecastNote.setText(s.outlookProblem() == null ? "" : s.outlookProblem());
            return;
        }
        DateTimeFormatter f = s.report().aggregation() == TrendReport.Aggregation.DAILY
                ? DateTimeFormatter.ofPattern("yyyy-MM-dd") : DateTimeFormatter.ofPattern("yyyy-MM");
        for (int i = 0; i < o.forecasts().size(); i++) {
            HoltWintersModel.Forecast fc = o.forecasts().get(i);
            double p = o.exceedanceProbability()[i];
            forecast.getItems().add(new ForecastRow(f.format(o.periods().get(i)), sig(fc.mean()),
                    sig(fc.lower()) + " … " + sig(fc.upper()), Double.isNaN(p) ? "—" : fmt("%.0f %%", 100 * p)));
        }
        ForecastAccuracy b = o.backtest();
        String limit = Double.isNaN(o.limit()) ? Messages.get("gui.trend.no_limit") : sig(o.limit()) + " " + s.unit();
        forecastNote.setText(b.n() == 0 ? Messages.get("gui.trend.forecast_note", limit)
                : Messages.get("gui.trend.forecast_backtest", limit, b.n(), sig(b.mae()), sig(b.rmse())));
    }

    private static String fmt(String pattern, double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, pattern, v);
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Three significant digits. */
    static String sig(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    public Label verdict() {
        return verdict;
    }

    public TableView<StatsRow> stats() {
        return stats;
    }

    public TableView<ForecastRow> forecast() {
        return forecast;
    }
}
