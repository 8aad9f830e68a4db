package org.ecomonitor.gui.alarms;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.ProjectSession;
import org.ecomonitor.gui.Workstation;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.AlarmTable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The project's alarms (issue 6), newest first: when, station, parameter, what happened in the current language,
 * who acknowledged it and their comment. Filter: open or all, one station or all. Acknowledging asks for a
 * comment; an acknowledged alarm leaves the open list. Selecting an alarm zooms the map to its station.
 */
public final class AlarmList {

    /** How many alarms the list reads at most (newest first). */
    public static final int LIMIT = 5000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Stage stage = new Stage();
    private final ProjectSession session;
    private final Consumer<String> showStation;
    private final Runnable openRules;
    private final ChoiceBox<Boolean> openOnly = new ChoiceBox<>();
    private final ComboBox<String> station = new ComboBox<>();
    private final TableView<AlarmTable.Row> table = new TableView<>();
    private final Label count = new Label();
    private final Button acknowledge = new Button(Messages.get("gui.alarms.acknowledge"));
    private Map<String, Station> stations = new HashMap<>();
    private Map<String, Parameter> parameters = new HashMap<>();
    private boolean updating;
    private CompletableFuture<List<AlarmTable.Row>> loading = CompletableFuture.completedFuture(List.of());

    /**
     * @param showStation zooms the map to a station (by code)
     * @param openRules   opens the rules editor
     */
    public AlarmList(Window owner, ProjectSession session, Consumer<String> showStation, Runnable openRules) {
        this.session = session;
        this.showStation = showStation;
        this.openRules = openRules;
        stage.initOwner(owner);
        stage.setTitle(Messages.get("gui.alarms.title"));
        openOnly.setId("alarmFilter");
        openOnly.getItems().setAll(true, false);
        openOnly.setValue(true);
        openOnly.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean b) {
                return Messages.get(Boolean.TRUE.equals(b) ? "gui.alarms.open" : "gui.alarms.all");
            }

            @Override
            public Boolean fromString(String s) {
                return null;
            }
        });
        openOnly.valueProperty().addListener((o, a, b) -> reloadUnlessUpdating());
        station.setId("alarmStation");
        station.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null || code.isEmpty()) {
                    return Messages.get("gui.alarms.all_stations");
                }
                Station s = stations.get(code);
                return s == null ? code : s.name() + " (" + code + ")";
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        station.valueProperty().addListener((o, a, b) -> reloadUnlessUpdating());
        Button refresh = new Button(Messages.get("gui.alarms.refresh"));
        refresh.setId("alarmRefresh");
        refresh.setOnAction(e -> reload());
        acknowledge.setId("alarmAck");
        acknowledge.setDisable(true);
        acknowledge.setOnAction(e -> askAcknowledge());
        Button rules = new Button(Messages.get("gui.alarms.rules"));
        rules.setId("alarmRulesButton");
        rules.setOnAction(e -> openRules.run());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label(Messages.get("gui.alarms.show")), openOnly, station, refresh, spring, acknowledge, rules);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        table.setId("alarmTable");
        table.setPlaceholder(new Label(Messages.get("gui.alarms.none")));
        table.getColumns().setAll(List.of(
                column("gui.alarms.col.time", r -> TIME.format(Instant.ofEpochMilli(r.start()).atZone(zoneOf(r.station()))), 120),
                column("gui.alarms.col.station", r -> stationName(r.station()), 160),
                column("gui.alarms.col.parameter", r -> parameterName(r.parameter()), 90),
                column("gui.alarms.col.kind", r -> Messages.get("alarm.kind." + r.kind().toLowerCase(Locale.ROOT)), 110),
                column("gui.alarms.col.message", AlarmList::message, 420),
                column("gui.alarms.col.acknowledged", r -> r.isOpen() ? "" : r.acknowledgedBy() + " "
                        + TIME.format(Instant.ofEpochMilli(r.acknowledged()).atZone(ZoneId.systemDefault())), 150),
                column("gui.alarms.col.comment", r -> r.comment() == null ? "" : r.comment(), 180)));
        table.setRowFactory(t -> {
            TableRow<AlarmTable.Row> row = new TableRow<>() {
                @Override
                protected void updateItem(AlarmTable.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("alarm-open");
                    if (!empty && item != null && item.isOpen()) {
                        getStyleClass().add("alarm-open");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().isOpen()) {
                    askAcknowledge();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            acknowledge.setDisable(b == null || !b.isOpen());
            if (b != null) {
                showStation.accept(b.station());
            }
        });
        count.setId("alarmCount");
        HBox foot = new HBox(count);
        foot.setPadding(new Insets(4, 6, 4, 6));
        BorderPane root = new BorderPane(table, bar, null, foot, null);
        Scene scene = new Scene(root, 1100, 520);
        Workstation.applyLook(scene);
        stage.setScene(scene);
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The alarm's message in the current language. */
    public static String message(AlarmTable.Row r) {
        return Messages.get(r.messageKey(), r.args().toArray());
    }

    private ZoneId zoneOf(String code) {
        Station s = stations.get(code);
        return s == null ? Station.DEFAULT_ZONE : s.zone();
    }

    private String stationName(String code) {
        Station s = stations.get(code);
        return s == null ? code : s.name() + " (" + code + ")";
    }

    private String parameterName(String code) {
        if ("*".equals(code)) {
            return Messages.get("gui.alarms.all_parameters");
        }
        Parameter p = parameters.get(code);
        if (p == null) {
            return code;
        }
        String n = "zh".equals(Messages.locale().getLanguage()) ? p.nameZh() : p.nameEn();
        return n == null || n.isBlank() ? code : n;
    }

    /** Shows the window and reads the alarms. */
    public CompletableFuture<List<AlarmTable.Row>> show() {
        stage.show();
        stage.toFront();
        return session.call(store -> new Object[]{store.stations().all(), store.parameters().all()}).thenComposeAsync(r -> {
            @SuppressWarnings("unchecked")
            List<Station> all = (List<Station>) r[0];
            @SuppressWarnings("unchecked")
            Map<String, Parameter> cat = (Map<String, Parameter>) r[1];
            stations = new HashMap<>();
            all.forEach(s -> stations.put(s.code(), s));
            parameters = cat;
            updating = true;
            String current = station.getValue();
            station.getItems().setAll("");
            all.forEach(s -> station.getItems().add(s.code()));
            station.setValue(current == null ? "" : current);
            updating = false;
            return reload();
        }, Platform::runLater);
    }

    private void reloadUnlessUpdating() {
        if (!updating) {
            reload();
        }
    }

    /** Reads the alarms again with the filter. */
    public CompletableFuture<List<AlarmTable.Row>> reload() {
        boolean open = Boolean.TRUE.equals(openOnly.getValue());
        String code = station.getValue() == null || station.getValue().isEmpty() ? null : station.getValue();
        CompletableFuture<List<AlarmTable.Row>> f = session.call(store -> store.alarms().list(open, code, LIMIT));
        loading = f.whenCompleteAsync((rows, e) -> {
            if (e != null) {
                ErrorDialogs.show(stage, e);
                return;
            }
            table.getItems().setAll(rows);
            count.setText(Messages.get(rows.size() >= LIMIT ? "gui.alarms.count_limited" : "gui.alarms.count", rows.size(), LIMIT));
        }, Platform::runLater);
        return loading;
    }

    private void askAcknowledge() {
        AlarmTable.Row row = table.getSelectionModel().getSelectedItem();
        if (row == null || !row.isOpen()) {
            return;
        }
        Dialog<String> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle(Messages.get("gui.alarms.acknowledge"));
        d.setHeaderText(message(row));
        TextArea comment = new TextArea();
        comment.setId("ackComment");
        comment.setPromptText(Messages.get("gui.alarms.comment_prompt"));
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        d.getDialogPane().setContent(new VBox(4, new Label(Messages.get("gui.alarms.comment")), comment));
        ButtonType ok = new ButtonType(Messages.get("gui.alarms.ack_ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(Messages.get("gui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().setId("ackDialog");
        d.setResultConverter(b -> b == ok ? comment.getText().trim() : null);
        d.showAndWait().ifPresent(text -> acknowledge(row.id(), text));
    }

    /** Acknowledges an alarm with a comment as the logged-in system user, then reads the list again. */
    public CompletableFuture<List<AlarmTable.Row>> acknowledge(long id, String comment) {
        String user = System.getProperty("user.name", "?");
        return session.call(store -> store.inTransaction(() -> store.alarms().acknowledge(id, user, comment)))
                .thenComposeAsync(done -> reload(), Platform::runLater)
                .whenCompleteAsync((r, e) -> {
                    if (e != null) {
                        ErrorDialogs.show(stage, e);
                    }
                }, Platform::runLater);
    }

    /** The last reading of the list (tests wait for it). */
    public CompletableFuture<List<AlarmTable.Row>> loading() {
        return loading;
    }

    public Stage stage() {
        return stage;
    }

    public TableView<AlarmTable.Row> table() {
        return table;
    }

    public ChoiceBox<Boolean> openOnly() {
        return openOnly;
    }

    public ComboBox<String> station() {
        return station;
    }
}
