package org.ecomonitor.gui.trend;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;
import org.ecomonitor.analysis.aggregate.AggregateValue;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.FileDialogs;
import org.ecomonitor.gui.ProjectSession;
import org.ecomonitor.gui.Workstation;
import org.ecomonitor.gui.charts.CalendarHeatMap;
import org.ecomonitor.gui.charts.ChartDataExport;
import org.ecomonitor.gui.charts.ChartSeries;
import org.ecomonitor.gui.charts.ChartView;
import org.ecomonitor.gui.charts.DayColouring;
import org.ecomonitor.gui.charts.ForecastBand;
import org.ecomonitor.gui.charts.LimitLine;
import org.ecomonitor.gui.charts.MonthlyBoxPlot;
import org.ecomonitor.gui.charts.SeriesChart;
import org.ecomonitor.gui.charts.SvgChartWriter;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.evaluation.TrendReport;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The trend window (issue 6): choose stations, parameters, a period and a step on the left; see the series over
 * time (several stations overlaid, the standard's limit, exceedances, flagged readings, missing aggregates, the
 * forecast band), monthly box plots and a calendar of daily classes in the tabs; read the trend in words and
 * numbers below. Everything is read on the project's thread; the window stays responsive.
 * Opened by a double click on a station, the identify popup's button, or Monitoring &gt; Trend charts.
 */
public final class TrendWindow {

    /** Line colours of the series (red is kept for limits and exceedances). */
    static final Color[] PALETTE = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#9467bd"),
            Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf"), Color.web("#bcbd22"), Color.web("#7f7f7f")};

    private final Stage stage = new Stage();
    private final ProjectSession session;
    private final FileDialogs dialogs;
    private final ComboBox<StationKind> kind = new ComboBox<>();
    private final CheckListView<Station> stations = new CheckListView<>();
    private final CheckListView<Parameter> parameters = new CheckListView<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ChoiceBox<TrendStep> step = new ChoiceBox<>();
    private final CheckBox includeFlagged = new CheckBox(Messages.get("gui.trend.include_flagged"));
    private final CheckBox forecastOn = new CheckBox(Messages.get("gui.trend.forecast"));
    private final Spinner<Integer> horizon = new Spinner<>(1, 36, 12);
    private final SeriesChart chart = new SeriesChart();
    private final MonthlyBoxPlot boxPlot = new MonthlyBoxPlot();
    private final CalendarHeatMap calendar = new CalendarHeatMap();
    private final TabPane tabs = new TabPane();
    private final TrendPanel panel = new TrendPanel();
    private final Label status = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
    private List<Station> allStations = List.of();
    private Map<String, Parameter> catalogue = Map.of();
    private List<TrendSeries> shown = List.of();
    private boolean updating;
    private int generation;
    private CompletableFuture<List<TrendSeries>> loading = CompletableFuture.completedFuture(List.of());

    public TrendWindow(Window owner, ProjectSession session, FileDialogs dialogs) {
        this.session = session;
        this.dialogs = dialogs;
        stage.initOwner(owner);
        stage.setTitle(Messages.get("gui.trend.title"));
        BorderPane root = new BorderPane();
        root.setLeft(controls());
        root.setCenter(centre());
        Scene scene = new Scene(root, 1180, 780);
        Workstation.applyLook(scene);
        stage.setScene(scene);
        debounce.setOnFinished(e -> refresh());
    }

    // ---- building

    private Region controls() {
        kind.setId("trendKind");
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(StationKind k) {
                return k == null ? "" : Messages.get(k.messageKey());
            }

            @Override
            public StationKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                fillStations(b, List.of());
            }
        });
        stations.setId("trendStations");
        stations.setCellFactory(v -> new javafx.scene.control.cell.CheckBoxListCell<>(stations::getItemBooleanProperty,
                new StringConverter<>() {
                    @Override
                    public String toString(Station s) {
                        return s == null ? "" : s.name() + " (" + s.code() + ")";
                    }

                    @Override
                    public Station fromString(String s) {
                        return null;
                    }
                }));
        stations.getCheckModel().getCheckedItems().addListener((ListChangeListener<Station>) c -> {
            if (!updating) {
                loadParameters(List.of());
            }
        });
        parameters.setId("trendParameters");
        parameters.setCellFactory(v -> new javafx.scene.control.cell.CheckBoxListCell<>(parameters::getItemBooleanProperty,
                new StringConverter<>() {
                    @Override
                    public String toString(Parameter p) {
                        return p == null ? "" : TrendSeries.parameterName(p, Messages.locale()) + " (" + p.code() + ")";
                    }

                    @Override
                    public Parameter fromString(String s) {
                        return null;
                    }
                }));
        parameters.getCheckModel().getCheckedItems().addListener((ListChangeListener<Parameter>) c -> changed());
        from.setId("trendFrom");
        to.setId("trendTo");
        from.setPromptText(Messages.get("gui.trend.from_prompt"));
        to.setPromptText(Messages.get("gui.trend.to_prompt"));
        from.valueProperty().addListener((o, a, b) -> changed());
        to.valueProperty().addListener((o, a, b) -> changed());
        step.setId("trendStep");
        step.getItems().setAll(TrendStep.values());
        step.setValue(TrendStep.NATIVE);
        step.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrendStep s) {
                return s == null ? "" : Messages.get(s.messageKey());
            }

            @Override
            public TrendStep fromString(String s) {
                return null;
            }
        });
        step.setMaxWidth(Double.MAX_VALUE);
        step.valueProperty().addListener((o, a, b) -> changed());
        includeFlagged.setId("trendIncludeFlagged");
        includeFlagged.setTooltip(new Tooltip(Messages.get("gui.trend.include_flagged_tip")));
        includeFlagged.selectedProperty().addListener((o, a, b) -> changed());
        forecastOn.setId("trendForecast");
        forecastOn.setTooltip(new Tooltip(Messages.get("gui.trend.forecast_tip")));
        forecastOn.setSelected(true);
        forecastOn.selectedProperty().addListener((o, a, b) -> changed());
        horizon.setId("trendHorizon");
        horizon.setEditable(true);
        horizon.setPrefWidth(80);
        horizon.valueProperty().addListener((o, a, b) -> changed());
        Button update = new Button(Messages.get("gui.trend.update"));
        update.setId("trendUpdate");
        update.setDefaultButton(true);
        update.setOnAction(e -> refresh());
        update.setMaxWidth(Double.MAX_VALUE);
        GridPane period = new GridPane();
        period.setHgap(6);
        period.setVgap(4);
        period.addRow(0, new Label(Messages.get("gui.trend.from")), from);
        period.addRow(1, new Label(Messages.get("gui.trend.to")), to);
        GridPane fc = new GridPane();
        fc.setHgap(6);
        fc.addRow(0, forecastOn, horizon);
        Label note = new Label(Messages.get("gui.trend.rules_note"));
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        VBox box = new VBox(5, title("gui.trend.kind"), kind, title("gui.trend.stations"), stations,
                title("gui.trend.parameters"), parameters, title("gui.trend.period"), period, title("gui.trend.step"), step,
                includeFlagged, fc, update, note);
        VBox.setVgrow(stations, Priority.ALWAYS);
        VBox.setVgrow(parameters, Priority.SOMETIMES);
        stations.setPrefHeight(220);
        parameters.setPrefHeight(150);
        box.setPadding(new Insets(8));
        box.setPrefWidth(270);
        box.getStyleClass().add("left-panel");
        return box;
    }

    private static Label title(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("panel-title");
        return l;
    }

    private Region centre() {
        Button zoomIn = tool("chartZoomIn", "+", "gui.trend.zoom_in", chart::zoomIn);
        Button zoomOut = tool("chartZoomOut", "−", "gui.trend.zoom_out", chart::zoomOut);
        Button reset = tool("chartReset", Messages.get("gui.trend.reset"), "gui.trend.reset_tip", chart::resetZoom);
        Button png = tool("exportPng", "PNG…", "gui.trend.export_png", this::choosePng);
        Button svg = tool("exportSvg", "SVG…", "gui.trend.export_svg", this::chooseSvg);
        Button data = tool("exportData", Messages.get("gui.trend.data"), "gui.trend.export_data", this::chooseData);
        busy.setPrefSize(16, 16);
        busy.setVisible(false);
        status.setId("trendStatus");
        ToolBar bar = new ToolBar(zoomIn, zoomOut, reset, new Separator(Orientation.VERTICAL), png, svg, data,
                new Separator(Orientation.VERTICAL), busy, status);
        Tab series = new Tab(Messages.get("gui.trend.tab.series"), chart);
        series.setId("tabSeries");
        Tab box = new Tab(Messages.get("gui.trend.tab.box"), boxPlot);
        box.setId("tabBox");
        Tab cal = new Tab(Messages.get("gui.trend.tab.calendar"), calendar);
        cal.setId("tabCalendar");
        tabs.getTabs().setAll(List.of(series, box, cal));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("trendTabs");
        SplitPane split = new SplitPane(tabs, panel.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        VBox centre = new VBox(bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        return centre;
    }

    private static Button tool(String id, String text, String tipKey, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get(tipKey)));
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- opening

    /** Shows the window with these stations chosen (the first one's kind, its first parameter with a limit). */
    public CompletableFuture<Void> open(List<String> stationCodes) {
        stage.show();
        stage.toFront();
        return session.call(store -> new Object[]{store.stations().all(), store.parameters().all()})
                .thenAcceptAsync(r -> {
                    @SuppressWarnings("unchecked")
                    List<Station> all = (List<Station>) r[0];
                    @SuppressWarnings("unchecked")
                    Map<String, Parameter> cat = (Map<String, Parameter>) r[1];
                    allStations = all;
                    catalogue = cat;
                    Set<StationKind> kinds = new LinkedHashSet<>();
                    all.forEach(s -> kinds.add(s.kind()));
                    StationKind k = all.stream().filter(s -> stationCodes.contains(s.code())).map(Station::kind).findFirst()
                            .orElse(kinds.contains(StationKind.AIR) ? StationKind.AIR : kinds.stream().findFirst().orElse(null));
                    updating = true;
                    kind.getItems().setAll(kinds);
                    kind.setValue(k);
                    updating = false;
                    fillStations(k, stationCodes);
                }, Platform::runLater)
                .exceptionally(e -> {
                    Platform.runLater(() -> ErrorDialogs.show(stage, e));
                    return null;
                });
    }

    private void fillStations(StationKind k, List<String> checked) {
        updating = true;
        stations.getCheckModel().clearChecks();
        stations.getItems().setAll(allStations.stream().filter(s -> s.kind() == k).toList());
        for (Station s : stations.getItems()) {
            if (checked.contains(s.code())) {
                stations.getCheckModel().check(s);
            }
        }
        if (stations.getCheckModel().getCheckedItems().isEmpty() && !stations.getItems().isEmpty() && checked.isEmpty()) {
            stations.getCheckModel().check(0);
        }
        updating = false;
        stationsChosenTitle();
        loadParameters(List.of());
    }

    private void stationsChosenTitle() {
        List<Station> chosen = stations.getCheckModel().getCheckedItems();
        stage.setTitle(Messages.get("gui.trend.title") + (chosen.isEmpty() ? ""
                : " — " + String.join(", ", chosen.stream().map(Station::name).limit(4).toList())));
    }

    /** Lists the parameters the chosen stations have readings of, keeping checked ones checked. */
    private void loadParameters(List<String> prefer) {
        stationsChosenTitle();
        List<String> codes = stations.getCheckModel().getCheckedItems().stream().map(Station::code).toList();
        Set<String> keep = new LinkedHashSet<>(prefer);
        parameters.getCheckModel().getCheckedItems().forEach(p -> keep.add(p.code()));
        session.call(store -> {
            Set<String> present = new LinkedHashSet<>();
            for (String c : codes) {
                present.addAll(store.readings().latest(c).keySet());
            }
            return present;
        }).thenAcceptAsync(present -> {
            updating = true;
            List<Parameter> list = new ArrayList<>();
            for (Parameter p : catalogue.values()) {
                if (present.contains(p.code())) {
                    list.add(p);
                }
            }
            parameters.getCheckModel().clearChecks();
            parameters.getItems().setAll(list);
            boolean any = false;
            for (Parameter p : list) {
                if (keep.contains(p.code())) {
                    parameters.getCheckModel().check(p);
                    any = true;
                }
            }
            if (!any && !list.isEmpty()) {
                Parameter first = list.stream().filter(p -> TrendLoader.limitOf(p) != null).findFirst().orElse(list.get(0));
                parameters.getCheckModel().check(first);
            }
            updating = false;
            refresh();
        }, Platform::runLater).exceptionally(e -> {
            Platform.runLater(() -> ErrorDialogs.show(stage, e));
            return null;
        });
    }

    private void changed() {
        if (!updating) {
            debounce.playFromStart();
        }
    }

    // ---- loading and showing

    /** The query the controls describe. */
    public TrendQuery query() {
        return new TrendQuery(stations.getCheckModel().getCheckedItems().stream().map(Station::code).toList(),
                parameters.getCheckModel().getCheckedItems().stream().map(Parameter::code).toList(),
                from.getValue(), to.getValue(), step.getValue(), includeFlagged.isSelected(),
                forecastOn.isSelected() ? horizon.getValue() : 0);
    }

    /** Reads and shows what the controls describe; the future completes when it is shown. */
    public CompletableFuture<List<TrendSeries>> refresh() {
        debounce.stop();
        TrendQuery q = query();
        int gen = ++generation;
        if (q.stations().isEmpty() || q.parameters().isEmpty()) {
            show(List.of(), q);
            status.setText(Messages.get("gui.trend.choose"));
            loading = CompletableFuture.completedFuture(List.of());
            return loading;
        }
        busy.setVisible(true);
        status.setText(Messages.get("gui.trend.loading"));
        CompletableFuture<List<TrendSeries>> f = new CompletableFuture<>();
        loading = f;
        session.call(store -> TrendLoader.load(store, q, Progress.NONE)).whenCompleteAsync((list, e) -> {
            if (gen != generation) {
                f.complete(list);
                return;
            }
            busy.setVisible(false);
            if (e != null) {
                status.setText("");
                ErrorDialogs.show(stage, e);
                f.completeExceptionally(e);
                return;
            }
            show(list, q);
            f.complete(list);
        }, Platform::runLater);
        return f;
    }

    /** The load started last (tests wait for it). */
    public CompletableFuture<List<TrendSeries>> loading() {
        return loading;
    }

    private void show(List<TrendSeries> list, TrendQuery q) {
        shown = List.copyOf(list);
        Locale locale = Messages.locale();
        List<ChartSeries> lines = new ArrayList<>();
        Map<String, LimitLine> limits = new LinkedHashMap<>();
        ForecastBand band = null;
        ZoneId zone = list.isEmpty() ? ZoneId.of("Asia/Shanghai") : list.get(0).station().zone();
        for (int i = 0; i < list.size(); i++) {
            TrendSeries s = list.get(i);
            Color colour = PALETTE[i % PALETTE.length];
            List<ChartSeries.MissingPeriod> missing = new ArrayList<>();
            if (s.data().periods() != null && q.step() != TrendStep.HOURLY) {
                for (AggregateValue a : s.data().periods()) {
                    if (!a.isValid()) {
                        missing.add(new ChartSeries.MissingPeriod(a.start().atZone(s.station().zone()).toInstant().toEpochMilli(),
                                a.end().atZone(s.station().zone()).toInstant().toEpochMilli(), a.describeMissing(locale)));
                    }
                }
            }
            boolean mark = s.data().times().length <= 600;
            lines.add(new ChartSeries(s.label(locale), s.parameter().code(), s.unit(), colour, s.data().times(), s.data().values(),
                    s.data().flagged(), missing, mark));
            if (s.limit() != null) {
                limits.putIfAbsent(s.parameter().code(), s.limit());
            }
            if (i == 0 && s.outlook() != null) {
                band = band(s.outlook(), s.station().zone(), colour);
            }
        }
        chart.setData(lines, new ArrayList<>(limits.values()), band, zone);
        if (list.isEmpty()) {
            boxPlot.setData("", "", new double[12][], null, null);
            calendar.setData("", "", List.of(), new DayColouring.Ramp(0, 1));
        } else {
            TrendSeries first = list.get(0);
            showBoxPlot(first);
            showCalendar(first);
        }
        panel.show(list);
        status.setText(list.isEmpty() ? Messages.get("gui.trend.nothing") : Messages.get("gui.trend.shown", list.size(),
                Messages.get(q.step().messageKey())));
    }

    private static ForecastBand band(TrendReport.Outlook o, ZoneId zone, Color colour) {
        int n = o.forecasts().size();
        long[] t = new long[n];
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            LocalDateTime p = o.periods().get(i);
            t[i] = p.atZone(zone).toInstant().toEpochMilli();
            mean[i] = o.forecasts().get(i).mean();
            lo[i] = o.forecasts().get(i).lower();
            hi[i] = o.forecasts().get(i).upper();
        }
        return new ForecastBand(t, mean, lo, hi, o.exceedanceProbability().clone(), colour);
    }

    private void showBoxPlot(TrendSeries s) {
        List<double[]> byMonth = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            values.add(new ArrayList<>());
        }
        for (AggregateValue d : s.data().daily()) {
            if (d.isValid()) {
                values.get(d.start().getMonthValue() - 1).add(d.value());
            }
        }
        for (List<Double> v : values) {
            byMonth.add(v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        boxPlot.setData(Messages.get("gui.trend.box_title", s.label(Messages.locale())), s.unit(),
                byMonth.toArray(double[][]::new), s.limit(), PALETTE[0]);
    }

    private void showCalendar(TrendSeries s) {
        List<CalendarHeatMap.DayValue> days = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (AggregateValue d : s.data().daily()) {
            days.add(new CalendarHeatMap.DayValue(d.start().toLocalDate(), d.value(),
                    d.isValid() ? null : d.describeMissing(Messages.locale())));
            if (d.isValid()) {
                min = Math.min(min, d.value());
                max = Math.max(max, d.value());
            }
        }
        calendar.setData(Messages.get("gui.trend.calendar_title", s.label(Messages.locale())), s.unit(), days,
                DayColouring.forParameter(s.parameter().code(), min, max));
    }

    // ---- exports

    private ChartView currentChart() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        return i == 1 ? boxPlot : i == 2 ? calendar : chart;
    }

    private String baseName() {
        return shown.isEmpty() ? "trend" : shown.get(0).station().code() + "_" + shown.get(0).parameter().code();
    }

    private void choosePng() {
        Path p = dialogs.save(stage, Messages.get("gui.trend.export_png"), baseName() + ".png",
                List.of(new FileChooser.ExtensionFilter("PNG", "*.png")));
        if (p != null) {
            exportPng(p);
        }
    }

    private void chooseSvg() {
        Path p = dialogs.save(stage, Messages.get("gui.trend.export_svg"), baseName() + ".svg",
                List.of(new FileChooser.ExtensionFilter("SVG", "*.svg")));
        if (p != null) {
            exportSvg(p);
        }
    }

    private void chooseData() {
        Path p = dialogs.save(stage, Messages.get("gui.trend.export_data"), baseName() + ".csv",
                List.of(new FileChooser.ExtensionFilter("CSV", "*.csv"), new FileChooser.ExtensionFilter("Excel", "*.xlsx")));
        if (p != null) {
            exportData(p);
        }
    }

    /** Writes the chart of the open tab as PNG at twice its size (sharp in reports); the file is written in the background. */
    public CompletableFuture<Void> exportPng(Path file) {
        WritableImage image = currentChart().toImage(2);
        return written(CompletableFuture.runAsync(() -> ChartView.writePng(image, file)), file);
    }

    /** Writes the chart of the open tab as SVG. */
    public CompletableFuture<Void> exportSvg(Path file) {
        String svg = currentChart().toSvg();
        return written(CompletableFuture.runAsync(() -> SvgChartWriter.write(svg, file)), file);
    }

    /** Writes the values shown (every series at the chosen step, with flags and missing reasons) as CSV or XLSX. */
    public CompletableFuture<Void> exportData(Path file) {
        List<String> header = List.of(Messages.get("gui.trend.csv.station"), Messages.get("gui.trend.csv.station_name"),
                Messages.get("gui.trend.csv.parameter"), Messages.get("gui.trend.csv.unit"), Messages.get("gui.trend.csv.time"),
                Messages.get("gui.trend.csv.value"), Messages.get("gui.trend.csv.status"));
        List<Object[]> rows = new ArrayList<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        Locale locale = Messages.locale();
        for (TrendSeries s : shown) {
            ZoneId zone = s.station().zone();
            long[] t = s.data().times();
            double[] v = s.data().values();
            for (int i = 0; i < t.length; i++) {
                String state;
                if (s.data().periods() != null) {
                    AggregateValue a = s.data().periods().get(i);
                    state = a.isValid() ? Messages.get("gui.trend.csv.valid", a.count()) : a.describeMissing(locale);
                } else {
                    state = Double.isNaN(v[i]) ? Messages.get("gui.trend.csv.excluded") : "N";
                }
                rows.add(new Object[]{s.station().code(), s.station().name(), TrendSeries.parameterName(s.parameter(), locale),
                        s.unit(), f.format(Instant.ofEpochMilli(t[i]).atZone(zone)), v[i], state});
            }
            for (ChartSeries.FlaggedPoint p : s.data().flagged()) {
                rows.add(new Object[]{s.station().code(), s.station().name(), TrendSeries.parameterName(s.parameter(), locale),
                        s.unit(), f.format(Instant.ofEpochMilli(p.time()).atZone(zone)), p.value(),
                        p.flag().name() + " (" + Messages.get("gui.flag." + p.flag().name()) + ")"});
            }
        }
        return written(CompletableFuture.runAsync(() -> ChartDataExport.write(file, header, rows)), file);
    }

    private CompletableFuture<Void> written(CompletableFuture<Void> work, Path file) {
        return work.whenCompleteAsync((r, e) -> {
            if (e != null) {
                ErrorDialogs.show(stage, e);
            } else {
                status.setText(Messages.get("gui.trend.exported", file));
            }
        }, Platform::runLater);
    }

    // ---- for the window and tests

    public Stage stage() {
        return stage;
    }

    public SeriesChart chart() {
        return chart;
    }

    public MonthlyBoxPlot boxPlot() {
        return boxPlot;
    }

    public CalendarHeatMap calendar() {
        return calendar;
    }

    public TrendPanel panel() {
        return panel;
    }

    public TabPane tabs() {
        return tabs;
    }

    public ChoiceBox<TrendStep> step() {
        return step;
    }

    public CheckListView<Station> stations() {
        return stations;
    }

    public CheckListView<Parameter> parameters() {
        return parameters;
    }

    public List<TrendSeries> shown() {
        return shown;
    }

}
