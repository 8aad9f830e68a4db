package org.ecomonitor.gui.analysis;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.ecomonitor.analysis.layout.CoverageCheck;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.NetworkMetrics;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.PlannedPointsExport;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A layout's before/after table (the rows of the CSV and XLSX exports and of {@code layout --json}: points, mean
 * squared shortest distance, mean and largest kriging variance, largest gap, points per zone) in words, or a
 * coverage check's figures with each zone's count against the rule.
 */
final class MetricsTable {

    /** One row: the metric in words, then two values. */
    record Row(String key, String metric, String before, String after) {
    }

    private final TableView<Row> table = new TableView<>();
    private final TableColumn<Row, String> before = new TableColumn<>();
    private final TableColumn<Row, String> after = new TableColumn<>();

    MetricsTable() {
        table.setId("layoutMetrics");
        TableColumn<Row, String> metric = new TableColumn<>(Messages.get("gui.layout.metric"));
        metric.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().metric()));
        metric.setPrefWidth(230);
        before.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().before()));
        before.setPrefWidth(120);
        after.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().after()));
        after.setPrefWidth(120);
        table.getColumns().setAll(List.of(metric, before, after));
        table.setPlaceholder(new Label(Messages.get("gui.layout.metrics.none")));
        table.setPrefHeight(190);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    TableView<Row> node() {
        return table;
    }

    List<Row> rows() {
        return List.copyOf(table.getItems());
    }

    void clear() {
        table.getItems().clear();
    }

    /** The plan's before/after table ({@code edited}: the after column is the network as edited by hand). */
    void show(LayoutPlan plan, boolean edited) {
        before.setText(Messages.get("gui.layout.before"));
        after.setText(Messages.get(edited ? "gui.layout.after_edited" : "gui.layout.after"));
        table.getItems().clear();
        for (Map.Entry<String, Object[]> e : PlannedPointsExport.table(plan).entrySet()) {
            table.getItems().add(new Row(e.getKey(), metricName(e.getKey()), cell(e.getValue()[0]), cell(e.getValue()[1])));
        }
    }

    /** A coverage check: the network's figures, then each zone's points against the rule. */
    void show(CoverageCheck.Report report) {
        before.setText(Messages.get("gui.layout.check.value"));
        after.setText(Messages.get("gui.layout.check.rule"));
        table.getItems().clear();
        NetworkMetrics m = report.metrics();
        table.getItems().add(new Row("points", metricName("points"), cell(m.points()), ""));
        table.getItems().add(new Row("mssd_m2", metricName("mssd_m2"), cell(m.mssd()), ""));
        table.getItems().add(new Row("mean_kriging_variance", metricName("mean_kriging_variance"), cell(m.meanKrigingVariance()), ""));
        table.getItems().add(new Row("max_kriging_variance", metricName("max_kriging_variance"), cell(m.maxKrigingVariance()), ""));
        table.getItems().add(new Row("max_gap_m", metricName("max_gap_m"), cell(m.maxGap()), ""));
        for (CoverageCheck.ZoneCount z : report.zones()) {
            String name = z.zoneName() == null || z.zoneName().equals(z.zoneId()) ? z.zoneId() : z.zoneName() + " (" + z.zoneId() + ")";
            table.getItems().add(new Row("points_in_" + z.zoneId(), Messages.get("gui.layout.metric.points_in", name),
                    Integer.toString(z.count()), Messages.get(z.satisfied() ? "gui.layout.check.ok" : "gui.layout.check.short",
                    z.required())));
        }
    }

    static String metricName(String key) {
        if (key.startsWith("points_in_")) {
            return Messages.get("gui.layout.metric.points_in", key.substring("points_in_".length()));
        }
        return Messages.get("gui.layout.metric." + key);
    }

    static String cell(Object v) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return "–";
            }
            double a = Math.abs(d);
            return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", d) : a >= 1 ? String.format(Locale.ROOT, "%.3f", d)
                    : String.format(Locale.ROOT, "%.5f", d);
        }
        return v.toString();
    }
}
