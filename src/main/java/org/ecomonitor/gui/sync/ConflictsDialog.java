package org.ecomonitor.gui.sync;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.Workstation;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.sync.Conflicts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The open sync conflicts: an edit made here met another edit of the same row on the server. On the left the
 * conflicts (what, whose change, when); on the right both copies side by side, field by field, the differing
 * fields marked, each with a choice of mine or theirs. Resolve with "keep mine", "take theirs", or the choices
 * field by field; the result goes to the server with the next sync.
 */
public final class ConflictsDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Stage stage = new Stage();
    private final SyncController controller;
    private final ListView<Conflicts.Conflict> list = new ListView<>();
    private final GridPane fields = new GridPane();
    private final Label heading = new Label();
    private final Map<String, ToggleGroup> choices = new LinkedHashMap<>();
    private final Button mine = new Button(Messages.get("gui.conflicts.keep_mine"));
    private final Button theirs = new Button(Messages.get("gui.conflicts.take_theirs"));
    private final Button byField = new Button(Messages.get("gui.conflicts.apply_fields"));
    private CompletableFuture<List<Conflicts.Conflict>> loading = CompletableFuture.completedFuture(List.of());

    public ConflictsDialog(Window owner, SyncController controller) {
        this.controller = controller;
        stage.initOwner(owner);
        stage.setTitle(Messages.get("gui.conflicts.title"));
        list.setId("conflictList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Conflicts.Conflict c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : title(c));
            }
        });
        list.setPlaceholder(new Label(Messages.get("gui.conflicts.none")));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showConflict(b));
        fields.setId("conflictFields");
        fields.setHgap(12);
        fields.setVgap(4);
        heading.setWrapText(true);
        heading.getStyleClass().add("panel-title");
        mine.setId("resolveMine");
        theirs.setId("resolveTheirs");
        byField.setId("resolveFields");
        mine.setOnAction(e -> resolve(Conflicts.Resolution.MINE));
        theirs.setOnAction(e -> resolve(Conflicts.Resolution.THEIRS));
        byField.setOnAction(e -> resolve(fieldChoices()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(6, spring, mine, theirs, byField);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        VBox right = new VBox(8, heading, scroll, buttons);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.34);
        Label help = new Label(Messages.get("gui.conflicts.help"));
        help.setWrapText(true);
        help.setPadding(new Insets(6));
        BorderPane root = new BorderPane(split, help, null, null, null);
        Scene scene = new Scene(root, 980, 520);
        Workstation.applyLook(scene);
        stage.setScene(scene);
        showConflict(null);
    }

    private static String title(Conflicts.Conflict c) {
        return Messages.get("gui.conflicts.item", Messages.get("gui.conflicts.entity." + c.entity()), c.key(),
                c.theirUser() == null ? "?" : c.theirUser(), TIME.format(Instant.ofEpochMilli(c.theirTimeMs()).atZone(ZoneId.systemDefault())));
    }

    /** Shows the window and reads the open conflicts. */
    public CompletableFuture<List<Conflicts.Conflict>> show() {
        stage.show();
        stage.toFront();
        return reload();
    }

    /** Reads the open conflicts again. */
    public CompletableFuture<List<Conflicts.Conflict>> reload() {
        long selected = list.getSelectionModel().getSelectedItem() == null ? -1 : list.getSelectionModel().getSelectedItem().id();
        loading = controller.conflicts().whenCompleteAsync((open, e) -> {
            if (e != null) {
                ErrorDialogs.show(stage, e);
                return;
            }
            list.getItems().setAll(open);
            open.stream().filter(c -> c.id() == selected).findFirst().ifPresentOrElse(
                    c -> list.getSelectionModel().select(c), () -> list.getSelectionModel().selectFirst());
            if (open.isEmpty()) {
                showConflict(null);
            }
        }, Platform::runLater);
        return loading;
    }

    private void showConflict(Conflicts.Conflict c) {
        fields.getChildren().clear();
        choices.clear();
        boolean none = c == null;
        mine.setDisable(none);
        theirs.setDisable(none);
        byField.setDisable(none || c.mineDeleted() || c.theirsDeleted());
        if (none) {
            heading.setText(Messages.get("gui.conflicts.none"));
            return;
        }
        heading.setText(title(c));
        fields.addRow(0, bold("gui.conflicts.field"), bold("gui.conflicts.mine_copy"), bold("gui.conflicts.theirs_copy"),
                bold("gui.conflicts.choice"));
        if (c.mineDeleted() || c.theirsDeleted()) {
            fields.addRow(1, new Label(""), new Label(c.mineDeleted() ? Messages.get("gui.conflicts.deleted") : ""),
                    new Label(c.theirsDeleted() ? Messages.get("gui.conflicts.deleted") : ""));
        }
        Set<String> names = new LinkedHashSet<>();
        if (c.mine() != null) {
            names.addAll(c.mine().keySet());
        }
        if (c.theirs() != null) {
            names.addAll(c.theirs().keySet());
        }
        int row = 2;
        for (String name : names) {
            Object m = c.mine() == null ? null : c.mine().get(name);
            Object t = c.theirs() == null ? null : c.theirs().get(name);
            boolean differs = c.differing().contains(name) || !Objects.equals(m, t);
            Label field = new Label(name);
            Label mineValue = new Label(text(m));
            Label theirValue = new Label(text(t));
            mineValue.setWrapText(true);
            theirValue.setWrapText(true);
            mineValue.setMaxWidth(300);
            theirValue.setMaxWidth(300);
            if (differs) {
                field.getStyleClass().add("conflict-differs");
                mineValue.getStyleClass().add("conflict-differs");
                theirValue.getStyleClass().add("conflict-differs");
                ToggleGroup g = new ToggleGroup();
                RadioButton pickMine = new RadioButton(Messages.get("gui.conflicts.mine"));
                RadioButton pickTheirs = new RadioButton(Messages.get("gui.conflicts.theirs"));
                pickMine.setId("pickMine-" + name);
                pickTheirs.setId("pickTheirs-" + name);
                pickMine.setToggleGroup(g);
                pickTheirs.setToggleGroup(g);
                pickMine.setUserData(Conflicts.Side.MINE);
                pickTheirs.setUserData(Conflicts.Side.THEIRS);
                pickMine.setSelected(true);
                choices.put(name, g);
                fields.addRow(row++, field, mineValue, theirValue, new HBox(8, pickMine, pickTheirs));
            } else {
                field.getStyleClass().add("hint");
                fields.addRow(row++, field, mineValue, theirValue, new Label(Messages.get("gui.conflicts.same")));
            }
        }
    }

    private static Label bold(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("panel-title");
        return l;
    }

    private static String text(Object v) {
        return v == null ? "—" : v.toString();
    }

    private Conflicts.Resolution fieldChoices() {
        Map<String, Conflicts.Side> m = new LinkedHashMap<>();
        choices.forEach((name, g) -> m.put(name, g.getSelectedToggle() == null ? Conflicts.Side.MINE
                : (Conflicts.Side) g.getSelectedToggle().getUserData()));
        return Conflicts.Resolution.fields(m);
    }

    /** Resolves the selected conflict, then reads the list again. */
    public CompletableFuture<List<Conflicts.Conflict>> resolve(Conflicts.Resolution resolution) {
        Conflicts.Conflict c = list.getSelectionModel().getSelectedItem();
        if (c == null) {
            return CompletableFuture.completedFuture(list.getItems());
        }
        mine.setDisable(true);
        theirs.setDisable(true);
        byField.setDisable(true);
        return controller.resolve(c, resolution).thenComposeAsync(x -> reload(), Platform::runLater)
                .whenCompleteAsync((r, e) -> {
                    if (e != null) {
                        ErrorDialogs.show(stage, e);
                        showConflict(list.getSelectionModel().getSelectedItem());
                    }
                }, Platform::runLater);
    }

    public CompletableFuture<List<Conflicts.Conflict>> loading() {
        return loading;
    }

    public Stage stage() {
        return stage;
    }

    public ListView<Conflicts.Conflict> list() {
        return list;
    }
}
