package org.ecomonitor.gui.analysis;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.StationKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The layout wizard's inputs, all from the project: the study area (a polygon layer, optionally only some of its
 * features, such as {@code adcode=520602}), an exclusion layer, the zones (the area's own features by default:
 * counties for county quotas), the existing points that stay (the stations of a kind, or a point layer) and the
 * value column a variogram may be fitted to. Starts on the sample's Bijiang built-up area.
 */
final class LayoutInputsForm {

    /** Existing points: none, the stations of a kind ("kind:air") or a point layer ("layer:NAME"). */
    static final String NONE = "";

    final ComboBox<String> area = NoiseMapForm.combo(List.of(), t -> t);
    final TextField where = new TextField();
    final ComboBox<String> exclusions = NoiseMapForm.combo(List.of(NONE), LayoutInputsForm::noneOr);
    final ComboBox<String> zones = NoiseMapForm.combo(List.of(NONE), t -> t.isEmpty() ? Messages.get("gui.layout.zones.area") : t);
    final TextField zoneField = new TextField();
    final ComboBox<String> existing = NoiseMapForm.combo(List.of(NONE), LayoutInputsForm::existingText);
    final TextField existingWhere = new TextField();
    final TextField valueField = new TextField();
    private final GridPane grid = new GridPane();

    LayoutInputsForm() {
        area.setId("layoutArea");
        where.setId("layoutWhere");
        exclusions.setId("layoutExclusions");
        zones.setId("layoutZones");
        zoneField.setId("layoutZoneField");
        existing.setId("layoutExisting");
        existingWhere.setId("layoutExistingWhere");
        valueField.setId("layoutValueField");
        exclusions.setValue(NONE);
        zones.setValue(NONE);
        existing.setValue(NONE);
        where.setPromptText("adcode=520602");
        existingWhere.setPromptText("adcode=520602");
        zoneField.setPromptText(Messages.get("gui.layout.zone_field.auto"));
        valueField.setPromptText(Messages.get("gui.layout.value_field.none"));
        where.setTooltip(new Tooltip(Messages.get("gui.layout.where.tip")));
        valueField.setTooltip(new Tooltip(Messages.get("gui.layout.value_field.tip")));
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        int r = 0;
        grid.addRow(r++, new Label(Messages.get("gui.layout.area")), area);
        grid.addRow(r++, new Label(Messages.get("gui.layout.where")), where);
        grid.addRow(r++, new Label(Messages.get("gui.layout.exclusions")), exclusions);
        grid.addRow(r++, new Label(Messages.get("gui.layout.zones")), zones);
        grid.addRow(r++, new Label(Messages.get("gui.layout.zone_field")), zoneField);
        grid.addRow(r++, new Label(Messages.get("gui.layout.existing")), existing);
        grid.addRow(r++, new Label(Messages.get("gui.layout.existing_where")), existingWhere);
        grid.addRow(r, new Label(Messages.get("gui.layout.value_field")), valueField);
        area.setPrefWidth(240);
        existing.setPrefWidth(240);
    }

    Node node() {
        return grid;
    }

    private static String noneOr(String t) {
        return t.isEmpty() ? Messages.get("gui.analysis.none") : t;
    }

    private static String existingText(String t) {
        if (t.isEmpty()) {
            return Messages.get("gui.layout.existing.none");
        }
        if (t.startsWith("kind:")) {
            StationKind k = StationKind.parse(t.substring(5));
            return Messages.get("gui.layout.existing.stations", k == null ? t.substring(5) : Messages.get(k.messageKey()));
        }
        return t.substring(t.indexOf(':') + 1);
    }

    /** Offers the project's layers; keeps the choices that still exist, else picks the sample's defaults. */
    void setLayers(List<String> polygons, List<String> points, Set<StationKind> kinds) {
        String a = area.getValue(), x = exclusions.getValue(), z = zones.getValue(), e = existing.getValue();
        area.getItems().setAll(polygons);
        exclusions.getItems().setAll(NONE);
        exclusions.getItems().addAll(polygons);
        zones.getItems().setAll(NONE);
        zones.getItems().addAll(polygons);
        List<String> ex = new ArrayList<>(List.of(NONE));
        for (StationKind k : StationKind.values()) {
            if (kinds.contains(k)) {
                ex.add("kind:" + k.code());
            }
        }
        for (String p : points) {
            ex.add("layer:" + p);
        }
        existing.getItems().setAll(ex);
        area.setValue(a != null && polygons.contains(a) ? a : polygons.contains(NoiseMapForm.DEFAULT_CLIP)
                ? NoiseMapForm.DEFAULT_CLIP : polygons.contains("admin_areas") ? "admin_areas"
                : polygons.isEmpty() ? null : polygons.get(0));
        exclusions.setValue(x != null && exclusions.getItems().contains(x) ? x : NONE);
        zones.setValue(z != null && zones.getItems().contains(z) ? z : NONE);
        existing.setValue(e != null && ex.contains(e) ? e : NONE);
    }

    /** The inputs as chosen (the area is required). */
    LayoutSetup.Spec spec() {
        String a = area.getValue();
        if (a == null || a.isBlank()) {
            throw new org.ecomonitor.i18n.UserException("gui.layout.area_missing");
        }
        String e = existing.getValue() == null ? NONE : existing.getValue();
        StationKind kind = e.startsWith("kind:") ? StationKind.parse(e.substring(5)) : null;
        String layer = e.startsWith("layer:") ? e.substring(6) : null;
        return new LayoutSetup.Spec(a, where.getText(), exclusions.getValue(), zones.getValue(), zoneField.getText(),
                kind, layer, existingWhere.getText(), valueField.getText());
    }
}
