package org.ecomonitor.gui.analysis;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ecomonitor.analysis.interpolation.AutomaticInterpolation;
import org.ecomonitor.analysis.interpolation.CrossValidationResult;
import org.ecomonitor.analysis.noisemap.FittedInterpolation;
import org.ecomonitor.i18n.Messages;

/**
 * What a fit tells before anything is mapped: the variogram plot (empirical points with their pair counts, the
 * model), the method in gstat's words, the leave-one-out cross-validation (points, mean error, mean absolute
 * error, RMSE, mean squared deviation ratio) and, after the automatic choice, every candidate with its RMSE.
 */
final class VariogramPane {

    /** One candidate of the automatic choice. */
    record CandidateRow(String method, String rmse, String note) {
    }

    private final VariogramChart chart = new VariogramChart();
    private final Label method = new Label();
    private final Label points = new Label();
    private final Label meanError = new Label();
    private final Label mae = new Label();
    private final Label rmse = new Label();
    private final Label msdr = new Label();
    private final TableView<CandidateRow> candidates = new TableView<>();
    private final VBox box;

    VariogramPane() {
        chart.setId("variogramChart");
        method.setId("noiseMethodDescription");
        method.setWrapText(true);
        rmse.setId("noiseCvRmse");
        points.setId("noiseCvPoints");
        msdr.setId("noiseCvMsdr");
        candidates.setId("noiseCandidates");
        GridPane cv = new GridPane();
        cv.setHgap(10);
        cv.setVgap(3);
        cv.addRow(0, new Label(Messages.get("gui.noise.cv.points")), points, new Label(Messages.get("gui.noise.cv.rmse")), rmse);
        cv.addRow(1, new Label(Messages.get("gui.noise.cv.me")), meanError, new Label(Messages.get("gui.noise.cv.mae")), mae);
        cv.addRow(2, new Label(Messages.get("gui.noise.cv.msdr")), msdr);
        TableColumn<CandidateRow, String> m = new TableColumn<>(Messages.get("gui.noise.candidate.method"));
        m.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().method()));
        m.setPrefWidth(150);
        TableColumn<CandidateRow, String> r = new TableColumn<>(Messages.get("gui.noise.cv.rmse"));
        r.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().rmse()));
        TableColumn<CandidateRow, String> n = new TableColumn<>(Messages.get("gui.noise.candidate.note"));
        n.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().note()));
        n.setPrefWidth(200);
        candidates.getColumns().setAll(java.util.List.of(m, r, n));
        candidates.setPrefHeight(150);
        candidates.setPlaceholder(new Label(Messages.get("gui.noise.candidates.none")));
        Label cvTitle = new Label(Messages.get("gui.noise.cv.title"));
        cvTitle.getStyleClass().add("form-section");
        Label autoTitle = new Label(Messages.get("gui.noise.candidates.title"));
        autoTitle.getStyleClass().add("form-section");
        box = new VBox(6, chart, method, cvTitle, cv, autoTitle, candidates);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        clear();
    }

    Node node() {
        return box;
    }

    VariogramChart chart() {
        return chart;
    }

    TableView<CandidateRow> candidates() {
        return candidates;
    }

    void clear() {
        chart.show(null, null);
        method.setText(Messages.get("gui.noise.variogram.hint"));
        for (Label l : new Label[]{points, meanError, mae, rmse, msdr}) {
            l.setText("–");
        }
        candidates.getItems().clear();
    }

    void show(FittedInterpolation fit) {
        chart.show(fit.variogram(), fit.model());
        method.setText(Messages.get("gui.noise.method_used", fit.description()));
        CrossValidationResult cv = fit.crossValidation();
        if (cv != null) {
            points.setText(cv.validCount() + " / " + cv.size());
            meanError.setText(ClassRamp.number(cv.meanError()));
            mae.setText(ClassRamp.number(cv.meanAbsoluteError()));
            rmse.setText(ClassRamp.number(cv.rmse()));
            msdr.setText(ClassRamp.number(cv.meanSquaredDeviationRatio()));
        } else {
            for (Label l : new Label[]{points, meanError, mae, rmse, msdr}) {
                l.setText("–");
            }
        }
        candidates.getItems().clear();
        AutomaticInterpolation.Choice choice = fit.choice();
        if (choice != null) {
            for (AutomaticInterpolation.Candidate c : choice.candidates()) {
                String note = c == choice.best() ? Messages.get("gui.noise.candidate.best")
                        : c.failure() != null ? c.failure().getMessage() : "";
                candidates.getItems().add(new CandidateRow(c.label(), ClassRamp.number(c.rmse()), note));
            }
        }
    }
}
