package org.ecomonitor.gui;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.textfield.TextFields;
import org.ecomonitor.gui.dialogs.IdentifyPopup;
import org.ecomonitor.gui.dialogs.ImportReportDialog;
import org.ecomonitor.gui.dialogs.OfflineDownloadDialog;
import org.ecomonitor.gui.layers.BasemapEntry;
import org.ecomonitor.gui.layers.LayerTree;
import org.ecomonitor.gui.layers.StyleDialog;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.LegendPainter;
import org.ecomonitor.gui.map.MapLayers;
import org.ecomonitor.gui.map.MapPane;
import org.ecomonitor.gui.map.MapTool;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.Selection;
import org.ecomonitor.gui.map.StyleFiles;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.gui.table.AttributeTable;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.gui.tiles.Basemaps;
import org.ecomonitor.gui.tiles.GeoPackageTileSource;
import org.ecomonitor.gui.tiles.TileSource;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The workstation's main window, laid out as QGIS analysts expect: menus and a tool bar on top, the layer tree
 * and the legend on the left, the map in the middle with attribute tables below it, the status bar at the
 * bottom. Owns the open project (its {@link ProjectSession}), the layers, the selection and the background; the
 * controls are rebuilt when the language changes, the map and its state stay.
 */
public final class MainWindow {

    /** Work on the store with progress, run on the project's thread. */
    @FunctionalInterface
    public interface StoreTask<T> {
        T run(ProjectStore store, Progress progress) throws Exception;
    }

    private final Stage stage;
    private final AppDirectories dirs;
    private final WorkstationPreferences prefs;
    private final FileDialogs dialogs;
    private final StyleFiles styles;
    private final MapLayers layers = new MapLayers();
    private final Selection selection = new Selection();
    private final MapPane mapPane;
    private final ObjectProperty<Basemap> basemap = new SimpleObjectProperty<>(Basemap.NONE);
    private IdentifyPopup identify;
    private final BorderPane root = new BorderPane();
    /** the map with, during long first work (creating the sample), a progress panel over it */
    private final javafx.scene.layout.StackPane mapStack = new javafx.scene.layout.StackPane();
    private final Map<VectorLayer, AttributeTable> tables = new LinkedHashMap<>();
    private final List<Runnable> readyListeners = new ArrayList<>();
    private ProjectSession session;
    private StatusLine status;
    private LayerTree tree;
    private Canvas legend;
    private TabPane tableTabs;
    private SplitPane centre;
    private TextField searchField;
    private boolean ready;
    private org.ecomonitor.gui.analysis.AnalysisMenu analysisMenu;
    private final MonitoringActions monitoring;

    public MainWindow(Stage stage, AppDirectories dirs, WorkstationPreferences prefs, FileDialogs dialogs) {
        this.stage = stage;
        this.dirs = dirs;
        this.prefs = prefs;
        this.dialogs = dialogs;
        this.styles = new StyleFiles(dirs.styles());
        this.mapPane = new MapPane(layers, selection);
        mapStack.getChildren().add(mapPane);
        mapPane.setOnIdentify(this::identify);
        layers.addListener(this::redrawLegend);
        Scene scene = new Scene(root, 1280, 800);
        Workstation.applyLook(scene);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                Platform.runLater(() -> importFiles(files));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(520);
        monitoring = new MonitoringActions(this, dialogs);
        stage.setOnHidden(e -> {
            monitoring.close();
            if (session != null) {
                session.close();
            }
        });
        buildUi();
    }

    // ---- building the controls (again after a language change)

    private void buildUi() {
        stage.setTitle(title());
        status = new StatusLine();
        mapPane.pointerLonLatProperty().addListener((o, a, b) -> status.showPointer(b));
        mapPane.viewProperty().addListener((o, a, b) -> status.showScale(b));
        status.showScale(mapPane.viewport());
        tree = new LayerTree(layers, this::basemapEntries, basemap, new LayerTree.Actions() {
            @Override
            public void zoomTo(VectorLayer layer) {
                mapPane.zoomToLayer(layer);
            }

            @Override
            public void openTable(VectorLayer layer) {
                MainWindow.this.openTable(layer);
            }

            @Override
            public void editStyle(VectorLayer layer) {
                MainWindow.this.editStyle(layer);
            }

            @Override
            public void remove(VectorLayer layer) {
                removeLayer(layer);
            }

            @Override
            public void styleChanged(VectorLayer layer) {
                saveStyle(layer);
            }

            @Override
            public void chooseBasemap(Basemap b) {
                MainWindow.this.chooseBasemap(b);
            }

            @Override
            public void zoomTo(org.locationtech.jts.geom.Envelope lonLat) {
                mapPane.zoomTo(lonLat);
            }
        });
        legend = new Canvas(240, 100);
        ScrollPane legendScroll = new ScrollPane(legend);
        legendScroll.getStyleClass().add("legend-pane");
        Label legendTitle = new Label(Messages.get("gui.legend"));
        legendTitle.getStyleClass().add("panel-title");
        Label layersTitle = new Label(Messages.get("gui.tree.title"));
        layersTitle.getStyleClass().add("panel-title");
        VBox treeBox = new VBox(layersTitle, tree.node());
        VBox.setVgrow(tree.node(), Priority.ALWAYS);
        VBox legendBox = new VBox(legendTitle, legendScroll);
        VBox.setVgrow(legendScroll, Priority.ALWAYS);
        SplitPane left = new SplitPane(treeBox, legendBox);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.62);
        left.getStyleClass().add("left-panel");
        left.setPrefWidth(270);
        left.setMinWidth(180);

        tableTabs = new TabPane();
        tableTabs.setId("tableTabs");
        tableTabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> showTablesPane(!tableTabs.getTabs().isEmpty()));
        centre = new SplitPane(mapStack);
        centre.setOrientation(Orientation.VERTICAL);
        SplitPane main = new SplitPane(left, centre);
        main.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(main);
        root.setBottom(status.node());
        monitoring.attach(status, tree);
        List<VectorLayer> open = new ArrayList<>(tables.keySet());
        tables.values().forEach(AttributeTable::dispose);
        tables.clear();
        for (VectorLayer l : open) {
            openTable(l);
        }
        redrawLegend();
    }

    private String title() {
        String base = Messages.get("app.title");
        return session == null ? base : base + " — " + session.path().getFileName();
    }

    private MenuBar menuBar() {
        Menu file = new Menu(Messages.get("gui.menu.file"));
        MenuItem newProject = item("menuNewProject", "gui.menu.new_project", e -> newProject());
        MenuItem openProject = item("menuOpenProject", "gui.menu.open_project", e -> chooseProject());
        openProject.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        Menu recent = new Menu(Messages.get("gui.menu.recent"));
        for (Path p : prefs.recentProjects()) {
            MenuItem r = new MenuItem(p.toString());
            r.setMnemonicParsing(false);
            r.setOnAction(e -> openProject(p));
            recent.getItems().add(r);
        }
        recent.setDisable(recent.getItems().isEmpty());
        MenuItem sample = item("menuSample", "gui.menu.sample", e -> openOrCreateSample());
        MenuItem importFiles = item("menuImport", "gui.menu.import", e -> chooseImport());
        importFiles.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        MenuItem export = item("menuExportView", "gui.menu.export_view", e -> chooseExportView());
        MenuItem download = item("menuDownload", "gui.menu.download", e -> openDownloadDialog());
        MenuItem exit = item("menuExit", "gui.menu.exit", e -> stage.close());
        file.getItems().addAll(newProject, openProject, recent, sample, new SeparatorMenuItem(), importFiles, export,
                download, new SeparatorMenuItem(), exit);

        Menu view = new Menu(Messages.get("gui.menu.view"));
        view.getItems().addAll(
                item("menuZoomIn", "gui.tool.zoom_in", e -> mapPane.zoomBy(1)),
                item("menuZoomOut", "gui.tool.zoom_out", e -> mapPane.zoomBy(-1)),
                item("menuZoomFull", "gui.tool.zoom_full", e -> mapPane.zoomFull()),
                item("menuZoomLayer", "gui.tool.zoom_layer", e -> zoomToSelectedLayer()),
                item("menuZoomSelection", "gui.tool.zoom_selection", e -> mapPane.zoomToSelection()),
                new SeparatorMenuItem(),
                item("menuTable", "gui.menu.table", e -> {
                    VectorLayer l = tree.selectedLayer();
                    if (l != null) {
                        openTable(l);
                    }
                }),
                item("menuClearSelection", "gui.menu.clear_selection", e -> selection.clear()));

        Menu tools = new Menu(Messages.get("gui.menu.tools"));
        ToggleGroup toolGroup = new ToggleGroup();
        for (MapTool t : MapTool.values()) {
            RadioMenuItem r = new RadioMenuItem(Messages.get(toolKey(t)));
            r.setId("menuTool-" + t.name());
            r.setToggleGroup(toolGroup);
            r.setSelected(mapPane.toolProperty().get() == t);
            r.setOnAction(e -> mapPane.toolProperty().set(t));
            mapPane.toolProperty().addListener((o, a, b) -> r.setSelected(b == t));
            tools.getItems().add(r);
        }

        Menu settings = new Menu(Messages.get("gui.menu.settings"));
        Menu language = new Menu(Messages.get("gui.menu.language"));
        ToggleGroup langGroup = new ToggleGroup();
        RadioMenuItem zh = new RadioMenuItem("中文");
        zh.setId("menuLangZh");
        RadioMenuItem en = new RadioMenuItem("English");
        en.setId("menuLangEn");
        zh.setToggleGroup(langGroup);
        en.setToggleGroup(langGroup);
        (Messages.locale().getLanguage().equals("zh") ? zh : en).setSelected(true);
        zh.setOnAction(e -> setLanguage(Messages.CHINESE));
        en.setOnAction(e -> setLanguage(Messages.ENGLISH));
        language.getItems().addAll(zh, en);
        MenuItem key = item("menuTiandituKey", "gui.menu.tianditu_key", e -> askTiandituKey());
        MenuItem custom = item("menuCustomTiles", "gui.menu.custom_tiles", e -> askCustomTemplate());
        MenuItem mbtiles = item("menuMbtiles", "gui.menu.open_mbtiles", e -> chooseMbtiles());
        settings.getItems().addAll(language, new SeparatorMenuItem(), key, custom, mbtiles);

        Menu help = new Menu(Messages.get("gui.menu.help"));
        help.getItems().add(item("menuAbout", "gui.menu.about", e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, Messages.get("gui.about.text"), ButtonType.OK);
            a.initOwner(stage);
            a.setHeaderText(Messages.get("app.title"));
            a.show();
        }));
        MenuBar bar = new MenuBar(file, view, tools, settings, help);
        bar.getMenus().add(3, analysisMenu().menu());
        bar.getMenus().addAll(4, monitoring.menus());
        bar.setId("menuBar");
        return bar;
    }

    /** The Analysis menu's tools (noise map, layout wizard), made once per window. */
    private org.ecomonitor.gui.analysis.AnalysisMenu analysisMenu() {
        if (analysisMenu == null) {
            analysisMenu = new org.ecomonitor.gui.analysis.AnalysisMenu(this, dialogs);
        }
        return analysisMenu;
    }

    private static MenuItem item(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem m = new MenuItem(Messages.get(key));
        m.setId(id);
        m.setOnAction(action);
        return m;
    }

    private static String toolKey(MapTool t) {
        return "gui.tool." + t.name().toLowerCase(Locale.ROOT);
    }

    private ToolBar toolBar() {
        ToggleGroup group = new ToggleGroup();
        List<Node> items = new ArrayList<>();
        for (MapTool t : MapTool.values()) {
            ToggleButton b = new ToggleButton(Messages.get(toolKey(t)));
            b.setId("tool-" + t.name());
            b.setToggleGroup(group);
            b.setSelected(mapPane.toolProperty().get() == t);
            b.setOnAction(e -> {
                mapPane.toolProperty().set(t);
                b.setSelected(true);
            });
            mapPane.toolProperty().addListener((o, a, v) -> b.setSelected(v == t));
            items.add(b);
        }
        items.add(new javafx.scene.control.Separator(Orientation.VERTICAL));
        items.add(button("zoomIn", "+", "gui.tool.zoom_in", () -> mapPane.zoomBy(1)));
        items.add(button("zoomOut", "−", "gui.tool.zoom_out", () -> mapPane.zoomBy(-1)));
        items.add(button("zoomFull", Messages.get("gui.tool.full"), "gui.tool.zoom_full", mapPane::zoomFull));
        items.add(button("zoomLayer", Messages.get("gui.tool.layer"), "gui.tool.zoom_layer", this::zoomToSelectedLayer));
        items.add(button("zoomSelection", Messages.get("gui.tool.selection"), "gui.tool.zoom_selection", mapPane::zoomToSelection));
        items.add(new javafx.scene.control.Separator(Orientation.VERTICAL));
        Label measure = new Label();
        measure.setId("measurement");
        measure.textProperty().bind(mapPane.measurementProperty());
        measure.getStyleClass().add("measurement");
        items.add(measure);
        items.addAll(monitoring.toolBarItems());
        Region spring = new Region();
        javafx.scene.layout.HBox.setHgrow(spring, Priority.ALWAYS);
        items.add(spring);
        searchField = new TextField();
        searchField.setId("search");
        searchField.setPromptText(Messages.get("gui.search.prompt"));
        searchField.setPrefColumnCount(18);
        searchField.setOnAction(e -> search(searchField.getText()));
        // suggestions are bound when the field is first used (keeps ControlsFX's popup out of the start)
        TextField field = searchField;
        searchField.focusedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a, Boolean focused) {
                if (focused) {
                    field.focusedProperty().removeListener(this);
                    TextFields.bindAutoCompletion(field, req -> suggestions(req.getUserText()))
                            .setOnAutoCompleted(e -> search(e.getCompletion()));
                }
            }
        });
        items.add(searchField);
        ToolBar bar = new ToolBar(items.toArray(Node[]::new));
        bar.setId("toolBar");
        return bar;
    }

    private Button button(String id, String text, String tipKey, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get(tipKey)));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void showTablesPane(boolean show) {
        if (show && !centre.getItems().contains(tableTabs)) {
            centre.getItems().add(tableTabs);
            centre.setDividerPositions(0.62);
        } else if (!show) {
            centre.getItems().remove(tableTabs);
        }
    }

    private void redrawLegend() {
        if (legend == null) {
            return;
        }
        List<VectorLayer> visible = layers.visibleTopFirst();
        String heading = Messages.get("gui.legend");
        double[] size = LegendPainter.size(heading, visible, layers.visibleRasters());
        legend.setWidth(Math.max(200, size[0]));
        legend.setHeight(size[1]);
        legend.getGraphicsContext2D().clearRect(0, 0, legend.getWidth(), legend.getHeight());
        LegendPainter.paint(legend.getGraphicsContext2D(), heading, visible, layers.visibleRasters(), 0, 0, false);
    }

    // ---- showing, projects

    /** Shows the window and opens a project: the given one, else the last one, else the sample (created on first run). */
    public void show(Path store) {
        show(store, null);
    }

    /** Shows the window with a session that is already opening (see {@link Workstation}). */
    public void show(Path store, CompletableFuture<ProjectSession> opening) {
        stage.show();
        Basemap initial = Basemap.parse(System.getProperty("ecomonitor.basemap"), prefs.basemap());
        chooseBasemap(initial, false);
        if (opening != null) {
            openSession(opening, store);
        } else if (store != null) {
            openProject(store);
        } else if (prefs.lastProject() != null && Files.isRegularFile(prefs.lastProject())) {
            openProject(prefs.lastProject());
        } else {
            openOrCreateSample();
        }
    }

    /** Opens the sample project, creating it first when it does not exist yet. */
    public CompletableFuture<Void> openOrCreateSample() {
        Path sample = dirs.sampleProject();
        if (Files.isRegularFile(sample)) {
            return openProject(sample);
        }
        TaskProgress p = new TaskProgress(Messages.get("gui.sample.creating"));
        status.track(p);
        status.showMessage(Messages.get("gui.sample.creating_long"));
        Node panel = progressPanel(Messages.get("gui.sample.creating_long"), p);
        mapStack.getChildren().add(panel);
        CompletableFuture<ImportReport> f = CompletableFuture.supplyAsync(() -> SampleProject.create(sample, p));
        return f.handleAsync((report, e) -> {
            status.done(p);
            mapStack.getChildren().remove(panel);
            if (e != null) {
                ErrorDialogs.show(stage, e);
                fireReady();
                return CompletableFuture.<Void>completedFuture(null);
            }
            status.showMessage(Messages.get("gui.sample.created"));
            return openProject(sample);
        }, Platform::runLater).thenCompose(x -> x);
    }

    /** A panel in the middle of the map showing a long task's progress, with a cancel button. */
    private static Node progressPanel(String text, TaskProgress p) {
        Label title = new Label(text);
        title.setWrapText(true);
        title.setMaxWidth(420);
        Label detail = new Label();
        detail.textProperty().bind(p.textProperty());
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setPrefWidth(380);
        bar.progressProperty().bind(p.fractionProperty());
        Button cancel = new Button(Messages.get("gui.cancel"));
        cancel.setOnAction(e -> p.cancel());
        VBox box = new VBox(8, title, detail, bar, cancel);
        box.getStyleClass().add("progress-panel");
        box.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        box.setId("progressPanel");
        return box;
    }

    /** Opens a project store (creating it when it does not exist) and shows its layers. */
    public CompletableFuture<Void> openProject(Path store) {
        return openSession(ProjectSession.open(store), store);
    }

    /**
     * Shows a project whose session is opening (perhaps started before the window, with its layers prefetched):
     * the window stays responsive while the store opens on its own thread.
     */
    public CompletableFuture<Void> openSession(CompletableFuture<ProjectSession> opening, Path store) {
        if (session != null) {
            monitoring.projectClosing();
            session.close();
            session = null;
            selection.clear();
            layers.clear();
            new ArrayList<>(tableTabs.getTabs()).forEach(t -> tableTabs.getTabs().remove(t));
            tables.clear();
        }
        TaskProgress p = new TaskProgress(Messages.get("gui.project.opening", store.getFileName()));
        status.track(p);
        return opening.handleAsync((s, e) -> {
            status.done(p);
            if (e != null) {
                ErrorDialogs.show(stage, e);
                fireReady();
                return CompletableFuture.<Void>completedFuture(null);
            }
            session = s;
            monitoring.projectOpened(s);
            stage.setTitle(title());
            prefs.projectOpened(s.path());
            return reloadLayers(true);
        }, Platform::runLater).thenCompose(x -> x);
    }

    /** Reads the project's layers again (after an import) and shows them. */
    public CompletableFuture<Void> reloadLayers(boolean zoomFull) {
        ProjectSession s = session;
        TaskProgress p = new TaskProgress(Messages.get("gui.project.loading"));
        status.track(p);
        CompletableFuture<ProjectLoader.Layers> reading = s.takePrefetched();
        if (reading == null) {
            reading = s.call(store -> ProjectLoader.load(store, styles));
        }
        return reading.handleAsync((loaded, e) -> {
            status.done(p);
            if (e != null) {
                ErrorDialogs.show(stage, e);
            } else if (s == session) {
                Map<String, Boolean> visible = new LinkedHashMap<>();
                layers.topFirst().forEach(l -> visible.put(l.id(), l.isVisible()));
                loaded.stations().forEach(l -> l.setVisible(visible.getOrDefault(l.id(), true)));
                loaded.others().forEach(l -> l.setVisible(visible.getOrDefault(l.id(), true)));
                layers.setAll(loaded.stations(), loaded.others());
                reopenTables();
                tree.refreshBasemaps();
                if (zoomFull) {
                    mapPane.zoomFull();
                }
                status.showMessage(Messages.get("gui.project.opened", s.path().getFileName(),
                        layers.topFirst().size(), layers.topFirst().stream().mapToInt(l -> l.data().size()).sum()));
                menuRebuild();
            }
            Platform.runLater(this::fireReady);
            return null;
        }, Platform::runLater);
    }

    private void menuRebuild() {
        if (root.getTop() instanceof VBox top && !top.getChildren().isEmpty()) {
            top.getChildren().set(0, menuBar());
        }
    }

    private void newProject() {
        Path p = dialogs.save(stage, Messages.get("gui.menu.new_project"), "project.gpkg",
                List.of(new FileChooser.ExtensionFilter(Messages.get("gui.filter.project"), "*.gpkg")));
        if (p != null) {
            if (Files.exists(p)) {
                ErrorDialogs.show(stage, new org.ecomonitor.i18n.UserException("store.exists", p));
                return;
            }
            openProject(p);
        }
    }

    private void chooseProject() {
        List<Path> p = dialogs.open(stage, Messages.get("gui.menu.open_project"),
                List.of(new FileChooser.ExtensionFilter(Messages.get("gui.filter.project"), "*.gpkg")), false);
        if (!p.isEmpty()) {
            openProject(p.get(0));
        }
    }

    // ---- background work with progress

    /** Runs store work on the project's thread with the status bar's progress and cancel; failures are shown. */
    public <T> CompletableFuture<T> runTask(String title, StoreTask<T> work) {
        TaskProgress p = new TaskProgress(title);
        status.track(p);
        return session.call(store -> work.run(store, p)).whenCompleteAsync((r, e) -> {
            status.done(p);
            if (e != null) {
                ErrorDialogs.show(stage, e);
                if (ErrorDialogs.isCancellation(e)) {
                    status.showMessage(Messages.get("gui.status.cancelled"));
                }
            }
        }, Platform::runLater);
    }

    // ---- import

    private void chooseImport() {
        List<Path> files = dialogs.open(stage, Messages.get("gui.menu.import"), List.of(
                new FileChooser.ExtensionFilter(Messages.get("gui.filter.importable"), "*.csv", "*.tsv", "*.txt", "*.xlsx",
                        "*.geojson", "*.json", "*.kml", "*.shp", "*.gpkg", "*.hj212", "*.log"),
                new FileChooser.ExtensionFilter(Messages.get("gui.filter.all"), "*.*")), true);
        if (!files.isEmpty()) {
            importFiles(files);
        }
    }

    /** Imports files into the project (one transaction), then shows the report and the new layers. */
    public CompletableFuture<ImportReport> importFiles(List<Path> files) {
        if (session == null) {
            return CompletableFuture.completedFuture(null);
        }
        return runTask(Messages.get("gui.import.running"),
                (store, progress) -> new Importer(store, ImportOptions.defaults(), progress).importPaths(files))
                .thenApplyAsync(report -> {
                    reloadLayers(false);
                    ImportReportDialog d = new ImportReportDialog(stage, report);
                    d.show();
                    monitoring.imported(report);
                    return report;
                }, Platform::runLater);
    }

    // ---- layers

    private void zoomToSelectedLayer() {
        VectorLayer l = tree.selectedLayer();
        if (l != null) {
            mapPane.zoomToLayer(l);
        }
    }

    public AttributeTable openTable(VectorLayer layer) {
        AttributeTable existing = tables.get(layer);
        if (existing != null) {
            tableTabs.getTabs().stream().filter(t -> t.getContent() == existing.node()).findFirst()
                    .ifPresent(t -> tableTabs.getSelectionModel().select(t));
            return existing;
        }
        AttributeTable table = new AttributeTable(layer, selection, dialogs, this::runExport, mapPane::zoomToSelection);
        tables.put(layer, table);
        Tab tab = new Tab(layer.title(), table.node());
        tab.setOnClosed(e -> {
            tables.remove(layer);
            table.dispose();
        });
        tableTabs.getTabs().add(tab);
        tableTabs.getSelectionModel().select(tab);
        return table;
    }

    /** After the layers were read again, open tables show the new features of their layer (or close). */
    private void reopenTables() {
        List<String> open = tables.keySet().stream().map(VectorLayer::id).toList();
        for (AttributeTable t : tables.values()) {
            t.dispose();
        }
        tables.clear();
        tableTabs.getTabs().clear();
        for (String id : open) {
            layers.byId(id).ifPresent(this::openTable);
        }
    }

    private void runExport(Runnable export) {
        TaskProgress p = new TaskProgress(Messages.get("gui.table.exporting"));
        status.track(p);
        CompletableFuture.runAsync(export).whenCompleteAsync((r, e) -> {
            status.done(p);
            if (e != null) {
                ErrorDialogs.show(stage, e);
            } else {
                status.showMessage(Messages.get("gui.table.exported"));
            }
        }, Platform::runLater);
    }

    private void editStyle(VectorLayer layer) {
        StyleDialog d = new StyleDialog(stage, layer);
        d.showAndWait().ifPresent(s -> {
            layer.styleProperty().set(s);
            saveStyle(layer);
        });
    }

    private void saveStyle(VectorLayer layer) {
        try {
            Path f = styles.save(layer.styleName(), layer.style());
            status.showMessage(Messages.get("gui.style.saved", f));
        } catch (RuntimeException e) {
            ErrorDialogs.show(stage, e);
        }
    }

    /** Applies a style to a layer and saves it as the layer's style file. */
    public void applyStyle(VectorLayer layer, LayerStyle style) {
        layer.styleProperty().set(style);
        saveStyle(layer);
    }

    private void removeLayer(VectorLayer layer) {
        layers.remove(layer);
        selection.replaceIn(layer.id(), List.of());
        AttributeTable t = tables.remove(layer);
        if (t != null) {
            tableTabs.getTabs().removeIf(tab -> tab.getContent() == t.node());
        }
    }

    // ---- identify and search

    private void identify(MapPane.Hit hit) {
        if (hit == null) {
            if (identify != null) {
                identify.hide();
            }
            return;
        }
        identifyPopup();
        VectorLayer layer = hit.layer();
        Feature f = layer.data().feature(hit.index());
        javafx.geometry.Point2D screen = mapPane.localToScreen(hit.x(), hit.y());
        double sx = screen == null ? 0 : screen.getX(), sy = screen == null ? 0 : screen.getY();
        if (layer.kind() == null || session == null) {
            identify.show(stage, sx, sy, layer.title(), f, null, null);
            return;
        }
        String code = f.getString("code");
        ZoneId zone = zoneOf(f.getString("zone"));
        boolean chinese = Messages.locale().getLanguage().equals("zh");
        session.call(store -> {
            Map<String, Object[]> latest = store.readings().latest(code);
            Map<String, Parameter> params = store.parameters().all();
            List<IdentifyPopup.LatestReading> rows = new ArrayList<>();
            latest.forEach((param, v) -> {
                Parameter p = params.get(param);
                String name = p == null ? param : (chinese ? p.nameZh() : p.nameEn());
                rows.add(new IdentifyPopup.LatestReading(name == null ? param : name, p == null ? "" : p.unit(),
                        (Long) v[0], (Double) v[1], (String) v[2]));
            });
            return rows;
        }).whenCompleteAsync((rows, e) -> {
            if (e != null) {
                ErrorDialogs.show(stage, e);
            } else {
                identify.show(stage, sx, sy, layer.title(), f, rows, zone);
            }
        }, Platform::runLater);
    }

    private static ZoneId zoneOf(String text) {
        try {
            return text == null || text.isBlank() ? null : ZoneId.of(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<String> suggestions(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (VectorLayer l : layers.stations()) {
            for (Feature f : l.data().features()) {
                String name = f.getString("name"), code = f.getString("code");
                if ((name != null && name.toLowerCase(Locale.ROOT).contains(t)) || (code != null && code.toLowerCase(Locale.ROOT).contains(t))) {
                    out.add(name + " (" + code + ")");
                    if (out.size() >= 15) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Finds a station by name or code (a suggestion "name (code)" as well), selects it, shows its layer and zooms
     * to it. Returns whether one was found.
     */
    public boolean search(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = text.trim();
        int paren = t.lastIndexOf(" (");
        String code = paren > 0 && t.endsWith(")") ? t.substring(paren + 2, t.length() - 1) : null;
        String lower = t.toLowerCase(Locale.ROOT);
        for (int pass = 0; pass < 2; pass++) {
            for (VectorLayer l : layers.stations()) {
                for (Feature f : l.data().features()) {
                    String c = f.getString("code"), n = f.getString("name");
                    boolean match = pass == 0
                            ? (code != null ? code.equals(c) : lower.equalsIgnoreCase(c) || t.equals(n))
                            : (n != null && n.toLowerCase(Locale.ROOT).contains(lower)) || (c != null && c.toLowerCase(Locale.ROOT).contains(lower));
                    if (match) {
                        l.setVisible(true);
                        selection.select(l.id(), List.of(f.fid()));
                        mapPane.zoomTo(mapPane.selectionExtent());
                        status.showMessage(Messages.get("gui.search.found", n, c));
                        return true;
                    }
                }
            }
        }
        status.showMessage(Messages.get("gui.search.not_found", t));
        return false;
    }

    // ---- backgrounds

    private List<BasemapEntry> basemapEntries() {
        List<BasemapEntry> list = new ArrayList<>();
        list.add(new BasemapEntry(Messages.get("gui.basemap.none"), Basemap.NONE));
        list.add(new BasemapEntry(Messages.get("gui.basemap.osm"), Basemap.OSM));
        list.add(new BasemapEntry(Messages.get("gui.basemap.tianditu"), new Basemap(Basemap.Type.TIANDITU, prefs.tiandituKey())));
        if (!prefs.customTemplate().isBlank()) {
            list.add(new BasemapEntry(Messages.get("gui.basemap.custom"), new Basemap(Basemap.Type.CUSTOM, prefs.customTemplate())));
        }
        for (Path f : prefs.mbtilesFiles()) {
            if (Files.isRegularFile(f)) {
                list.add(new BasemapEntry("MBTiles: " + f.getFileName(), Basemap.mbtiles(f)));
            }
        }
        if (session != null && Files.isRegularFile(session.path())) {
            for (String table : GeoPackageTileSource.tileTables(session.path())) {
                list.add(new BasemapEntry(Messages.get("gui.basemap.gpkg", table), Basemap.geoPackage(session.path(), table)));
            }
        }
        Basemap current = basemap.get();
        if (list.stream().noneMatch(b -> b.basemap().equals(current))) {
            list.add(new BasemapEntry(current.toText(), current));
        }
        return list;
    }

    /** Shows another background (and remembers it). */
    public void chooseBasemap(Basemap b) {
        chooseBasemap(b, true);
    }

    private void chooseBasemap(Basemap b, boolean remember) {
        if (b.type() == Basemap.Type.TIANDITU && b.value().isBlank()) {
            askTiandituKey();
            return;
        }
        TileSource source;
        try {
            source = b.open(dirs.tileCache());
        } catch (Exception e) {
            ErrorDialogs.show(stage, new org.ecomonitor.i18n.UserException(e, "gui.basemap.open_failed", b.value(), e.getMessage()));
            return;
        }
        Basemaps.use(source);
        basemap.set(b);
        if (remember) {
            prefs.setBasemap(b);
        }
        mapPane.reloadBasemap();
        if (tree != null) {
            tree.refreshBasemaps();
        }
    }

    private void askTiandituKey() {
        TextInputDialog d = new TextInputDialog(prefs.tiandituKey());
        d.initOwner(stage);
        d.setTitle(Messages.get("gui.menu.tianditu_key"));
        d.setHeaderText(Messages.get("gui.basemap.tianditu_key_help"));
        d.showAndWait().ifPresent(k -> {
            prefs.setTiandituKey(k);
            if (!k.isBlank()) {
                chooseBasemap(new Basemap(Basemap.Type.TIANDITU, k.trim()));
            }
        });
    }

    private void askCustomTemplate() {
        TextInputDialog d = new TextInputDialog(prefs.customTemplate());
        d.initOwner(stage);
        d.setTitle(Messages.get("gui.menu.custom_tiles"));
        d.setHeaderText(Messages.get("gui.basemap.custom_help"));
        d.getEditor().setPrefColumnCount(48);
        d.showAndWait().ifPresent(t -> {
            prefs.setCustomTemplate(t);
            if (!t.isBlank()) {
                chooseBasemap(new Basemap(Basemap.Type.CUSTOM, t.trim()));
            }
        });
    }

    private void chooseMbtiles() {
        List<Path> files = dialogs.open(stage, Messages.get("gui.menu.open_mbtiles"),
                List.of(new FileChooser.ExtensionFilter("MBTiles", "*.mbtiles")), false);
        if (!files.isEmpty()) {
            useMbtiles(files.get(0));
        }
    }

    /** Adds an MBTiles file to the backgrounds and shows it. */
    public void useMbtiles(Path file) {
        prefs.addMbtilesFile(file);
        chooseBasemap(Basemap.mbtiles(file));
    }

    /** Opens the offline download dialog for the current view and background. */
    public OfflineDownloadDialog openDownloadDialog() {
        MapViewport vp = mapPane.viewport();
        TileSource source = Basemaps.current();
        Path target = dirs.offlineTiles().resolve("area-" + LocalDate.now() + ".mbtiles");
        OfflineDownloadDialog d = new OfflineDownloadDialog(stage, vp.bounds(), (int) Math.floor(vp.zoom()),
                source.isOnline() ? source : null, target, file -> {
            prefs.addMbtilesFile(file);
            tree.refreshBasemaps();
        });
        d.show();
        return d;
    }

    // ---- export and language

    private void chooseExportView() {
        Path p = dialogs.save(stage, Messages.get("gui.menu.export_view"), "map.png",
                List.of(new FileChooser.ExtensionFilter("PNG", "*.png")));
        if (p != null) {
            exportView(p);
        }
    }

    /** Writes the current view with its legend as a PNG (the file is written off the FX thread). */
    public CompletableFuture<Void> exportView(Path file) {
        var image = MapImage.compose(mapPane, layers);
        var buffered = MapImage.toBuffered(image);
        return CompletableFuture.runAsync(() -> MapImage.writePng(buffered, file)).whenCompleteAsync((r, e) -> {
            if (e != null) {
                ErrorDialogs.show(stage, e);
            } else {
                status.showMessage(Messages.get("gui.export.done", file));
            }
        }, Platform::runLater);
    }

    /** Switches the language of every text and remembers the choice. */
    public void setLanguage(Locale locale) {
        Messages.setLocale(locale);
        prefs.setLanguage(locale.getLanguage());
        if (identify != null) {
            identify.hide();
        }
        buildUi();
        mapPane.overlay().requestRedraw();
    }

    // ---- readiness (tests, benchmarks)

    /** The style files of this window (for prefetching layers). */
    public StyleFiles styles() {
        return styles;
    }

    /** Runs once the first project is shown (right away when it already is). */
    public void onReady(Runnable r) {
        if (ready) {
            r.run();
        } else {
            readyListeners.add(r);
        }
    }

    private void fireReady() {
        if (!ready) {
            ready = true;
            readyListeners.forEach(Runnable::run);
            readyListeners.clear();
        }
    }

    // ---- for tests and the launcher

    public Stage stage() {
        return stage;
    }

    public MapPane mapPane() {
        return mapPane;
    }

    public MapLayers layers() {
        return layers;
    }

    public Selection selection() {
        return selection;
    }

    /** The identify tool's popup (created with the first identify). */
    public IdentifyPopup identifyPopup() {
        if (identify == null) {
            identify = new IdentifyPopup();
            monitoring.decorate(identify);
        }
        return identify;
    }

    public StatusLine status() {
        return status;
    }

    /** Trend, alarms and sync (issues 6 and 7). */
    public MonitoringActions monitoring() {
        return monitoring;
    }

    public LayerTree layerTree() {
        return tree;
    }

    public ProjectSession session() {
        return session;
    }

    public ObjectProperty<Basemap> basemap() {
        return basemap;
    }

    public Optional<AttributeTable> table(VectorLayer layer) {
        return Optional.ofNullable(tables.get(layer));
    }

    BorderPane root() {
        return root;
    }
}
