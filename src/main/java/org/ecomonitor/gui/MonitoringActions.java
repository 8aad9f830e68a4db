package org.ecomonitor.gui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.ecomonitor.analysis.alarm.AlarmRule;
import org.ecomonitor.gui.alarms.AlarmList;
import org.ecomonitor.gui.alarms.AlarmNotifier;
import org.ecomonitor.gui.alarms.AlarmRulesDialog;
import org.ecomonitor.gui.dialogs.IdentifyPopup;
import org.ecomonitor.gui.layers.LatestClassColouring;
import org.ecomonitor.gui.layers.LayerTree;
import org.ecomonitor.gui.map.MapTool;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.gui.sync.ConflictsDialog;
import org.ecomonitor.gui.sync.SyncController;
import org.ecomonitor.gui.sync.SyncLogWindow;
import org.ecomonitor.gui.sync.SyncSettingsDialog;
import org.ecomonitor.gui.sync.SyncStatusIndicator;
import org.ecomonitor.gui.trend.TrendWindow;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.AlarmService;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.sync.SyncState;

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
    private final AlarmNotifier notifier = new AlarmNotifier();
    private final SyncController sync = new SyncController();
    private final SyncStatusIndicator indicator = new SyncStatusIndicator(this::openSyncLog);
    private TrendWindow trend;
    private AlarmList alarmList;
    private AlarmRulesDialog rulesDialog;
    private ConflictsDialog conflictsDialog;
    private SyncLogWindow syncLog;
    private SyncSettingsDialog settingsDialog;
    private Button alarmsButton;
    private int openAlarms;
    private boolean mapInstalled;
    private SyncState lastState;
    /** Alarms raised after this instant (epoch ms) are new to the user. */
    private long alarmsSeenUntil;

    public MonitoringActions(MainWindow window, FileDialogs dialogs) {
        this.window = window;
        this.dialogs = dialogs;
        sync.addListener(this::syncStateChanged);
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
                item("menuTrend", "gui.menu.trend", () -> openTrend(selectedStations())),
                new SeparatorMenuItem(),
                item("menuAlarms", "gui.menu.alarms", this::openAlarms),
                item("menuAlarmRules", "gui.menu.alarm_rules", this::openRules));
        Menu syncMenu = new Menu(Messages.get("gui.menu.sync"));
        syncMenu.setId("menuSync");
        MenuItem now = item("menuSyncNow", "gui.menu.sync_now", this::syncNow);
        now.setAccelerator(KeyCombination.keyCombination("F5"));
        syncMenu.getItems().addAll(now,
                item("menuSyncSettings", "gui.menu.sync_settings", this::openSyncSettings),
                item("menuSyncConflicts", "gui.menu.sync_conflicts", this::openConflicts),
                item("menuSyncLog", "gui.menu.sync_log", this::openSyncLog),
                new SeparatorMenuItem(),
                item("menuSyncLogout", "gui.menu.sync_logout", sync::logout));
        return List.of(monitoring, syncMenu);
    }

    /** Tool-bar buttons: sync now, alarms. */
    public List<Node> toolBarItems() {
        List<Node> items = new ArrayList<>();
        items.add(new Separator(Orientation.VERTICAL));
        Button now = new Button(Messages.get("gui.tool.sync_now"));
        now.setId("syncNowButton");
        now.setTooltip(new Tooltip(Messages.get("gui.tool.sync_now_tip")));
        now.setOnAction(e -> syncNow());
        alarmsButton = new Button();
        alarmsButton.setId("alarmsButton");
        alarmsButton.setTooltip(new Tooltip(Messages.get("gui.tool.alarms_tip")));
        alarmsButton.setOnAction(e -> openAlarms());
        showAlarmCount();
        items.add(now);
        items.add(alarmsButton);
        return items;
    }

    private void showAlarmCount() {
        if (alarmsButton != null) {
            alarmsButton.setText(openAlarms > 0 ? Messages.get("gui.tool.alarms_open", openAlarms >= 1000 ? "999+" : openAlarms)
                    : Messages.get("gui.tool.alarms"));
            alarmsButton.getStyleClass().remove("alarms-open");
            if (openAlarms > 0) {
                alarmsButton.getStyleClass().add("alarms-open");
            }
        }
    }

    /** Counts the open alarms for the tool-bar button. */
    CompletableFuture<Void> countAlarms() {
        ProjectSession s = window.session();
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.call(store -> store.alarms().list(true, null, 1000).size()).handleAsync((n, e) -> {
            if (e == null && s == window.session()) {
                openAlarms = n;
                showAlarmCount();
            }
            return null;
        }, Platform::runLater);
    }

    /** Connects to the window's new status bar and layer tree (at start and after a language change). */
    public void attach(StatusLine status, LayerTree tree) {
        indicator.attach(status.syncStatus());
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
        // coloured layers take the classes' names in the (perhaps new) language
        for (StationKind k : colouredKinds) {
            List<VectorLayer> ofKind = window.layers().stations().stream().filter(l -> l.kind() == k).toList();
            Platform.runLater(() -> colour(ofKind));
        }
    }

    /** Gives the identify popup its "Trend chart" button for stations. */
    public void decorate(IdentifyPopup popup) {
        popup.setStationAction(Messages.get("gui.identify.trend"), f -> openTrend(List.of(f.getString("code"))));
    }

    // ---- project life

    /** A project was opened: its sync starts when it has a server set; its open alarms are counted. */
    public void projectOpened(ProjectSession session) {
        alarmsSeenUntil = System.currentTimeMillis();
        sync.projectOpened(session);
        countAlarms();
    }

    /** The project is about to close: its windows close, its sync stops. */
    public void projectClosing() {
        sync.projectClosing();
        if (trend != null) {
            trend.stage().close();
            trend = null;
        }
        if (alarmList != null) {
            alarmList.stage().close();
            alarmList = null;
        }
        if (conflictsDialog != null) {
            conflictsDialog.stage().close();
            conflictsDialog = null;
        }
        if (rulesDialog != null) {
            rulesDialog.close();
            rulesDialog = null;
        }
        openAlarms = 0;
        showAlarmCount();
    }

    /** An import ended: the alarms it raised pop up, the alarm list and count follow. */
    public void imported(ImportReport report) {
        alarmsSeenUntil = System.currentTimeMillis();
        if (report != null && !report.alarms().isEmpty()) {
            List<String> messages = report.alarms().stream().limit(5).map(a -> a.message(Messages.locale())).toList();
            notifier.notifyNew(window.stage(), "gui.alarms.after_import", report.alarms().size(), messages, this::openAlarms);
        }
        if (alarmList != null) {
            alarmList.reload();
        }
        countAlarms();
    }

    /** The window closes. */
    public void close() {
        projectClosing();
        sync.close();
    }

    // ---- alarms

    /** Opens the alarm list (open alarms of every station). */
    public AlarmList openAlarms() {
        ProjectSession s = window.session();
        if (s == null) {
            return null;
        }
        if (alarmList == null) {
            alarmList = new AlarmList(window.stage(), s, code -> window.search(code), this::openRules);
            alarmList.stage().setOnHidden(e -> {
                alarmList = null;
                countAlarms();
            });
        }
        alarmList.show();
        return alarmList;
    }

    /** Opens the rules editor on the project's rules (the defaults when it has none). */
    public CompletableFuture<AlarmRulesDialog> openRules() {
        ProjectSession s = window.session();
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.call(store -> new Object[]{new AlarmService(store).rules(), store.parameters().all()}).handleAsync((r, e) -> {
            if (e != null) {
                ErrorDialogs.show(window.stage(), e);
                return null;
            }
            if (rulesDialog != null) {
                rulesDialog.close();
            }
            @SuppressWarnings("unchecked")
            List<AlarmRule> rules = (List<AlarmRule>) r[0];
            @SuppressWarnings("unchecked")
            java.util.Map<String, Parameter> catalogue = (java.util.Map<String, Parameter>) r[1];
            AlarmRulesDialog d = new AlarmRulesDialog(window.stage(), rules, catalogue);
            rulesDialog = d;
            d.setOnHidden(x -> {
                if (rulesDialog == d) {
                    rulesDialog = null;
                }
                if (d.getResult() != null) {
                    saveRules(d.getResult());
                }
            });
            d.show();
            return d;
        }, Platform::runLater);
    }

    /** Stores the rules as the project's own; they apply from the next import on. */
    public CompletableFuture<Integer> saveRules(List<AlarmRule> rules) {
        ProjectSession s = window.session();
        if (s == null) {
            return CompletableFuture.completedFuture(0);
        }
        return s.call(store -> {
            new AlarmService(store).saveRules(rules);
            return rules.size();
        }).whenCompleteAsync((n, e) -> {
            if (e != null) {
                ErrorDialogs.show(window.stage(), e);
            } else {
                window.status().showMessage(Messages.get("gui.rules.saved", n));
            }
        }, Platform::runLater);
    }

    /** After a sync: alarms that appeared while it ran pop up. */
    private CompletableFuture<Void> notifyAlarmsSince(long since, String sourceKey) {
        ProjectSession s = window.session();
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return s.call(store -> store.alarms().list(true, null, 500).stream().filter(r -> r.raised() > since).toList())
                .handleAsync((rows, e) -> {
                    if (e == null && !rows.isEmpty()) {
                        notifier.notifyNew(window.stage(), sourceKey, rows.size(),
                                rows.stream().limit(5).map(AlarmList::message).toList(), this::openAlarms);
                        if (alarmList != null) {
                            alarmList.reload();
                        }
                        countAlarms();
                    }
                    return null;
                }, Platform::runLater);
    }

    /** The notifier (tests read its last text). */
    public AlarmNotifier notifier() {
        return notifier;
    }

    public AlarmList alarmList() {
        return alarmList;
    }

    public AlarmRulesDialog rulesDialog() {
        return rulesDialog;
    }

    // ---- sync

    private void syncStateChanged(SyncState state) {
        indicator.show(state);
        SyncState before = lastState;
        lastState = state;
        if (before != null && before.status() == SyncState.Status.SYNCING && state != null
                && state.status() != SyncState.Status.SYNCING) {
            long since = alarmsSeenUntil;
            alarmsSeenUntil = System.currentTimeMillis();
            notifyAlarmsSince(since, "gui.alarms.after_sync");
            ProjectSession s = window.session();
            sync.receivedChanges().thenAcceptAsync(moved -> {
                if (moved && s != null && s == window.session()) {
                    window.reloadLayers(false);
                }
            }, Platform::runLater);
            if (conflictsDialog != null && state.conflicts() != before.conflicts()) {
                conflictsDialog.reload();
            }
        }
    }

    /** Syncs now; without a server set, asks for it first. */
    public void syncNow() {
        if (window.session() != null && !sync.syncNow()) {
            openSyncSettings();
        }
    }

    /** Opens the server settings and login. */
    public CompletableFuture<SyncSettingsDialog> openSyncSettings() {
        if (window.session() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return sync.settings().handleAsync((settings, e) -> {
            if (e != null) {
                ErrorDialogs.show(window.stage(), e);
                return null;
            }
            if (settingsDialog != null) {
                settingsDialog.close();
            }
            SyncSettingsDialog d = new SyncSettingsDialog(window.stage(), settings, sync);
            settingsDialog = d;
            d.setOnHidden(x -> {
                if (settingsDialog == d) {
                    settingsDialog = null;
                }
            });
            d.show();
            return d;
        }, Platform::runLater);
    }

    /** Opens the open conflicts. */
    public ConflictsDialog openConflicts() {
        if (window.session() == null) {
            return null;
        }
        if (conflictsDialog == null) {
            conflictsDialog = new ConflictsDialog(window.stage(), sync);
            conflictsDialog.stage().setOnHidden(e -> conflictsDialog = null);
        }
        conflictsDialog.show();
        return conflictsDialog;
    }

    /** Opens the sync log of this session. */
    public SyncLogWindow openSyncLog() {
        if (syncLog == null) {
            syncLog = new SyncLogWindow(window.stage(), sync.log(), this::syncNow, this::openSyncSettings, this::openConflicts);
        }
        syncLog.show();
        return syncLog;
    }

    public SyncController sync() {
        return sync;
    }

    public SyncSettingsDialog settingsDialog() {
        return settingsDialog;
    }

    public ConflictsDialog conflictsDialog() {
        return conflictsDialog;
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
