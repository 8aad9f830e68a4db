package org.ecomonitor.gui.analysis;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.ecomonitor.analysis.layout.LayoutNotice;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.StudyArea;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.FileDialogs;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.gui.TaskProgress;
import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.RasterLayer;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.DistanceRasterExport;
import org.ecomonitor.io.PlannedPointsExport;
import org.ecomonitor.io.PlannedPointsLayer;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.FeatureTables;
import org.locationtech.jts.geom.Envelope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The layout wizard (Analysis > Point layout…): choose a method (HJ 640 noise grid, soil systematic grid, soil
 * stratified or county quotas, coverage, densification, network reduction, coverage check), its inputs from the
 * project ({@link LayoutInputsForm}) and its parameters ({@link LayoutParametersForm}); the plan is previewed on the
 * map while the wizard is open (planned points coloured by their part, the squares of a grid with the invalid ones
 * marked; for a check the distance raster) and again after every change ("live preview"), with its before/after
 * table ({@link MetricsTable}) and notices. "Add as layer" puts the plan on the map as a layer that can be edited
 * by hand ({@link PlannedPointsEditor}: move, add, delete, undo, metrics recomputed), then saved into the project
 * ({@link PlannedPointsLayer}) and exported for field teams ({@link PlannedPointsExport}: CSV, XLSX, GeoPackage,
 * KML, GPX, GeoJSON).
 */
public final class LayoutWizard extends Stage {

    static final String PREVIEW_POINTS = "layout_preview";
    static final String PREVIEW_CELLS = "layout_preview_cells";
    static final String PREVIEW_DISTANCE = "layout_preview_distance";
    static final String EDIT_POINTS = "planned_points";
    static final String EDIT_CELLS = "planned_cells";

    private final MainWindow window;
    private final FileDialogs files;
    private final ComboBox<LayoutMethod> method = NoiseMapForm.combo(List.of(LayoutMethod.values()), LayoutMethod::title);
    private final LayoutInputsForm inputs = new LayoutInputsForm();
    private final LayoutParametersForm parameters = new LayoutParametersForm();
    private final MetricsTable metrics = new MetricsTable();
    private final ListView<String> notices = new ListView<>();
    private final TabPane tabs = new TabPane();
    private final Tab editTab;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final CheckBox live = new CheckBox(Messages.get("gui.layout.live"));
    private final Button preview = new Button(Messages.get("gui.layout.preview"));
    private final Button addLayer = new Button(Messages.get("gui.layout.add_layer"));
    private final Button export = new Button(Messages.get("gui.layout.export"));
    private final Button cancel = new Button(Messages.get("gui.cancel"));
    private final Button close = new Button(Messages.get("gui.analysis.close"));
    private final ToggleButton moveMode = new ToggleButton(Messages.get("gui.layout.edit.move"));
    private final ToggleButton addMode = new ToggleButton(Messages.get("gui.layout.edit.add"));
    private final ToggleButton deleteMode = new ToggleButton(Messages.get("gui.layout.edit.delete"));
    private final Button undo = new Button(Messages.get("gui.layout.edit.undo"));
    private final TextField layerName = new TextField();
    private final Button save = new Button(Messages.get("gui.layout.save"));
    private final Button finish = new Button(Messages.get("gui.layout.finish"));
    private final Label editHelp = new Label(Messages.get("gui.layout.edit.help"));
    private final PauseTransition livePause = new PauseTransition(Duration.millis(600));
    private LayoutSetup.Spec setupSpec;
    private Path setupProject;
    private LayoutSetup setup;
    private LayoutParametersForm.Outcome outcome;
    private TaskProgress running;
    private boolean pendingPreview;
    private boolean zoomed;
    private PlannedPointsEditor editor;
    private String savedTable;
    /** Ends editing when the edited layer leaves the map (removed in the tree, another project opened). */
    private final javafx.collections.ListChangeListener<VectorLayer> editedLayerGone = this::layersChanged;

    public LayoutWizard(MainWindow window, FileDialogs files) {
        this.window = window;
        this.files = files;
        initOwner(window.stage());
        initModality(Modality.NONE);
        setTitle(Messages.get("gui.layout.title"));
        method.setId("layoutMethod");
        method.setValue(LayoutMethod.HJ640_GRID);
        notices.setId("layoutNotices");
        notices.setPrefHeight(70);
        progress.setId("layoutProgress");
        status.setId("layoutStatus");
        live.setId("layoutLive");
        preview.setId("layoutPreview");
        addLayer.setId("layoutAddLayer");
        export.setId("layoutExport");
        cancel.setId("layoutCancel");
        close.setId("layoutClose");
        moveMode.setId("layoutEditMove");
        addMode.setId("layoutEditAdd");
        deleteMode.setId("layoutEditDelete");
        undo.setId("layoutUndo");
        layerName.setId("layoutLayerName");
        save.setId("layoutSave");
        finish.setId("layoutFinish");
        live.setSelected(true);
        editHelp.setWrapText(true);

        Tab inputsTab = new Tab(Messages.get("gui.layout.tab.inputs"), inputs.node());
        Tab paramsTab = new Tab(Messages.get("gui.layout.tab.parameters"), parameters.node());
        editTab = new Tab(Messages.get("gui.layout.tab.edit"), editPane());
        editTab.setDisable(true);
        tabs.getTabs().setAll(inputsTab, paramsTab, editTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("layoutTabs");
        tabs.setPrefHeight(290);

        method.valueProperty().addListener((o, a, m) -> {
            parameters.show(m);
            layerName.setPromptText(defaultLayerName(m));
        });
        layerName.setPromptText(defaultLayerName(method.getValue()));
        preview.setOnAction(e -> preview(true));
        addLayer.setOnAction(e -> addAsLayer());
        export.setOnAction(e -> chooseExport());
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        close.setOnAction(e -> close());
        livePause.setOnFinished(e -> preview(false));
        watch();

        Label methodLabel = new Label(Messages.get("gui.layout.method"));
        HBox top = new HBox(8, methodLabel, method);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 10, 4, 10));
        Label metricsTitle = new Label(Messages.get("gui.layout.metrics"));
        metricsTitle.getStyleClass().add("form-section");
        Label noticesTitle = new Label(Messages.get("gui.layout.notices"));
        noticesTitle.getStyleClass().add("form-section");
        VBox results = new VBox(4, metricsTitle, metrics.node(), noticesTitle, notices);
        results.setPadding(new Insets(4, 10, 4, 10));
        VBox.setVgrow(metrics.node(), Priority.ALWAYS);
        VBox centre = new VBox(tabs, results);
        VBox.setVgrow(results, Priority.ALWAYS);
        progress.setPrefWidth(160);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox progressRow = new HBox(8, progress, status, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(8, live, spring, preview, addLayer, export, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, progressRow, buttons);
        bottom.setPadding(new Insets(6, 10, 10, 10));
        BorderPane root = new BorderPane(centre);
        root.setTop(top);
        root.setBottom(bottom);
        root.getStyleClass().add("dialog-body");
        root.setId("layoutWizard");
        setScene(new Scene(root, 620, 720));
        if (window.stage().getScene() != null) {
            getScene().getStylesheets().setAll(window.stage().getScene().getStylesheets());
            root.setStyle(window.stage().getScene().getRoot().getStyle());
        }
        setOnHidden(e -> closed());
        updateButtons();
        loadLayers();
    }

    private Node editPane() {
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton b : new ToggleButton[]{moveMode, addMode, deleteMode}) {
            b.setToggleGroup(group);
        }
        moveMode.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else if (editor != null) {
                editor.modeProperty().set(b == addMode ? PlannedPointsEditor.Mode.ADD
                        : b == deleteMode ? PlannedPointsEditor.Mode.DELETE : PlannedPointsEditor.Mode.MOVE);
            }
        });
        undo.setOnAction(e -> {
            if (editor != null) {
                editor.undo();
            }
        });
        save.setOnAction(e -> saveToProject());
        finish.setOnAction(e -> finishEditing());
        layerName.setPrefColumnCount(18);
        HBox modes = new HBox(6, moveMode, addMode, deleteMode, undo);
        HBox saving = new HBox(8, new Label(Messages.get("gui.layout.layer_name")), layerName, save, finish);
        saving.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, editHelp, modes, saving);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Live preview: any change of the method, inputs or parameters previews again after a short pause. */
    private void watch() {
        List<ObservableValue<?>> values = new ArrayList<>();
        values.add(method.valueProperty());
        for (Object f : new Object[]{inputs.area, inputs.where, inputs.exclusions, inputs.zones, inputs.zoneField,
            inputs.existing, inputs.existingWhere, inputs.valueField, parameters.cell, parameters.maxExcluded,
            parameters.gridPlacement, parameters.prefix, parameters.count, parameters.removeCount, parameters.minPerZone,
            parameters.zonePlacement, parameters.quotas, parameters.restarts, parameters.minSpacing, parameters.variogram,
            parameters.shape, parameters.log, parameters.densifyCriterion, parameters.reduceCriterion, parameters.seed,
            parameters.evaluationCells}) {
            if (f instanceof TextField t) {
                values.add(t.textProperty());
            } else if (f instanceof ComboBox<?> c) {
                values.add(c.valueProperty());
            } else if (f instanceof CheckBox c) {
                values.add(c.selectedProperty());
            }
        }
        for (ObservableValue<?> v : values) {
            v.addListener((o, a, b) -> changed());
        }
        live.selectedProperty().addListener((o, a, b) -> changed());
    }

    private void changed() {
        if (live.isSelected() && editor == null && isShowing()) {
            livePause.playFromStart();
        }
    }

    /** Reads the project's layers and station kinds for the inputs, then previews (live). */
    public CompletableFuture<Void> loadLayers() {
        zoomed = false;
        if (window.session() == null) {
            return CompletableFuture.completedFuture(null);
        }
        record Layers(List<String> polygons, List<String> points, Set<StationKind> kinds) {
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        window.session().call(store -> {
            List<String> polygons = new ArrayList<>(), points = new ArrayList<>();
            for (LayerInfo i : store.features().list()) {
                if (i.table().equals(VectorLayer.STATIONS)) {
                    continue;
                }
                GeometryFamily f = GeometryFamily.of(i.geometryType());
                if (f == GeometryFamily.POLYGON) {
                    polygons.add(i.table());
                } else if (f == GeometryFamily.POINT) {
                    points.add(i.table());
                }
            }
            Set<StationKind> kinds = EnumSet.noneOf(StationKind.class);
            for (StationKind k : StationKind.values()) {
                if (!store.stations().ofKind(k).isEmpty()) {
                    kinds.add(k);
                }
            }
            return new Layers(polygons, points, kinds);
        }).whenComplete((l, e) -> javafx.application.Platform.runLater(() -> {
            if (l != null) {
                inputs.setLayers(l.polygons(), l.points(), l.kinds());
            }
            done.complete(null);
            changed();
        }));
        return done;
    }

    // ---- preview

    /**
     * Runs the chosen method and shows its plan on the map. {@code explicit}: asked by the Preview button (a
     * failure shows a dialog; a live preview only writes it under the progress bar).
     */
    public CompletableFuture<LayoutParametersForm.Outcome> preview(boolean explicit) {
        livePause.stop();
        if (editor != null) {
            return CompletableFuture.completedFuture(outcome);
        }
        if (running != null) {
            pendingPreview = true;
            running.cancel();
            return CompletableFuture.completedFuture(null);
        }
        LayoutMethod m = method.getValue();
        LayoutSetup.Spec spec;
        LayoutParametersForm.Values values;
        try {
            spec = inputs.spec();
            values = parameters.read(m);
        } catch (RuntimeException e) {
            status.setText(ErrorDialogs.message(e));
            if (explicit) {
                ErrorDialogs.show(this, e);
            }
            return CompletableFuture.failedFuture(e);
        }
        if (window.session() == null) {
            return CompletableFuture.completedFuture(null);
        }
        Path project = window.session().path();
        CompletableFuture<LayoutSetup> read = spec.equals(setupSpec) && project.equals(setupProject) && setup != null
                ? CompletableFuture.completedFuture(setup)
                : window.session().call(store -> LayoutSetup.load(store, spec));
        TaskProgress p = new TaskProgress(Messages.get("gui.layout.running", m.title()));
        begin(p);
        return BackgroundWork.storeThenCompute(window, p, read, s -> values.run(s, p)).whenComplete((o, e) -> {
            end();
            if (e != null) {
                if (ErrorDialogs.isCancellation(e)) {
                    status.setText(Messages.get("gui.layout.cancelled"));
                } else {
                    status.setText(ErrorDialogs.message(e));
                    if (explicit) {
                        ErrorDialogs.show(this, e);
                    }
                }
            } else {
                setupSpec = spec;
                setupProject = project;
                setup = o.setup();
                show(o);
            }
            if (pendingPreview) {
                pendingPreview = false;
                preview(false);
            }
        });
    }

    private void begin(TaskProgress p) {
        running = p;
        progress.progressProperty().bind(p.fractionProperty());
        status.textProperty().bind(p.textProperty());
        updateButtons();
    }

    private void end() {
        running = null;
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        progress.setProgress(0);
        status.setText("");
        updateButtons();
    }

    private void show(LayoutParametersForm.Outcome o) {
        outcome = o;
        removePreview();
        notices.getItems().clear();
        if (o.plan() != null) {
            LayoutPlan plan = o.plan();
            metrics.show(plan, false);
            notices.getItems().setAll(plan.notices().stream().map(LayoutNotice::message).toList());
            VectorLayer cells = PlanLayers.cells(PREVIEW_CELLS, Messages.get("gui.layout.preview_cells"), plan);
            if (cells != null) {
                window.layers().addSession(cells);
            }
            window.layers().addSession(PlanLayers.points(PREVIEW_POINTS, Messages.get("gui.layout.preview_points"), plan));
            status.setText(Messages.get("gui.layout.previewed", o.method().title(), plan.added().size(),
                    plan.points().size() - plan.added().size()));
        } else {
            metrics.show(o.report());
            window.layers().addRaster(PlanLayers.distance(PREVIEW_DISTANCE, o.report().raster(), o.setup().area().epsg()));
            List<org.ecomonitor.analysis.layout.PlannedPoint> existing = existingPoints(o);
            if (!existing.isEmpty()) {
                LayoutPlan points = new LayoutPlan("check", Map.of(), o.setup().area().epsg(), existing,
                        o.report().metrics(), o.report().metrics(), List.of(), List.of());
                window.layers().addSession(PlanLayers.points(PREVIEW_POINTS, Messages.get("gui.layout.preview_points"), points));
            }
            status.setText(Messages.get(o.report().satisfied() ? "gui.layout.check.passed" : "gui.layout.check.failed",
                    o.report().failing().size()));
        }
        if (!zoomed) {
            zoomed = true;
            window.mapPane().zoomTo(lonLat(o.setup().area()));
        }
        updateButtons();
    }

    /** A check's existing points as planned points (for the preview). */
    private static List<org.ecomonitor.analysis.layout.PlannedPoint> existingPoints(LayoutParametersForm.Outcome o) {
        var projection = org.ecomonitor.analysis.layout.LayoutProjection.of(o.setup().area().epsg());
        List<org.ecomonitor.analysis.layout.PlannedPoint> list = new ArrayList<>();
        for (var s : o.setup().fixed()) {
            double[] ll = projection.toLonLat(s.x(), s.y());
            list.add(new org.ecomonitor.analysis.layout.PlannedPoint(s.id(), s.x(), s.y(), ll[0], ll[1],
                    org.ecomonitor.analysis.layout.PointStatus.EXISTING, s.zone(), Map.of()));
        }
        return list;
    }

    private static Envelope lonLat(StudyArea area) {
        var projection = org.ecomonitor.analysis.layout.LayoutProjection.of(area.epsg());
        return projection.toLonLat(area.area()).getEnvelopeInternal();
    }

    private void removePreview() {
        window.layers().others().removeIf(l -> l.isSession()
                && (l.id().equals("session_" + PREVIEW_POINTS) || l.id().equals("session_" + PREVIEW_CELLS)));
        window.layers().rasters().removeIf(r -> r.id().equals(PREVIEW_DISTANCE));
    }

    private void updateButtons() {
        boolean busy = running != null;
        boolean editing = editor != null;
        cancel.setDisable(!busy);
        preview.setDisable(busy || editing);
        method.setDisable(editing);
        addLayer.setDisable(busy || editing || outcome == null);
        export.setDisable(busy || (outcome == null && editor == null));
        undo.setDisable(!editing || !editor.plan().canUndo());
        save.setDisable(!editing || busy);
        finish.setDisable(!editing);
    }

    // ---- the plan as an editable layer

    /** Puts the previewed plan on the map as an editable layer (a check: its distance raster as a layer). */
    public void addAsLayer() {
        LayoutParametersForm.Outcome o = outcome;
        if (o == null) {
            return;
        }
        if (o.plan() == null) {
            RasterLayer r = PlanLayers.distance("layout_check_distance", o.report().raster(), o.setup().area().epsg());
            removePreview();
            window.layers().addRaster(r);
            status.setText(Messages.get("gui.layout.distance_added"));
            return;
        }
        removePreview();
        LayoutPlan plan = o.plan();
        VectorLayer points = PlanLayers.points(EDIT_POINTS, Messages.get("gui.layout.edit_layer"), plan);
        VectorLayer cells = PlanLayers.cells(EDIT_CELLS, Messages.get("gui.layout.edit_cells"), plan);
        window.layers().others().removeIf(l -> l.id().equals("session_" + EDIT_CELLS));
        if (cells != null) {
            window.layers().addSession(cells);
        }
        window.layers().addSession(points);
        EditablePlan editable = new EditablePlan(plan, o.setup().area(), o.setup().fixed());
        editor = new PlannedPointsEditor(window, editable, points, o.model(), o.evaluationCells());
        editor.onMessage(t -> {
            status.setText(t);
            window.status().showMessage(t);
        });
        editor.onChange(() -> {
            metrics.show(editor.plan().toPlan(editor.afterProperty().get()), editor.plan().edits() > 0);
            updateButtons();
        });
        editor.modeProperty().set(PlannedPointsEditor.Mode.MOVE);
        moveMode.setSelected(true);
        editor.start(getScene());
        window.layers().others().addListener(editedLayerGone);
        savedTable = null;
        editTab.setDisable(false);
        tabs.getSelectionModel().select(editTab);
        metrics.show(plan, false);
        status.setText(Messages.get("gui.layout.editing", plan.points().size()));
        updateButtons();
    }

    /** Saves the plan as edited into the project (a layout layer and, for grids, its squares). */
    public CompletableFuture<String> saveToProject() {
        if (editor == null) {
            return CompletableFuture.completedFuture(null);
        }
        String name = FeatureTables.tableName(layerName.getText() == null || layerName.getText().isBlank()
                ? defaultLayerName(outcome.method()) : layerName.getText().trim());
        TaskProgress p = new TaskProgress(Messages.get("gui.layout.saving"));
        begin(p);
        CompletableFuture<String> f = editor.currentPlan().thenCompose(plan ->
                BackgroundWork.onStore(window, p, store -> PlannedPointsLayer.save(store, plan, name)));
        return f.whenComplete((table, e) -> {
            end();
            if (e != null) {
                ErrorDialogs.show(this, e);
                return;
            }
            savedTable = table;
            window.styles().save(table, PlanLayers.pointStyle("status", true));
            Map<String, Color> valid = new LinkedHashMap<>();
            valid.put("1", Color.web("#2ca02c18"));
            valid.put("0", Color.web("#d6272870"));
            window.styles().save(table + "_cells", LayerStyle.defaultFor(GeometryFamily.POLYGON)
                    .withStroke(Color.web("#4d4d4d")).withStrokeWidth(0.6).withCategories("valid", valid));
            // the saved copy stays hidden while the editing layer shows the same points
            window.reloadLayers(false).thenRun(() -> javafx.application.Platform.runLater(() -> {
                if (editor != null) {
                    hideStored(table, false);
                }
            }));
            status.setText(Messages.get("gui.layout.saved", table));
        });
    }

    private void layersChanged(javafx.collections.ListChangeListener.Change<? extends VectorLayer> c) {
        if (editor != null && !window.layers().others().contains(editor.layer())) {
            javafx.application.Platform.runLater(this::finishEditing);
        }
    }

    private void hideStored(String table, boolean visible) {
        window.layers().byId(table).ifPresent(l -> l.setVisible(visible));
        window.layers().byId(table + "_cells").ifPresent(l -> l.setVisible(visible));
    }

    /** Ends editing: the map gets its tools back; a saved plan is shown from the project instead. */
    public void finishEditing() {
        if (editor == null) {
            return;
        }
        editor.stop();
        window.layers().others().removeListener(editedLayerGone);
        editor = null;
        if (savedTable != null) {
            window.layers().others().removeIf(l -> l.id().equals("session_" + EDIT_POINTS)
                    || l.id().equals("session_" + EDIT_CELLS));
            hideStored(savedTable, true);
        }
        editTab.setDisable(true);
        tabs.getSelectionModel().select(0);
        status.setText(Messages.get("gui.layout.finished"));
        updateButtons();
    }

    private void closed() {
        livePause.stop();
        if (running != null) {
            running.cancel();
        }
        if (editor != null) {
            finishEditing();
        }
        removePreview();
    }

    // ---- export

    private void chooseExport() {
        LayoutParametersForm.Outcome o = outcome;
        if (o == null && editor == null) {
            return;
        }
        if (editor == null && o.plan() == null) {
            Path file = files.save(this, Messages.get("gui.layout.export"), "distance_to_nearest.asc",
                    List.of(new FileChooser.ExtensionFilter("Esri ASCII grid", "*.asc")));
            if (file != null) {
                TaskProgress p = new TaskProgress(Messages.get("gui.layout.exporting"));
                BackgroundWork.compute(window, p, () -> {
                    DistanceRasterExport.write(o.report().raster(), o.setup().area().epsg(), file);
                    return file;
                }).whenComplete((f, e) -> exported(f, e));
            }
            return;
        }
        Path file = files.save(this, Messages.get("gui.layout.export"), "planned_points.csv", List.of(
                new FileChooser.ExtensionFilter("CSV (UTF-8)", "*.csv"),
                new FileChooser.ExtensionFilter("Excel", "*.xlsx"),
                new FileChooser.ExtensionFilter("GeoPackage", "*.gpkg"),
                new FileChooser.ExtensionFilter("KML", "*.kml"),
                new FileChooser.ExtensionFilter("GPX", "*.gpx"),
                new FileChooser.ExtensionFilter("GeoJSON", "*.geojson")));
        if (file != null) {
            exportTo(file);
        }
    }

    /** Writes the plan (as edited, when editing) to a file; the format from the extension. */
    public CompletableFuture<Path> exportTo(Path file) {
        CompletableFuture<LayoutPlan> plan = editor != null ? editor.currentPlan()
                : CompletableFuture.completedFuture(outcome.plan());
        TaskProgress p = new TaskProgress(Messages.get("gui.layout.exporting"));
        return plan.thenCompose(pl -> BackgroundWork.compute(window, p, () -> {
            PlannedPointsExport.write(pl, file);
            return file;
        })).whenComplete(this::exported);
    }

    private void exported(Path f, Throwable e) {
        if (e != null) {
            ErrorDialogs.show(this, e);
        } else {
            status.setText(Messages.get("gui.layout.exported", f));
        }
    }

    static String defaultLayerName(LayoutMethod m) {
        return switch (m) {
            case HJ640_GRID -> "noise_grid_points";
            case SOIL_SYSTEMATIC -> "soil_grid_points";
            case SOIL_STRATIFIED, SOIL_QUOTAS -> "soil_points";
            case COVERAGE -> "coverage_points";
            case DENSIFY -> "densified_points";
            case REDUCE -> "reduced_network";
            case CHECK -> "checked_network";
        };
    }

    // ---- for tests

    ComboBox<LayoutMethod> methodChoice() {
        return method;
    }

    LayoutInputsForm inputs() {
        return inputs;
    }

    LayoutParametersForm parameters() {
        return parameters;
    }

    MetricsTable metrics() {
        return metrics;
    }

    PlannedPointsEditor editor() {
        return editor;
    }

    LayoutParametersForm.Outcome outcome() {
        return outcome;
    }

    public boolean isRunning() {
        return running != null;
    }

    CheckBox live() {
        return live;
    }
}
