package org.ecomonitor.gui.analysis;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ecomonitor.analysis.interpolation.InterpolationWarning;
import org.ecomonitor.analysis.noisemap.ZoneExceedance;
import org.ecomonitor.analysis.standards.NoiseGrading;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.noisemap.NoiseMapResult;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The results of a noise map: what was mapped (points, method, cells), the HJ 640-2012 regional grade of the
 * measured points, the GB 3096-2008 share of each acoustic functional zone above its limit, the warnings, and
 * the buttons that export the map to files and save it into the project.
 */
final class NoiseMapResultsPane {

    /** One zone's row. */
    record ShareRow(String zone, String zoneClass, String limit, String coverage, String share) {
    }

    private final Label summary = new Label(Messages.get("gui.noise.results.none"));
    private final Label grade = new Label();
    private final TableView<ShareRow> shares = new TableView<>();
    private final ListView<String> warnings = new ListView<>();
    final MenuButton export = new MenuButton(Messages.get("gui.noise.export"));
    final MenuItem exportTif = new MenuItem(Messages.get("gui.noise.export.tif"));
    final MenuItem exportPng = new MenuItem(Messages.get("gui.noise.export.png"));
    final MenuItem exportAsc = new MenuItem(Messages.get("gui.noise.export.asc"));
    final MenuItem exportBands = new MenuItem(Messages.get("gui.noise.export.bands"));
    final MenuItem exportVariance = new MenuItem(Messages.get("gui.noise.export.variance"));
    final MenuItem exportCv = new MenuItem(Messages.get("gui.noise.export.cv"));
    final MenuItem exportVariogram = new MenuItem(Messages.get("gui.noise.export.variogram"));
    final Button save = new Button(Messages.get("gui.noise.save"));
    final CheckBox saveRaster = new CheckBox(Messages.get("gui.noise.save_raster"));
    private final VBox box;

    NoiseMapResultsPane() {
        summary.setId("noiseSummary");
        summary.setWrapText(true);
        grade.setId("noiseGrade");
        grade.setWrapText(true);
        grade.getStyleClass().add("result-headline");
        shares.setId("noiseZoneShares");
        warnings.setId("noiseWarnings");
        export.setId("noiseExport");
        exportTif.setId("noiseExportTif");
        exportPng.setId("noiseExportPng");
        exportAsc.setId("noiseExportAsc");
        exportBands.setId("noiseExportBands");
        exportVariance.setId("noiseExportVariance");
        exportCv.setId("noiseExportCv");
        exportVariogram.setId("noiseExportVariogram");
        save.setId("noiseSave");
        saveRaster.setId("noiseSaveRaster");
        export.getItems().setAll(exportTif, exportPng, exportAsc, exportBands, exportVariance, exportCv, exportVariogram);
        shares.getColumns().setAll(List.of(
                column("gui.noise.share.zone", ShareRow::zone, 170),
                column("gui.noise.share.class", ShareRow::zoneClass, 60),
                column("gui.noise.share.limit", ShareRow::limit, 80),
                column("gui.noise.share.coverage", ShareRow::coverage, 90),
                column("gui.noise.share.over", ShareRow::share, 110)));
        shares.setPlaceholder(new Label(Messages.get("gui.noise.share.none")));
        shares.setPrefHeight(170);
        warnings.setPrefHeight(110);
        Label gradeTitle = section("gui.noise.grade.title");
        Label sharesTitle = section("gui.noise.share.title");
        Label warningsTitle = section("gui.noise.warnings.title");
        HBox buttons = new HBox(8, export, save, saveRaster);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box = new VBox(6, summary, gradeTitle, grade, sharesTitle, shares, warningsTitle, warnings, buttons);
        VBox.setVgrow(shares, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        enableButtons(false, false);
    }

    private static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("form-section");
        return l;
    }

    private static TableColumn<ShareRow, String> column(String key, Function<ShareRow, String> value, double width) {
        TableColumn<ShareRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(r -> new SimpleStringProperty(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    Node node() {
        return box;
    }

    Label grade() {
        return grade;
    }

    TableView<ShareRow> shares() {
        return shares;
    }

    ListView<String> warnings() {
        return warnings;
    }

    void enableButtons(boolean result, boolean variance) {
        export.setDisable(!result);
        save.setDisable(!result);
        saveRaster.setDisable(!result);
        exportVariance.setDisable(!variance);
    }

    void show(NoiseMapResult r, String name) {
        summary.setText(Messages.get("gui.noise.results.summary", name, r.points().size(), r.points().parameter(),
                NoiseMapLayers.period(r), r.method().description(), ClassRamp.number(r.gridSpec().cellSize()),
                r.validCells(), "EPSG:" + r.crs()));
        NoiseGrading.Result g = r.grade();
        if (g == null) {
            grade.setText(Messages.get("gui.noise.grade.none"));
        } else {
            grade.setText(Messages.get("gui.noise.grade.text", g.grade().number(), g.grade().label(Messages.locale()),
                    String.format(Locale.ROOT, "%.1f", g.mean()), g.points(), NoiseMapLayers.period(r))
                    + (g.enoughPoints() ? "" : "  " + Messages.get("gui.noise.grade.few", NoiseGrading.MIN_GRID_POINTS)));
        }
        shares.getItems().clear();
        for (ZoneExceedance.Share s : r.zoneShares()) {
            shares.getItems().add(new ShareRow(s.name(), s.zone().code(), String.format(Locale.ROOT, "%.0f dB(A)", s.limit()),
                    percent(s.coverage()), percent(s.share())));
        }
        warnings.getItems().setAll(r.warnings().stream().map(InterpolationWarning::message).toList());
        enableButtons(true, r.grid().hasVariance());
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "–";
    }
}
