package org.ecomonitor.gui.alarms;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.ecomonitor.analysis.alarm.AlarmKind;
import org.ecomonitor.analysis.alarm.AlarmRule;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.AlarmService;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.StationKind;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The alarm rules editor: the project's rules as a table (kind, parameter, station kind, threshold, readings in
 * a row or hours, flags, enabled), a form to edit the selected rule, add, remove, and back to the defaults.
 * "Apply" checks the rule ({@link AlarmRule#validate}) and says what is wrong; "Save" checks every rule and
 * returns the list, which the caller stores with {@link AlarmService#saveRules}.
 */
public final class AlarmRulesDialog extends Dialog<List<AlarmRule>> {

    public static final ButtonType SAVE = new ButtonType(Messages.get("gui.rules.save"), ButtonBar.ButtonData.OK_DONE);

    private final TableView<AlarmRule> table = new TableView<>();
    private final TextField id = new TextField();
    private final ComboBox<AlarmKind> kind = new ComboBox<>();
    private final ComboBox<String> parameter = new ComboBox<>();
    private final ComboBox<StationKind> stationKind = new ComboBox<>();
    private final TextField station = new TextField();
    private final TextField threshold = new TextField();
    private final CheckBox below = new CheckBox(Messages.get("gui.rules.below"));
    private final Spinner<Integer> count = new Spinner<>(1, 10_000, 1);
    private final TextField hours = new TextField();
    private final Map<Flag, CheckBox> flags = new EnumMap<>(Flag.class);
    private final TextField source = new TextField();
    private final CheckBox enabled = new CheckBox(Messages.get("gui.rules.enabled"));
    private final Label error = new Label();
    private final Map<String, Parameter> catalogue;

    public AlarmRulesDialog(Window owner, List<AlarmRule> rules, Map<String, Parameter> catalogue) {
        this.catalogue = catalogue;
        initOwner(owner);
        setTitle(Messages.get("gui.rules.title"));
        setResizable(true);
        table.setId("rulesTable");
        table.getColumns().setAll(List.of(
                column("gui.rules.col.enabled", r -> r.enabled() ? "✔" : "", 50),
                column("gui.rules.col.id", AlarmRule::id, 150),
                column("gui.rules.col.kind", r -> Messages.get(r.kind().messageKey()), 120),
                column("gui.rules.col.parameter", r -> parameterText(r.parameter()), 110),
                column("gui.rules.col.station_kind", r -> r.stationKind() == null ? Messages.get("gui.rules.any")
                        : Messages.get(r.stationKind().messageKey()), 120),
                column("gui.rules.col.station", r -> r.station() == null ? "" : r.station(), 80),
                column("gui.rules.col.threshold", r -> number(r.threshold()) + (r.below() ? " ↓" : ""), 80),
                column("gui.rules.col.count", r -> r.kind() == AlarmKind.CONSECUTIVE_EXCEEDANCES ? Integer.toString(r.count()) : "", 60),
                column("gui.rules.col.hours", r -> r.hours() > 0 ? number(r.hours()) : "", 55),
                column("gui.rules.col.flags", r -> r.kind() == AlarmKind.FLAGGED_DATA
                        ? String.join(" ", r.flags().stream().map(Flag::name).toList()) : "", 80),
                column("gui.rules.col.source", AlarmRule::limitSource, 140)));
        table.getItems().setAll(rules);
        table.setPrefHeight(300);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showRule(b));

        id.setId("ruleId");
        kind.setId("ruleKind");
        kind.getItems().setAll(AlarmKind.values());
        kind.setConverter(converter(k -> Messages.get(k.messageKey())));
        kind.valueProperty().addListener((o, a, b) -> enableFields(b));
        parameter.setId("ruleParameter");
        parameter.getItems().add(AlarmRule.ANY_PARAMETER);
        parameter.getItems().addAll(catalogue.keySet());
        parameter.setConverter(converter(this::parameterText));
        parameter.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : parameterText(item) + (AlarmRule.ANY_PARAMETER.equals(item) ? "" : "  " + item));
            }
        });
        stationKind.setId("ruleStationKind");
        stationKind.getItems().add(null);
        stationKind.getItems().addAll(StationKind.values());
        stationKind.setConverter(converter(k -> k == null ? Messages.get("gui.rules.any") : Messages.get(k.messageKey())));
        station.setId("ruleStation");
        station.setPromptText(Messages.get("gui.rules.station_prompt"));
        threshold.setId("ruleThreshold");
        hours.setId("ruleHours");
        count.setId("ruleCount");
        count.setEditable(true);
        below.setId("ruleBelow");
        enabled.setId("ruleEnabled");
        source.setId("ruleSource");
        FlowPane flagBoxes = new FlowPane(6, 2);
        for (Flag f : Flag.values()) {
            if (f == Flag.N) {
                continue;
            }
            CheckBox b = new CheckBox(f.name());
            b.setId("ruleFlag" + f.name());
            b.setTooltip(new javafx.scene.control.Tooltip(Messages.get("gui.flag." + f.name())));
            flags.put(f, b);
            flagBoxes.getChildren().add(b);
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        int row = 0;
        form.addRow(row++, new Label(Messages.get("gui.rules.col.id")), id, new Label(Messages.get("gui.rules.col.kind")), kind);
        form.addRow(row++, new Label(Messages.get("gui.rules.col.parameter")), parameter,
                new Label(Messages.get("gui.rules.col.station_kind")), stationKind);
        form.addRow(row++, new Label(Messages.get("gui.rules.col.station")), station, new Label(Messages.get("gui.rules.col.source")), source);
        form.addRow(row++, new Label(Messages.get("gui.rules.threshold")), new HBox(6, threshold, below),
                new Label(Messages.get("gui.rules.count")), count);
        form.addRow(row++, new Label(Messages.get("gui.rules.hours")), hours, new Label(Messages.get("gui.rules.col.flags")), flagBoxes);
        form.addRow(row, enabled);
        Button apply = new Button(Messages.get("gui.rules.apply"));
        apply.setId("ruleApply");
        apply.setOnAction(e -> applyForm());
        Button add = new Button(Messages.get("gui.rules.add"));
        add.setId("ruleAdd");
        add.setOnAction(e -> addRule());
        Button remove = new Button(Messages.get("gui.rules.remove"));
        remove.setId("ruleRemove");
        remove.setOnAction(e -> {
            AlarmRule r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                table.getItems().remove(r);
            }
        });
        Button defaults = new Button(Messages.get("gui.rules.defaults"));
        defaults.setId("ruleDefaults");
        defaults.setOnAction(e -> table.getItems().setAll(AlarmService.defaults()));
        error.setId("ruleError");
        error.getStyleClass().add("warning");
        error.setWrapText(true);
        Label help = new Label(Messages.get("gui.rules.help"));
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox box = new VBox(8, table, new HBox(6, add, remove, defaults), form, new HBox(6, apply), error, help);
        box.setPadding(new Insets(10));
        box.setPrefWidth(1080);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(SAVE, new ButtonType(Messages.get("gui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().setId("rulesDialog");
        getDialogPane().lookupButton(SAVE).addEventFilter(ActionEvent.ACTION, e -> {
            if (!validateAll()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == SAVE ? List.copyOf(table.getItems()) : null);
        if (!rules.isEmpty()) {
            table.getSelectionModel().select(0);
        } else {
            showRule(null);
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private String parameterText(String code) {
        if (code == null) {
            return "";
        }
        if (AlarmRule.ANY_PARAMETER.equals(code)) {
            return Messages.get("gui.alarms.all_parameters");
        }
        Parameter p = catalogue.get(code);
        if (p == null) {
            return code;
        }
        String n = "zh".equals(Messages.locale().getLanguage()) ? p.nameZh() : p.nameEn();
        return n == null || n.isBlank() ? code : n;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void showRule(AlarmRule r) {
        boolean none = r == null;
        AlarmRule rule = none ? AlarmRule.limit("", AlarmRule.ANY_PARAMETER, 0, "") : r;
        id.setText(rule.id());
        kind.setValue(rule.kind());
        parameter.setValue(rule.parameter());
        stationKind.setValue(rule.stationKind());
        station.setText(rule.station() == null ? "" : rule.station());
        threshold.setText(number(rule.threshold()));
        below.setSelected(rule.below());
        count.getValueFactory().setValue(Math.max(1, rule.count()));
        hours.setText(rule.hours() > 0 ? number(rule.hours()) : "");
        flags.forEach((f, b) -> b.setSelected(rule.flags().contains(f)));
        source.setText(rule.limitSource());
        enabled.setSelected(rule.enabled());
        error.setText("");
        enableFields(rule.kind());
    }

    private void enableFields(AlarmKind k) {
        if (k == null) {
            return;
        }
        boolean limit = k == AlarmKind.LIMIT_EXCEEDED || k == AlarmKind.CONSECUTIVE_EXCEEDANCES;
        threshold.setDisable(k == AlarmKind.DATA_GAP || k == AlarmKind.FLAGGED_DATA);
        below.setDisable(!limit);
        count.setDisable(k != AlarmKind.CONSECUTIVE_EXCEEDANCES);
        hours.setDisable(!(k == AlarmKind.FLAT_LINE || k == AlarmKind.DATA_GAP || k == AlarmKind.RATE_OF_CHANGE));
        flags.values().forEach(b -> b.setDisable(k != AlarmKind.FLAGGED_DATA));
        source.setDisable(!limit);
    }

    /** The rule the form describes; throws a {@link UserException} saying what is wrong. */
    AlarmRule formRule() {
        String ruleId = id.getText().trim();
        if (ruleId.isEmpty()) {
            throw new UserException("gui.rules.error.id");
        }
        double t = parseNumber(threshold, ruleId, "gui.rules.threshold");
        double h = parseNumber(hours, ruleId, "gui.rules.hours");
        Set<Flag> chosen = EnumSet.noneOf(Flag.class);
        flags.forEach((f, b) -> {
            if (b.isSelected()) {
                chosen.add(f);
            }
        });
        if (kind.getValue() == AlarmKind.FLAGGED_DATA && chosen.isEmpty()) {
            throw new UserException("gui.rules.error.flags", ruleId);
        }
        String st = station.getText().trim();
        AlarmRule r = new AlarmRule(ruleId, kind.getValue(), parameter.getValue(), stationKind.getValue(), st.isEmpty() ? null : st,
                Double.isNaN(t) ? 0 : t, below.isSelected(), count.getValue(), Double.isNaN(h) ? 0 : h, chosen,
                source.getText().trim(), enabled.isSelected());
        return r.validate();
    }

    private static double parseNumber(TextField field, String ruleId, String labelKey) {
        String text = field.getText() == null ? "" : field.getText().trim().replace('，', '.');
        if (text.isEmpty() || field.isDisabled()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UserException("gui.rules.error.number", ruleId, Messages.get(labelKey), text);
        }
    }

    /** Puts the form's rule in place of the selected one (or adds it); false with the reason shown when it is wrong. */
    public boolean applyForm() {
        try {
            AlarmRule r = formRule();
            AlarmRule selected = table.getSelectionModel().getSelectedItem();
            for (AlarmRule other : table.getItems()) {
                if (other != selected && other.id().equals(r.id())) {
                    throw new UserException("gui.rules.error.duplicate", r.id());
                }
            }
            if (selected == null) {
                table.getItems().add(r);
            } else {
                table.getItems().set(table.getItems().indexOf(selected), r);
            }
            table.getSelectionModel().select(r);
            error.setText("");
            return true;
        } catch (UserException e) {
            error.setText(e.getMessage());
            return false;
        }
    }

    private void addRule() {
        Set<String> ids = new HashSet<>(table.getItems().stream().map(AlarmRule::id).toList());
        int n = 1;
        while (ids.contains("rule-" + n)) {
            n++;
        }
        AlarmRule r = AlarmRule.limit("rule-" + n, catalogue.keySet().stream().findFirst().orElse("a34004"), 0, "");
        table.getItems().add(r);
        table.getSelectionModel().select(r);
    }

    /** Checks every rule and that ids are unique; shows the first problem. */
    boolean validateAll() {
        Set<String> ids = new HashSet<>();
        try {
            for (AlarmRule r : table.getItems()) {
                r.validate();
                if (!ids.add(r.id())) {
                    throw new UserException("gui.rules.error.duplicate", r.id());
                }
            }
            return true;
        } catch (UserException e) {
            error.setText(e.getMessage());
            return false;
        }
    }

    // ---- for tests

    public TableView<AlarmRule> table() {
        return table;
    }

    public TextField thresholdField() {
        return threshold;
    }

    public Label error() {
        return error;
    }

}
