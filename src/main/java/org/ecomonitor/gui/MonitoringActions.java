package org.ecomonitor.gui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.ecomonitor.gui.dialogs.IdentifyPopup;
import org.ecomonitor.gui.layers.LatestClassColouring;
import org.ecomonitor.gui.layers.LayerTree;
import org.ecomonitor.gui.map.MapTool;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.gui.trend.TrendWindow;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.StationKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The monitoring commands of the main window (issues 6 and 7), kept apart from the window's own code: the
 * Monitoring and Sync menus and tool-bar buttons, the trend window on a double click on a station (and from the
 * identify popup), the layer tree's "colour by latest class", the alarm list and its notifications, and the
 * project's sync. {@link MainWindow} calls it at a few points: building its menus, tool bar and status bar, when a
 * project opens or closes, and after an import.
 */
public final class MonitoringActions {

    private final MainWindow window;
    private final FileDialogs dialogs;
    private final LatestClassColouring colouring = new LatestClassColouring();
    private final Set<StationKind> colouredKinds = EnumSet.noneOf(StationKind.class);
    private TrendWindow trend;
    private boolean mapInstalled;

    public MonitoringActions(MainWindow window, FileDialogs dialogs) {
        this.window = window;
        this.dialogs = dialogs;
        window.layers().stations().addListener((ListChangeListener<VectorLayer>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    recolour(c.getAddedSubList());
                }
            }
        });
    }

    // ---- what the window shows

    /** The Monitoring and Sync menus (built again with the menu bar). */
    public List<Menu> menus() {
        Menu monitoring = new Menu(Messages.get("gui.menu.monitoring"));
        monitoring.setId("menuMonitoring");
        monitoring.getItems().addAll(
                item("menuTrend", "gui.menu.trend", () -> openTrend(selectedStations())));
        return List.of(monitoring);
    }

    /** Tool-bar buttons: sync now, alarms. */
    public List<Node> toolBarItems() {
        List<Node> items = new ArrayList<>();
        items.add(new Separator(Orientation.VERTICAL));
        return items;
    }

    /** Connects to the window's new status bar and layer tree (at start and after a language change). */
    public void attach(StatusLine status, LayerTree tree) {
        tree.setExtraItems(this::layerItems);
        if (!mapInstalled) {
            mapInstalled = true;
            window.mapPane().addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
                MapTool t = window.mapPane().toolProperty().get();
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && t != MapTool.MEASURE_DISTANCE
                        && t != MapTool.MEASURE_AREA) {
                    window.mapPane().hitTest(e.getX(), e.getY()).filter(h -> h.layer().kind() != null).ifPresent(h -> {
                        e.consume();
                        openTrend(List.of(h.layer().data().feature(h.index()).getString("code")));
                    });
                }
            });
        }
        recolour(new ArrayList<>(window.layers().stations()));
    }

    /** Gives the identify popup its "Trend chart" button for stations. */
    public void decorate(IdentifyPopup popup) {
        popup.setStationAction(Messages.get("gui.identify.trend"), f -> openTrend(List.of(f.getString("code"))));
    }

    // ---- project life

    /** A project was opened. */
    public void projectOpened(ProjectSession session) {
    }

    /** The project is about to close. */
    public void projectClosing() {
        if (trend != null) {
            trend.stage().close();
            trend = null;
        }
    }

    /** An import ended (its report, null when it failed). */
    public void imported(ImportReport report) {
    }

    /** The window closes. */
    public void close() {
        projectClosing();
    }

    // ---- trend

    private List<String> selectedStations() {
        List<String> codes = new ArrayList<>();
        for (VectorLayer l : window.layers().stations()) {
            Set<Long> selected = window.selection().of(l.id());
            for (Feature f : l.data().features()) {
                if (selected.contains(f.fid())) {
                    codes.add(f.getString("code"));
                }
            }
        }
        return codes;
    }

    /** Opens the trend window on these stations (reusing an open one). */
    public TrendWindow openTrend(List<String> stationCodes) {
        if (window.session() == null) {
            return null;
        }
        if (trend == null) {
            trend = new TrendWindow(window.stage(), window.session(), dialogs);
            trend.stage().setOnHidden(e -> trend = null);
        }
        trend.open(stationCodes);
        return trend;
    }

    /** The open trend window, or null. */
    public TrendWindow trendWindow() {
        return trend;
    }

    // ---- colouring stations by their latest class

    private List<MenuItem> layerItems(VectorLayer layer) {
        if (layer.kind() == null || !LatestClassColouring.applies(layer.kind())) {
            return List.of();
        }
        CheckMenuItem item = new CheckMenuItem(LatestClassColouring.menuText(layer.kind()));
        item.setId("colourByClass-" + layer.kind().code());
        item.setSelected(colouredKinds.contains(layer.kind()));
        item.setOnAction(e -> colourByLatestClass(layer.kind(), item.isSelected()));
        return List.of(item);
    }

    /** Colours a station kind's layer by each station's latest class, or gives it back its style. */
    public CompletableFuture<Void> colourByLatestClass(StationKind kind, boolean on) {
        if (on) {
            colouredKinds.add(kind);
        } else {
            colouredKinds.remove(kind);
        }
        List<VectorLayer> layers = window.layers().stations().stream().filter(l -> l.kind() == kind).toList();
        if (!on) {
            layers.forEach(colouring::restore);
            return CompletableFuture.completedFuture(null);
        }
        return colour(layers);
    }

    private void recolour(List<? extends VectorLayer> added) {
        List<VectorLayer> todo = added.stream().filter(l -> colouredKinds.contains(l.kind()) && !colouring.isApplied(l)).map(l -> (VectorLayer) l).toList();
        for (StationKind k : todo.stream().map(VectorLayer::kind).distinct().toList()) {
            List<VectorLayer> ofKind = todo.stream().filter(l -> l.kind() == k).toList();
            Platform.runLater(() -> colour(ofKind));
        }
    }

    private CompletableFuture<Void> colour(List<VectorLayer> layers) {
        ProjectSession session = window.session();
        if (session == null || layers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Locale locale = Messages.locale();
        StationKind kind = layers.get(0).kind();
        return session.call(store -> LatestClassColouring.latestClasses(store, kind, locale)).handleAsync((classes, e) -> {
            if (e != null) {
                ErrorDialogs.show(window.stage(), e);
            } else if (colouredKinds.contains(kind)) {
                for (VectorLayer l : layers) {
                    colouring.apply(l, classes, locale);
                }
                window.status().showMessage(Messages.get("gui.layer.coloured", Messages.get(kind.messageKey()), classes.size()));
            }
            return null;
        }, Platform::runLater);
    }

    private static MenuItem item(String id, String key, Runnable action) {
        MenuItem m = new MenuItem(Messages.get(key));
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }
}
