package org.ecomonitor.gui.dialogs;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Flag;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the identify tool shows beside a clicked feature: the layer, the feature's attributes and, for a
 * station, the latest reading of each parameter with its time (in the station's zone) and its HJ 212 flag
 * (a flag other than N is marked, with its meaning).
 */
public final class IdentifyPopup {

    /** The latest reading of one parameter, ready to show. */
    public record LatestReading(String parameter, String unit, long instant, double value, String flag) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Popup popup = new Popup();
    private final VBox content = new VBox(6);
    private String stationActionText;
    private java.util.function.Consumer<Feature> stationAction;

    public IdentifyPopup() {
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        content.getStyleClass().add("identify-popup");
        content.setId("identifyPopup");
        content.setPadding(new Insets(8));
        content.setMaxWidth(460);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(460);
        scroll.getStyleClass().add("identify-scroll");
        popup.getContent().add(scroll);
    }

    /** Adds a button under a station's readings (the trend chart); its action gets the station's feature. */
    public void setStationAction(String text, java.util.function.Consumer<Feature> action) {
        stationActionText = text;
        stationAction = action;
    }

    /** Shows the feature at a screen position. {@code readings} is null for features that are not stations. */
    public void show(Window owner, double screenX, double screenY, String layerTitle, Feature feature,
                     List<LatestReading> readings, ZoneId zone) {
        content.getChildren().clear();
        String name = feature.getString("name");
        Label title = new Label((name == null ? "#" + feature.fid() : name) + " — " + layerTitle);
        title.getStyleClass().add("identify-title");
        Button close = new Button("×");
        close.getStyleClass().add("small-button");
        close.setOnAction(e -> popup.hide());
        BorderPane head = new BorderPane();
        head.setLeft(title);
        head.setRight(close);
        content.getChildren().add(head);

        GridPane attrs = new GridPane();
        attrs.setHgap(10);
        attrs.setVgap(2);
        attrs.getStyleClass().add("identify-grid");
        int row = 0;
        attrs.addRow(row++, key("fid"), new Label(Long.toString(feature.fid())));
        for (Map.Entry<String, Object> e : feature.attributes().entrySet()) {
            if (e.getValue() != null && !e.getValue().toString().isBlank()) {
                Label v = new Label(e.getValue().toString());
                v.setWrapText(true);
                v.setMaxWidth(320);
                attrs.addRow(row++, key(e.getKey()), v);
            }
        }
        content.getChildren().add(attrs);

        if (readings != null) {
            Label heading = new Label(Messages.get("gui.identify.latest"));
            heading.getStyleClass().add("identify-heading");
            content.getChildren().add(heading);
            if (readings.isEmpty()) {
                content.getChildren().add(new Label(Messages.get("gui.identify.no_readings")));
            } else {
                GridPane grid = new GridPane();
                grid.setHgap(10);
                grid.setVgap(2);
                grid.getStyleClass().add("identify-grid");
                grid.addRow(0, key(Messages.get("gui.identify.parameter")), key(Messages.get("gui.identify.value")),
                        key(Messages.get("gui.identify.time")), key(Messages.get("gui.identify.flag")));
                int r = 1;
                ZoneId z = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
                for (LatestReading lr : readings) {
                    String value = Double.isNaN(lr.value()) ? "—" : format(lr.value()) + (lr.unit().isEmpty() ? "" : " " + lr.unit());
                    Label flag = new Label(flagText(lr.flag()));
                    if (lr.flag() != null && !"N".equals(lr.flag())) {
                        flag.getStyleClass().add("flag-abnormal");
                    }
                    grid.addRow(r++, new Label(lr.parameter()), new Label(value),
                            new Label(TIME.format(Instant.ofEpochMilli(lr.instant()).atZone(z))), flag);
                }
                content.getChildren().add(grid);
            }
            if (stationAction != null) {
                Button action = new Button(stationActionText);
                action.setId("identifyStationAction");
                java.util.function.Consumer<Feature> run = stationAction;
                action.setOnAction(e -> {
                    popup.hide();
                    run.accept(feature);
                });
                content.getChildren().add(action);
            }
        }
        popup.show(owner, screenX + 12, screenY + 12);
    }

    /** "N", or "C (calibration)" for the other flags. */
    static String flagText(String flag) {
        if (flag == null || flag.isBlank()) {
            return "N";
        }
        Flag f = Flag.parse(flag);
        if (f == null || f == Flag.N) {
            return flag;
        }
        return flag + " (" + Messages.get("gui.flag." + f.name()) + ")";
    }

    private static String format(double v) {
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("identify-key");
        return l;
    }

    public void hide() {
        popup.hide();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /** The popup's content (tests read it). */
    public VBox content() {
        return content;
    }
}
