package org.ecomonitor.gui.dialogs;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Notice;
import org.ecomonitor.model.Rejection;

/**
 * The report after an import: what landed (stations, features, readings new, corrected, unchanged), the notices,
 * and every rejected row with where it is ({@code file:line}), the column and the reason.
 */
public final class ImportReportDialog extends Dialog<Void> {

    private final TableView<Rejection> rejections = new TableView<>();

    public ImportReportDialog(Window owner, ImportReport report) {
        initOwner(owner);
        setTitle(Messages.get("gui.import.report_title"));
        setResizable(true);
        VBox box = new VBox(8);
        box.setPadding(new Insets(10));
        box.setPrefWidth(760);
        Label summary = new Label(Messages.get(report.landed() ? "gui.import.summary" : "gui.import.summary_not_landed",
                report.stationsInserted(), report.stationsUpdated(), report.features(), report.readingsInserted(),
                report.readingsUpdated(), report.readingsUnchanged(), report.rejectedCount()));
        summary.setWrapText(true);
        summary.setId("importSummary");
        box.getChildren().add(summary);
        if (!report.notices().isEmpty()) {
            ListView<String> notices = new ListView<>();
            for (Notice n : report.notices()) {
                notices.getItems().add(n.file() + ": " + Messages.get(n.key(), n.args().toArray()));
            }
            notices.setPrefHeight(Math.min(120, 26 * notices.getItems().size() + 4));
            box.getChildren().addAll(new Label(Messages.get("gui.import.notices")), notices);
        }
        if (!report.rejections().isEmpty()) {
            TableColumn<Rejection, String> where = new TableColumn<>(Messages.get("gui.import.where"));
            where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
            where.setPrefWidth(200);
            TableColumn<Rejection, String> column = new TableColumn<>(Messages.get("gui.import.column"));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().column() == null ? "" : c.getValue().column()));
            TableColumn<Rejection, String> reason = new TableColumn<>(Messages.get("gui.import.reason"));
            reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                    Messages.get(c.getValue().reasonKey(), c.getValue().args().toArray())));
            reason.setPrefWidth(440);
            rejections.getColumns().setAll(java.util.List.of(where, column, reason));
            rejections.getItems().setAll(report.rejections());
            rejections.setId("rejections");
            rejections.setPrefHeight(300);
            box.getChildren().addAll(new Label(Messages.get("gui.import.rejected", report.rejectedCount())), rejections);
        }
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setId("importReport");
    }

    public TableView<Rejection> rejections() {
        return rejections;
    }
}
