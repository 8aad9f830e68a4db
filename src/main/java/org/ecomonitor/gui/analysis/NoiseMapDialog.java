package org.ecomonitor.gui.analysis;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.ecomonitor.analysis.noisemap.BandClassification;
import org.ecomonitor.analysis.noisemap.FittedInterpolation;
import org.ecomonitor.analysis.noisemap.InterpolationSettings;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.FileDialogs;
import org.ecomonitor.gui.MainWindow;
import org.ecomonitor.gui.TaskProgress;
import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.RasterLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.noisemap.MapPoints;
import org.ecomonitor.io.noisemap.NoiseMapExport;
import org.ecomonitor.io.noisemap.NoiseMapRequest;
import org.ecomonitor.io.noisemap.NoiseMapResult;
import org.ecomonitor.io.noisemap.NoiseMapService;
import org.ecomonitor.io.noisemap.NoiseMapStore;
import org.ecomonitor.io.noisemap.StationSelection;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The noise-map tool (Analysis > Noise map…): the parameters ({@link NoiseMapForm}), an "Auto" button that lets
 * cross-validation choose the method and fills it in, a "Fit" button that shows the variogram and the
 * cross-validation before anything is mapped ({@link VariogramPane}), and "Run", which maps in the background
 * with progress and cancel (here and in the status bar). The map appears as a raster layer coloured by its band
 * classes, with its legend, and, for kriging, the kriging variance as a second raster; the results tab shows
 * the HJ 640-2012 grade and the GB 3096-2008 zone shares ({@link NoiseMapResultsPane}) and exports the map or
 * saves it into the project (bands and lines layers, styled with the band colours).
 * <p>
 * The store is used on the project's thread only; a fit is kept and reused by "Run" while the points and
 * the method stay the same, so "Fit" then "Run" fits once.
 */
public final class NoiseMapDialog extends Stage {

    /** A fit and what it was made from. */
    private record Fitted(Path project, StationSelection selection, InterpolationSettings settings, MapPoints points,
                          FittedInterpolation fit) {
    }

    private final MainWindow window;
    private final FileDialogs files;
    private final NoiseMapService service = new NoiseMapService();
    private final NoiseMapForm form = new NoiseMapForm();
    private final VariogramPane variogram = new VariogramPane();
    private final NoiseMapResultsPane results = new NoiseMapResultsPane();
    private final TabPane tabs = new TabPane();
    private final Tab resultsTab;
    private final Tab variogramTab;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Button auto = new Button(Messages.get("gui.noise.auto"));
    private final Button fit = new Button(Messages.get("gui.noise.fit"));
    private final Button run = new Button(Messages.get("gui.noise.run"));
    private final Button cancel = new Button(Messages.get("gui.cancel"));
    private final Button close = new Button(Messages.get("gui.analysis.close"));
    private volatile Fitted fitted;
    private TaskProgress running;
    private NoiseMapResult result;
    private String resultName;

    public NoiseMapDialog(MainWindow window, FileDialogs files) {
        this.window = window;
        this.files = files;
        initOwner(window.stage());
        initModality(Modality.NONE);
        setTitle(Messages.get("gui.noise.title"));
        Tab params = new Tab(Messages.get("gui.noise.tab.parameters"), form.node());
        variogramTab = new Tab(Messages.get("gui.noise.tab.variogram"), variogram.node());
        resultsTab = new Tab(Messages.get("gui.noise.tab.results"), results.node());
        tabs.getTabs().setAll(params, variogramTab, resultsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("noiseTabs");

        auto.setId("noiseAuto");
        fit.setId("noiseFit");
        run.setId("noiseRun");
        cancel.setId("noiseCancel");
        close.setId("noiseClose");
        progress.setId("noiseProgress");
        status.setId("noiseStatus");
        auto.setTooltip(new javafx.scene.control.Tooltip(Messages.get("gui.noise.auto.tip")));
        fit.setTooltip(new javafx.scene.control.Tooltip(Messages.get("gui.noise.fit.tip")));
        run.setDefaultButton(true);
        auto.setOnAction(e -> autoChoose());
        fit.setOnAction(e -> fitOnly());
        run.setOnAction(e -> runMap());
        cancel.setOnAction(e -> cancelRunning());
        close.setOnAction(e -> close());
        cancel.setDisable(true);
        results.exportTif.setOnAction(e -> export("tif"));
        results.exportPng.setOnAction(e -> export("png"));
        results.exportAsc.setOnAction(e -> export("asc"));
        results.exportBands.setOnAction(e -> export("gpkg"));
        results.exportVariance.setOnAction(e -> export("variance"));
        results.exportCv.setOnAction(e -> export("cv"));
        results.exportVariogram.setOnAction(e -> export("variogram"));
        results.save.setOnAction(e -> saveToProject());

        progress.setPrefWidth(180);
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox progressRow = new HBox(8, progress, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, auto, fit, spring, run, cancel, close);
        VBox bottom = new VBox(6, progressRow, buttons);
        bottom.setPadding(new Insets(8, 10, 10, 10));
        BorderPane root = new BorderPane(tabs);
        root.setBottom(bottom);
        root.getStyleClass().add("dialog-body");
        root.setId("noiseMapDialog");
        setScene(new Scene(root, 640, 700));
        if (window.stage().getScene() != null) {
            getScene().getStylesheets().setAll(window.stage().getScene().getStylesheets());
            root.setStyle(window.stage().getScene().getRoot().getStyle());
        }
        setOnHidden(e -> cancelRunning());
        loadLayers();
    }

    /** Reads the project's polygon layers for the clip and zone choices. */
    public CompletableFuture<Void> loadLayers() {
        if (window.session() == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        window.session().call(store -> store.features().list().stream()
                        .filter(i -> org.ecomonitor.gui.map.GeometryFamily.of(i.geometryType()) == GeometryFamily.POLYGON)
                        .map(LayerInfo::table).toList())
                .whenComplete((tables, e) -> javafx.application.Platform.runLater(() -> {
                    if (tables != null) {
                        form.setPolygonLayers(tables);
                    }
                    done.complete(null);
                }));
        return done;
    }

    // ---- the three actions

    /** Lets cross-validation choose the method (seven candidates), then fills the method in. */
    public CompletableFuture<FittedInterpolation> autoChoose() {
        StationSelection selection;
        InterpolationSettings settings;
        try {
            selection = form.selection();
            settings = form.settings().withMethod(InterpolationSettings.Method.AUTO).withCrossValidation(true);
        } catch (RuntimeException e) {
            ErrorDialogs.show(this, e);
            return CompletableFuture.failedFuture(e);
        }
        return fit(Messages.get("gui.noise.auto.running"), selection, settings).thenApply(f -> {
            form.fillFrom(f.fit());
            // the winner is the fit "Run" would make with the filled-in method: keep it for the run
            try {
                fitted = new Fitted(f.project(), selection, form.settings(), f.points(), f.fit());
            } catch (RuntimeException ignored) {
                // a field the user cannot have broken; the next run fits again
            }
            variogram.show(f.fit());
            tabs.getSelectionModel().select(variogramTab);
            status.setText(Messages.get("gui.noise.auto.done", f.fit().choice().best().label(),
                    ClassRamp.number(f.fit().choice().best().rmse())));
            return f.fit();
        });
    }

    /** Fits the chosen method and shows the variogram and the cross-validation, without mapping. */
    public CompletableFuture<FittedInterpolation> fitOnly() {
        StationSelection selection;
        InterpolationSettings settings;
        try {
            selection = form.selection();
            settings = form.settings();
        } catch (RuntimeException e) {
            ErrorDialogs.show(this, e);
            return CompletableFuture.failedFuture(e);
        }
        return fit(Messages.get("gui.noise.fit.running"), selection, settings).thenApply(f -> {
            form.fillFrom(f.fit());
            variogram.show(f.fit());
            tabs.getSelectionModel().select(variogramTab);
            status.setText(Messages.get("gui.noise.fit.done", f.fit().description()));
            return f.fit();
        });
    }

    private CompletableFuture<Fitted> fit(String title, StationSelection selection, InterpolationSettings settings) {
        Fitted cache = fitted;
        Path project = window.session() == null ? null : window.session().path();
        return start(title, (store, p) -> {
            if (cache != null && cache.project().equals(project) && cache.selection().equals(selection)
                    && cache.settings().equals(settings)) {
                return cache;
            }
            MapPoints points = cache != null && cache.project().equals(project) && cache.selection().equals(selection)
                    ? cache.points() : service.points(store, selection, null, p);
            return new Fitted(project, selection, settings, points, service.fit(points, settings, p));
        }).thenApply(f -> {
            fitted = f;
            return f;
        });
    }

    /** Makes the map: reuses the last fit when nothing it depends on changed, then grids, clips, grades. */
    public CompletableFuture<NoiseMapResult> runMap() {
        NoiseMapRequest request;
        String name;
        try {
            request = form.request();
            name = form.mapName();
        } catch (RuntimeException e) {
            ErrorDialogs.show(this, e);
            return CompletableFuture.failedFuture(e);
        }
        Fitted cache = fitted;
        Path project = window.session() == null ? null : window.session().path();
        boolean wantVariance = form.showVariance.isSelected();
        boolean wantBands = form.showBands.isSelected();
        boolean wantLines = form.showLines.isSelected();
        return start(Messages.get("gui.noise.run.running"), (store, p) -> {
            Fitted f = cache;
            if (f == null || !f.project().equals(project) || !f.selection().equals(request.selection())
                    || !f.settings().equals(request.interpolation())) {
                MapPoints points = service.points(store, request.selection(), request.workingCrs(), p);
                f = new Fitted(project, request.selection(), request.interpolation(), points,
                        service.fit(points, request.interpolation(), p));
            }
            NoiseMapResult r = service.map(f.points(), f.fit(), request, store, p);
            return new Object[]{f, r};
        }).thenApply(pair -> {
            fitted = (Fitted) pair[0];
            NoiseMapResult r = (NoiseMapResult) pair[1];
            show(r, name, wantVariance, wantBands, wantLines);
            return r;
        });
    }

    private void show(NoiseMapResult r, String name, boolean wantVariance, boolean wantBands, boolean wantLines) {
        boolean first = window.layers().rasters().stream().noneMatch(l -> l.id().equals(name));
        result = r;
        resultName = name;
        variogram.show(r.method());
        results.show(r, name);
        RasterLayer values = NoiseMapLayers.values(r, name);
        RasterLayer variance = wantVariance ? NoiseMapLayers.variance(r, name) : null;
        window.layers().rasters().removeIf(l -> l.id().equals(name + "_variance"));
        if (variance != null) {
            variance.setVisible(false);
            window.layers().addRaster(variance);
        }
        window.layers().addRaster(values);
        window.layers().others().removeIf(l -> l.isSession()
                && (l.id().equals("session_" + name + "_bands") || l.id().equals("session_" + name + "_lines")));
        if (wantBands) {
            window.layers().addSession(NoiseMapLayers.bands(r, name));
        }
        if (wantLines) {
            window.layers().addSession(NoiseMapLayers.lines(r, name));
        }
        if (first) {
            window.mapPane().zoomTo(values.lonLatExtent());
        }
        tabs.getSelectionModel().select(resultsTab);
        status.setText(Messages.get(variance == null ? "gui.noise.run.done" : "gui.noise.run.done_variance",
                name, r.validCells()));
    }

    /** Stops the running fit or map at its next check. */
    public void cancelRunning() {
        if (running != null) {
            running.cancel();
            status.textProperty().unbind();
            status.setText(Messages.get("gui.status.cancelling"));
        }
    }

    // ---- export and save

    private void export(String what) {
        NoiseMapResult r = result;
        if (r == null) {
            return;
        }
        String base = resultName;
        record Target(String suffix, String filter, String pattern) {
        }
        Target t = switch (what) {
            case "tif" -> new Target(".tif", "GeoTIFF", "*.tif");
            case "png" -> new Target(".png", "PNG", "*.png");
            case "asc" -> new Target(".asc", "Esri ASCII grid", "*.asc");
            case "gpkg" -> new Target("_bands.gpkg", "GeoPackage", "*.gpkg");
            case "variance" -> new Target("_variance.tif", "GeoTIFF", "*.tif");
            case "cv" -> new Target("_cv.csv", "CSV", "*.csv");
            default -> new Target("_variogram.csv", "CSV", "*.csv");
        };
        Path file = files.save(this, Messages.get("gui.noise.export"), base + t.suffix(),
                List.of(new FileChooser.ExtensionFilter(t.filter(), t.pattern())));
        if (file == null) {
            return;
        }
        exportTo(what, file);
    }

    /** Writes one product of the current map to a file (off the FX thread). */
    public CompletableFuture<Path> exportTo(String what, Path file) {
        NoiseMapResult r = result;
        TaskProgress p = new TaskProgress(Messages.get("gui.noise.export.running"));
        return BackgroundWork.compute(window, p, () -> {
            switch (what) {
                case "tif", "png", "asc" -> NoiseMapExport.grid(r, file);
                case "gpkg" -> NoiseMapExport.bandsAndLines(r, file);
                case "variance" -> NoiseMapExport.variance(r, file);
                case "cv" -> NoiseMapExport.crossValidation(r, file);
                default -> NoiseMapExport.variogram(r, file);
            }
            return file;
        }).whenComplete((f, e) -> {
            if (e != null) {
                ErrorDialogs.show(this, e);
            } else {
                status.setText(Messages.get("gui.noise.export.done", f));
            }
        });
    }

    /** Saves the bands and lines (and the GeoTIFF when asked) into the project and shows them as layers. */
    public CompletableFuture<NoiseMapStore.Saved> saveToProject() {
        NoiseMapResult r = result;
        if (r == null) {
            return CompletableFuture.completedFuture(null);
        }
        String name = resultName;
        boolean raster = results.saveRaster.isSelected();
        return start(Messages.get("gui.noise.save.running"), (store, p) -> NoiseMapStore.save(store, r, name, raster, p))
                .thenApply(saved -> {
                    window.styles().save(saved.bandsTable(), bandsStyle(r.classes()));
                    window.styles().save(saved.linesTable(), linesStyle());
                    window.reloadLayers(false);
                    status.setText(Messages.get("gui.noise.save.done", saved.bandsTable(), saved.linesTable()));
                    return saved;
                });
    }

    /** The saved bands' style: one fill per class, in the map's colours (a little transparent). */
    static LayerStyle bandsStyle(BandClassification classes) {
        Map<String, Color> categories = new LinkedHashMap<>();
        for (BandClassification.Band b : classes.bands()) {
            categories.put(b.label(), NoiseMapLayers.colour(b.rgb()).deriveColor(0, 1, 1, 0.8));
        }
        return LayerStyle.defaultFor(GeometryFamily.POLYGON).withStroke(Color.web("#00000033"))
                .withCategories("label", categories);
    }

    /** The isophones' style: thin dark lines labelled with their level. */
    static LayerStyle linesStyle() {
        return LayerStyle.defaultFor(GeometryFamily.LINE).withStroke(Color.web("#37474f")).withStrokeWidth(0.8)
                .withLabel("label");
    }

    // ---- running

    @FunctionalInterface
    private interface Work<T> {
        T run(ProjectStore store, Progress progress) throws Exception;
    }

    /** Runs store work with this dialog's progress bar and the status bar; failures are shown, cancelling is not. */
    private <T> CompletableFuture<T> start(String title, Work<T> work) {
        if (running != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("busy"));
        }
        TaskProgress p = new TaskProgress(title);
        running = p;
        busy(true);
        progress.progressProperty().bind(p.fractionProperty());
        status.textProperty().bind(p.textProperty());
        CompletableFuture<T> f = BackgroundWork.onStore(window, p, store -> work.run(store, p));
        return f.whenComplete((r, e) -> {
            running = null;
            busy(false);
            progress.progressProperty().unbind();
            status.textProperty().unbind();
            progress.setProgress(e == null ? 1 : 0);
            status.setText("");
            if (e != null) {
                if (ErrorDialogs.isCancellation(e)) {
                    status.setText(Messages.get("gui.noise.cancelled"));
                } else {
                    status.setText(ErrorDialogs.message(e));
                    ErrorDialogs.show(this, e);
                }
            }
        });
    }

    private void busy(boolean b) {
        for (Button x : new Button[]{auto, fit, run}) {
            x.setDisable(b);
        }
        results.save.setDisable(b || result == null);
        cancel.setDisable(!b);
    }

    // ---- for tests

    NoiseMapForm form() {
        return form;
    }

    VariogramPane variogramPane() {
        return variogram;
    }

    NoiseMapResultsPane resultsPane() {
        return results;
    }

    /** The last map, or null. */
    public NoiseMapResult result() {
        return result;
    }

    public boolean isRunning() {
        return running != null;
    }

    /** Status text under the progress bar. */
    public Label statusLabel() {
        return status;
    }
}
