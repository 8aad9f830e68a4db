package org.ecomonitor.gui.dialogs;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ecomonitor.gui.ErrorDialogs;
import org.ecomonitor.gui.TaskProgress;
import org.ecomonitor.gui.tiles.AreaDownload;
import org.ecomonitor.gui.tiles.TileRange;
import org.ecomonitor.gui.tiles.TileSource;
import org.ecomonitor.i18n.Messages;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * "Download this area for offline use": the box (the current view to start with) and the zoom range, the number
 * of tiles shown before anything starts (refused above {@link AreaDownload#MAX_TILES}), then the download of the
 * current online background into an MBTiles file with progress and cancel. When it finishes, the file is offered
 * as the background.
 */
public final class OfflineDownloadDialog extends Stage {

    private final TextField minLon = new TextField();
    private final TextField minLat = new TextField();
    private final TextField maxLon = new TextField();
    private final TextField maxLat = new TextField();
    private final Spinner<Integer> minZoom;
    private final Spinner<Integer> maxZoom;
    private final TextField target = new TextField();
    private final Label count = new Label();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button start = new Button(Messages.get("gui.download.start"));
    private final Button cancel = new Button(Messages.get("gui.cancel"));
    private final TileSource source;
    private final Consumer<Path> onDone;
    private TaskProgress running;

    /**
     * @param bounds {minLon, minLat, maxLon, maxLat} to start with
     * @param zoom   the map's zoom now
     * @param source the online background to download, or null when the background is not online
     */
    public OfflineDownloadDialog(Window owner, double[] bounds, int zoom, TileSource source, Path defaultTarget,
                                 Consumer<Path> onDone) {
        this.source = source;
        this.onDone = onDone;
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle(Messages.get("gui.download.title"));
        minLon.setText(fmt(bounds[0]));
        minLat.setText(fmt(bounds[1]));
        maxLon.setText(fmt(bounds[2]));
        maxLat.setText(fmt(bounds[3]));
        minZoom = new Spinner<>(0, 19, Math.max(0, Math.min(19, zoom)));
        maxZoom = new Spinner<>(0, 19, Math.max(0, Math.min(19, zoom + 2)));
        minZoom.setEditable(true);
        maxZoom.setEditable(true);
        target.setText(defaultTarget.toString());
        target.setPrefColumnCount(34);
        minLon.setId("dlMinLon");
        minLat.setId("dlMinLat");
        maxLon.setId("dlMaxLon");
        maxLat.setId("dlMaxLat");
        minZoom.setId("dlMinZoom");
        maxZoom.setId("dlMaxZoom");
        target.setId("dlTarget");
        count.setId("dlCount");
        status.setId("dlStatus");
        start.setId("dlStart");
        cancel.setId("dlCancel");
        progress.setPrefWidth(320);
        for (TextField f : new TextField[]{minLon, minLat, maxLon, maxLat}) {
            f.setPrefColumnCount(9);
            f.textProperty().addListener((o, a, b) -> updateCount());
        }
        minZoom.valueProperty().addListener((o, a, b) -> updateCount());
        maxZoom.valueProperty().addListener((o, a, b) -> updateCount());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(Messages.get("gui.download.west")), minLon, new Label(Messages.get("gui.download.east")), maxLon);
        grid.addRow(1, new Label(Messages.get("gui.download.south")), minLat, new Label(Messages.get("gui.download.north")), maxLat);
        grid.addRow(2, new Label(Messages.get("gui.download.zoom_from")), minZoom, new Label(Messages.get("gui.download.zoom_to")), maxZoom);
        grid.add(new Label(Messages.get("gui.download.file")), 0, 3);
        grid.add(target, 1, 3, 3, 1);
        start.setDefaultButton(true);
        start.setOnAction(e -> startDownload());
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            } else {
                close();
            }
        });
        VBox box = new VBox(10, grid, count, new HBox(8, progress, start, cancel), status);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("dialog-body");
        setScene(new Scene(box));
        if (owner != null && owner.getScene() != null) {
            getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        if (source == null || !source.isOnline()) {
            status.setText(Messages.get("gui.download.no_online_source"));
        }
        updateCount();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    /** The range the fields describe, or null when a field is not a number. */
    public TileRange range() {
        try {
            double w = Double.parseDouble(minLon.getText().trim()), s = Double.parseDouble(minLat.getText().trim());
            double e = Double.parseDouble(maxLon.getText().trim()), n = Double.parseDouble(maxLat.getText().trim());
            return new TileRange(Math.min(w, e), Math.min(s, n), Math.max(w, e), Math.max(s, n), minZoom.getValue(), maxZoom.getValue());
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private void updateCount() {
        TileRange r = range();
        boolean online = source != null && source.isOnline();
        if (r == null) {
            count.setText(Messages.get("gui.download.bad_range"));
            start.setDisable(true);
            return;
        }
        long n = r.count();
        boolean tooMany = n > AreaDownload.MAX_TILES;
        count.setText(Messages.get(tooMany ? "gui.download.count_too_many" : "gui.download.count", n, AreaDownload.MAX_TILES));
        count.getStyleClass().remove("warning");
        if (tooMany) {
            count.getStyleClass().add("warning");
        }
        start.setDisable(tooMany || !online || running != null);
    }

    private void startDownload() {
        TileRange r = range();
        if (r == null || source == null) {
            return;
        }
        Path file = Path.of(target.getText().trim());
        TaskProgress p = new TaskProgress(Messages.get("gui.download.title"));
        running = p;
        progress.progressProperty().bind(p.fractionProperty());
        status.setText(Messages.get("gui.download.running"));
        start.setDisable(true);
        Thread t = new Thread(() -> {
            try {
                AreaDownload.Result result = new AreaDownload(source).run(r, file, file.getFileName().toString(), p);
                Platform.runLater(() -> finished(file, result, null));
            } catch (Throwable e) {
                Platform.runLater(() -> finished(file, null, e));
            }
        }, "tile-download");
        t.setDaemon(true);
        t.start();
    }

    private void finished(Path file, AreaDownload.Result result, Throwable error) {
        running = null;
        progress.progressProperty().unbind();
        updateCount();
        if (error != null) {
            progress.setProgress(0);
            status.setText(ErrorDialogs.isCancellation(error) ? Messages.get("gui.download.cancelled") : ErrorDialogs.message(error));
            return;
        }
        progress.setProgress(1);
        status.setText(Messages.get("gui.download.done", result.written(), result.missing(), result.failed(), file));
        onDone.accept(file);
    }

    public Label statusLabel() {
        return status;
    }

    public Label countLabel() {
        return count;
    }

    public boolean isRunning() {
        return running != null;
    }
}
