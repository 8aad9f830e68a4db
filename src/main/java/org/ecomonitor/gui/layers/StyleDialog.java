package org.ecomonitor.gui.layers;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.PointSymbol;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Edits a layer's style: symbol, size, fill and outline colours, outline width, opacity, label field, and a
 * categorisation by an attribute (one colour per value; "Classify" fills in the values the layer has).
 * Returns the new style; the window applies it and saves it as the layer's style file.
 */
public final class StyleDialog extends Dialog<LayerStyle> {

    /** A qualitative palette (ColorBrewer Set1 and Dark2) for new categories. */
    static final List<Color> PALETTE = List.of("#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628",
            "#f781bf", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e").stream().map(Color::web).toList();
    private static final int MAX_CATEGORIES = 40;

    private final ComboBox<PointSymbol> symbol = new ComboBox<>(FXCollections.observableArrayList(PointSymbol.values()));
    private final Spinner<Double> size = new Spinner<>(2.0, 64.0, 8.0, 1.0);
    private final ColorPicker fill = new ColorPicker();
    private final ColorPicker stroke = new ColorPicker();
    private final Spinner<Double> strokeWidth = new Spinner<>(0.0, 12.0, 1.0, 0.5);
    private final Slider opacity = new Slider(0, 1, 1);
    private final ComboBox<String> label = new ComboBox<>();
    private final ComboBox<String> categoryField = new ComboBox<>();
    private final VBox categoryRows = new VBox(3);
    private final Map<String, ColorPicker> categoryPickers = new LinkedHashMap<>();
    private final LayerStyle original;

    public StyleDialog(Window owner, VectorLayer layer) {
        initOwner(owner);
        setTitle(Messages.get("gui.style.title", layer.title()));
        setResizable(true);
        LayerStyle s = layer.style();
        this.original = s;
        List<String> fields = new ArrayList<>();
        fields.add("");
        for (LayerInfo.Column c : layer.info().columns()) {
            fields.add(c.name());
        }
        symbol.setValue(s.symbol());
        size.getValueFactory().setValue(s.size());
        size.setEditable(true);
        fill.setValue(s.fill());
        stroke.setValue(s.stroke());
        strokeWidth.getValueFactory().setValue(s.strokeWidth());
        strokeWidth.setEditable(true);
        opacity.setValue(s.opacity());
        opacity.setShowTickLabels(true);
        opacity.setMajorTickUnit(0.25);
        label.getItems().setAll(fields);
        label.setValue(s.labelField());
        categoryField.getItems().setAll(fields);
        categoryField.setValue(s.categoryField());
        s.categories().forEach(this::addCategoryRow);
        Button classify = new Button(Messages.get("gui.style.classify"));
        classify.setOnAction(e -> classify(layer));
        Button clear = new Button(Messages.get("gui.style.clear_categories"));
        clear.setOnAction(e -> {
            categoryPickers.clear();
            categoryRows.getChildren().clear();
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        int row = 0;
        boolean points = layer.data() == null || layer.data().family() == GeometryFamily.POINT;
        if (points) {
            grid.addRow(row++, new Label(Messages.get("gui.style.symbol")), symbol);
            grid.addRow(row++, new Label(Messages.get("gui.style.size")), size);
        }
        grid.addRow(row++, new Label(Messages.get("gui.style.fill")), fill);
        grid.addRow(row++, new Label(Messages.get("gui.style.stroke")), stroke);
        grid.addRow(row++, new Label(Messages.get("gui.style.stroke_width")), strokeWidth);
        grid.addRow(row++, new Label(Messages.get("gui.style.opacity")), opacity);
        grid.addRow(row++, new Label(Messages.get("gui.style.label")), label);
        grid.addRow(row++, new Label(Messages.get("gui.style.categorize_by")), new HBox(6, categoryField, classify, clear));
        ScrollPane cats = new ScrollPane(categoryRows);
        cats.setPrefViewportHeight(160);
        cats.setFitToWidth(true);
        grid.add(cats, 0, row, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setId("styleDialog");
        setResultConverter(b -> b == ButtonType.OK ? result() : null);
    }

    private void addCategoryRow(String value, Color color) {
        ColorPicker picker = new ColorPicker(color);
        categoryPickers.put(value, picker);
        Label name = new Label(value);
        name.setMinWidth(120);
        categoryRows.getChildren().add(new HBox(6, picker, name));
    }

    /** Fills in one category per distinct value of the chosen field (at most {@value #MAX_CATEGORIES}). */
    private void classify(VectorLayer layer) {
        String field = categoryField.getValue();
        if (field == null || field.isEmpty() || layer.data() == null) {
            return;
        }
        TreeSet<String> values = new TreeSet<>();
        for (Feature f : layer.data().features()) {
            Object v = f.get(field);
            if (v != null && !v.toString().isBlank()) {
                values.add(v.toString());
                if (values.size() >= MAX_CATEGORIES) {
                    break;
                }
            }
        }
        categoryPickers.clear();
        categoryRows.getChildren().clear();
        int i = 0;
        for (String v : values) {
            addCategoryRow(v, PALETTE.get(i++ % PALETTE.size()));
        }
    }

    /** The style the dialog shows now. */
    public LayerStyle result() {
        Map<String, Color> cats = new LinkedHashMap<>();
        categoryPickers.forEach((k, p) -> cats.put(k, p.getValue()));
        String cf = categoryField.getValue() == null ? "" : categoryField.getValue();
        return new LayerStyle(symbol.getValue(), size.getValue(), fill.getValue(), stroke.getValue(),
                strokeWidth.getValue(), opacity.getValue(), label.getValue() == null ? "" : label.getValue(),
                original.labelColor(), original.labelSize(), cf, cf.isEmpty() ? Map.of() : cats);
    }
}
