package org.ecomonitor.gui.map;

import javafx.scene.paint.Color;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a vector layer is drawn: a point symbol (shape, diameter in pixels, fill, outline), the line or outline
 * width, the layer's opacity, an optional label field, and an optional categorisation (one fill colour per value
 * of an attribute). Read from and written to the {@code .style} files by {@link StyleFiles}.
 *
 * @param symbol        point shape
 * @param size          point diameter in pixels
 * @param fill          fill colour of points and polygons (polygons usually with alpha)
 * @param stroke        outline colour of points and polygons, colour of lines
 * @param strokeWidth   outline and line width in pixels
 * @param opacity       0..1 for the whole layer
 * @param labelField    attribute whose value labels each feature, or "" for none
 * @param labelColor    label text colour
 * @param labelSize     label font size in points
 * @param categoryField attribute that picks the fill colour, or "" for a single colour
 * @param categories    value to fill colour, in legend order
 */
public record LayerStyle(PointSymbol symbol, double size, Color fill, Color stroke, double strokeWidth, double opacity,
                         String labelField, Color labelColor, double labelSize, String categoryField,
                         Map<String, Color> categories) {

    public LayerStyle {
        labelField = labelField == null ? "" : labelField.trim();
        categoryField = categoryField == null ? "" : categoryField.trim();
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories == null ? Map.of() : categories));
        opacity = Math.max(0, Math.min(1, opacity));
        size = Math.max(2, Math.min(64, size));
    }

    /** The built-in style of a geometry family when no style file exists. */
    public static LayerStyle defaultFor(GeometryFamily family) {
        return switch (family) {
            case POINT -> new LayerStyle(PointSymbol.CIRCLE, 8, Color.web("#e6550d"), Color.WHITE, 1, 1,
                    "", Color.web("#202020"), 11, "", Map.of());
            case LINE -> new LayerStyle(PointSymbol.CIRCLE, 8, Color.TRANSPARENT, Color.web("#3182bd"), 1.5, 1,
                    "", Color.web("#1f4e79"), 11, "", Map.of());
            case POLYGON -> new LayerStyle(PointSymbol.SQUARE, 8, Color.web("#fdd0a240"), Color.web("#8c6d31"), 1, 1,
                    "", Color.web("#5a4a2a"), 11, "", Map.of());
        };
    }

    public boolean categorised() {
        return !categoryField.isEmpty() && !categories.isEmpty();
    }

    /** The fill colour of a feature whose category attribute has the value {@code value} (may be null). */
    public Color fillFor(Object value) {
        if (!categorised() || value == null) {
            return fill;
        }
        Color c = categories.get(value.toString());
        return c == null ? fill : c;
    }

    public LayerStyle withSymbol(PointSymbol s) {
        return new LayerStyle(s, size, fill, stroke, strokeWidth, opacity, labelField, labelColor, labelSize, categoryField, categories);
    }

    public LayerStyle withSize(double v) {
        return new LayerStyle(symbol, v, fill, stroke, strokeWidth, opacity, labelField, labelColor, labelSize, categoryField, categories);
    }

    public LayerStyle withFill(Color c) {
        return new LayerStyle(symbol, size, c, stroke, strokeWidth, opacity, labelField, labelColor, labelSize, categoryField, categories);
    }

    public LayerStyle withStroke(Color c) {
        return new LayerStyle(symbol, size, fill, c, strokeWidth, opacity, labelField, labelColor, labelSize, categoryField, categories);
    }

    public LayerStyle withStrokeWidth(double v) {
        return new LayerStyle(symbol, size, fill, stroke, v, opacity, labelField, labelColor, labelSize, categoryField, categories);
    }

    public LayerStyle withOpacity(double v) {
        return new LayerStyle(symbol, size, fill, stroke, strokeWidth, v, labelField, labelColor, labelSize, categoryField, categories);
    }

    public LayerStyle withLabel(String field) {
        return new LayerStyle(symbol, size, fill, stroke, strokeWidth, opacity, field, labelColor, labelSize, categoryField, categories);
    }

    public LayerStyle withCategories(String field, Map<String, Color> cats) {
        return new LayerStyle(symbol, size, fill, stroke, strokeWidth, opacity, labelField, labelColor, labelSize, field, cats);
    }
}
