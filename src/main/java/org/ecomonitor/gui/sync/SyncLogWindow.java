package org.ecomonitor.gui.sync;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.Workstation;
import org.ecomonitor.i18n.Messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The sync log of this session: every change of the sync status, with its messages and errors, and what the user
 * did; with buttons to sync now, change the server or log in, and open the conflicts. Opened by a click on the
 * status bar's sync slot or Sync &gt; Sync log.
 */
public final class SyncLogWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Stage stage = new Stage();
    private final TableView<SyncLog.Entry> table = new TableView<>();

    public SyncLogWindow(Window owner, SyncLog log, Runnable syncNow, Runnable settings, Runnable conflicts) {
        stage.initOwner(owner);
        stage.setTitle(Messages.get("gui.synclog.title"));
        table.setId("syncLogTable");
        table.setItems(log.entries());
        table.setPlaceholder(new Label(Messages.get("gui.synclog.empty")));
        table.getColumns().setAll(List.of(
                column("gui.synclog.col.time", e -> TIME.format(Instant.ofEpochMilli(e.time()).atZone(ZoneId.systemDefault())), 140),
                column("gui.synclog.col.status", e -> e.status() == null ? Messages.get("gui.synclog.action")
                        : Messages.get("gui.synclog.status." + e.status().name().toLowerCase(Locale.ROOT)), 110),
                column("gui.synclog.col.message", SyncLog.Entry::text, 560)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SyncLog.Entry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("log-error");
                if (!empty && item != null && item.error()) {
                    getStyleClass().add("log-error");
                }
            }
        });
        log.entries().addListener((ListChangeListener<SyncLog.Entry>) c -> table.scrollTo(log.entries().size() - 1));
        Button now = new Button(Messages.get("gui.menu.sync_now"));
        now.setId("logSyncNow");
        now.setOnAction(e -> syncNow.run());
        Button server = new Button(Messages.get("gui.menu.sync_settings"));
        server.setId("logSettings");
        server.setOnAction(e -> settings.run());
        Button open = new Button(Messages.get("gui.menu.sync_conflicts"));
        open.setId("logConflicts");
        open.setOnAction(e -> conflicts.run());
        HBox bar = new HBox(6, now, server, open);
        bar.setPadding(new Insets(6));
        Scene scene = new Scene(new BorderPane(table, bar, null, null, null), 860, 420);
        Workstation.applyLook(scene);
        stage.setScene(scene);
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public void show() {
        stage.show();
        stage.toFront();
        if (!table.getItems().isEmpty()) {
            table.scrollTo(table.getItems().size() - 1);
        }
    }

    public Stage stage() {
        return stage;
    }

    public TableView<SyncLog.Entry> table() {
        return table;
    }
}
