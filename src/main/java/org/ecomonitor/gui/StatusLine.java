package org.ecomonitor.gui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import org.controlsfx.control.StatusBar;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.i18n.Messages;

import java.util.Locale;

/**
 * The status bar (ControlsFX): the pointer's position in CGCS2000 longitude/latitude and Gauss-Krüger x/y, the
 * map scale, the CRS, the running background task with its progress and a cancel button, and a slot for the
 * sync status (filled by the sync client).
 */
public final class StatusLine {

    private final StatusBar bar = new StatusBar();
    private final Label scale = new Label();
    private final Label crs = new Label("EPSG:" + Crs.CGCS2000 + " CGCS2000");
    private final Label task = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(Messages.get("gui.cancel"));
    private final HBox taskBox = new HBox(6);
    private final Label sync = new Label(Messages.get("gui.status.sync_none"));
    private final CoordinateTransform toGk = CoordinateTransform.between(Crs.CGCS2000, Crs.CGCS2000_GK_CM_108E);
    private final double dpi = Screen.getPrimary().getDpi();
    private TaskProgress current;

    public StatusLine() {
        bar.getStyleClass().add("status-line");
        bar.setText(Messages.get("gui.status.ready"));
        progress.setPrefWidth(140);
        cancel.getStyleClass().add("small-button");
        cancel.setId("cancelTask");
        cancel.setOnAction(e -> {
            if (current != null) {
                current.cancel();
                task.setText(Messages.get("gui.status.cancelling"));
            }
        });
        task.setId("taskText");
        taskBox.getChildren().addAll(task, progress, cancel);
        taskBox.setPadding(new Insets(0, 6, 0, 6));
        taskBox.setVisible(false);
        taskBox.setManaged(false);
        scale.setId("mapScale");
        crs.setTooltip(new Tooltip(Messages.get("gui.status.crs_tip")));
        sync.setId("syncStatus");
        sync.getStyleClass().add("sync-status");
        bar.getRightItems().addAll(taskBox, new Separator(), scale, new Separator(), crs, new Separator(), sync);
    }

    public StatusBar node() {
        return bar;
    }

    /** The sync client's slot (placeholder text until sync exists). */
    public Label syncStatus() {
        return sync;
    }

    /** Shows the pointer's position, or the ready text when it is off the map. */
    public void showPointer(double[] lonLat) {
        if (lonLat == null) {
            bar.setText("");
            return;
        }
        double[] gk = toGk.apply(lonLat[0], lonLat[1]);
        bar.setText(Messages.get("gui.status.position",
                String.format(Locale.ROOT, "%.5f", lonLat[0]), String.format(Locale.ROOT, "%.5f", lonLat[1]),
                String.format(Locale.ROOT, "%.1f", gk[0]), String.format(Locale.ROOT, "%.1f", gk[1])));
    }

    public void showScale(MapViewport vp) {
        if (vp == null || vp.width() <= 0) {
            return;
        }
        double d = vp.scaleDenominator(dpi);
        double rounded = d > 1000 ? Math.round(d / 100) * 100.0 : Math.round(d);
        scale.setText(Messages.get("gui.status.scale", String.format(Locale.ROOT, "%,.0f", rounded)));
    }

    public void showMessage(String text) {
        bar.setText(text);
    }

    /** Shows a background task until it ends. */
    public void track(TaskProgress p) {
        current = p;
        task.textProperty().bind(p.textProperty());
        progress.progressProperty().bind(p.fractionProperty());
        taskBox.setVisible(true);
        taskBox.setManaged(true);
    }

    /** The task ended: hides its progress. */
    public void done(TaskProgress p) {
        if (current == p) {
            task.textProperty().unbind();
            progress.progressProperty().unbind();
            taskBox.setVisible(false);
            taskBox.setManaged(false);
            current = null;
        }
    }

    public boolean busy() {
        return current != null;
    }
}
