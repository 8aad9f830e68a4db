package org.ecomonitor.gui.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Map;

/**
 * Draws the legend of the visible layers: a symbol and the layer's title per layer, one line per category of a
 * categorised layer. The same drawing serves the legend panel, the exported PNG and {@code --snapshot}.
 */
public final class LegendPainter {

    private static final double ROW = 20;

    private LegendPainter() {
    }

    /** {width, height} the legend needs. */
    public static double[] size(String heading, List<VectorLayer> topFirst) {
        return size(heading, topFirst, List.of());
    }

    /** {width, height} the legend of vector layers and, below them, rasters needs. */
    public static double[] size(String heading, List<VectorLayer> topFirst, List<RasterLayer> rasters) {
        Text t = new Text();
        t.setFont(CjkFont.of(12));
        double w = 0;
        int rows = 0;
        t.setText(heading);
        w = Math.max(w, t.getLayoutBounds().getWidth() + 16);
        for (VectorLayer l : topFirst) {
            t.setText(l.title());
            w = Math.max(w, 34 + t.getLayoutBounds().getWidth() + 12);
            rows++;
            if (l.style().categorised()) {
                for (String c : l.style().categories().keySet()) {
                    t.setText(c);
                    w = Math.max(w, 50 + t.getLayoutBounds().getWidth() + 12);
                    rows++;
                }
            }
        }
        for (RasterLayer r : rasters) {
            t.setText(r.title());
            w = Math.max(w, 34 + t.getLayoutBounds().getWidth() + 12);
            rows++;
            for (RasterLayer.LegendEntry e : r.legend()) {
                t.setText(e.label());
                w = Math.max(w, 50 + t.getLayoutBounds().getWidth() + 12);
                rows++;
            }
        }
        return new double[]{Math.ceil(w), Math.ceil(28 + rows * ROW + 6)};
    }

    /** Draws the legend with its top-left corner at (x, y), on a white box when {@code boxed}. */
    public static void paint(GraphicsContext gc, String heading, List<VectorLayer> topFirst, double x, double y, boolean boxed) {
        paint(gc, heading, topFirst, List.of(), x, y, boxed);
    }

    /** Draws the legend of vector layers and, below them, rasters (one row per class). */
    public static void paint(GraphicsContext gc, String heading, List<VectorLayer> topFirst, List<RasterLayer> rasters,
                             double x, double y, boolean boxed) {
        double[] size = size(heading, topFirst, rasters);
        gc.save();
        if (boxed) {
            gc.setFill(Color.color(1, 1, 1, 0.9));
            gc.fillRect(x, y, size[0], size[1]);
            gc.setStroke(Color.web("#999999"));
            gc.setLineWidth(1);
            gc.strokeRect(x + 0.5, y + 0.5, size[0] - 1, size[1] - 1);
        }
        Font bold = Font.font(CjkFont.family(), javafx.scene.text.FontWeight.BOLD, 12);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(Color.web("#1a1a1a"));
        gc.setFont(bold);
        gc.fillText(heading, x + 8, y + 14);
        gc.setFont(CjkFont.of(12));
        double row = y + 28 + ROW / 2;
        for (VectorLayer l : topFirst) {
            LayerStyle s = l.style();
            GeometryFamily family = l.data() == null ? GeometryFamily.POINT : l.data().family();
            swatch(gc, family, s, s.fill(), x + 18, row);
            gc.setFill(Color.web("#1a1a1a"));
            gc.fillText(l.title(), x + 34, row);
            row += ROW;
            if (s.categorised()) {
                for (Map.Entry<String, Color> c : s.categories().entrySet()) {
                    swatch(gc, family, s, c.getValue(), x + 34, row);
                    gc.setFill(Color.web("#1a1a1a"));
                    gc.fillText(c.getKey(), x + 50, row);
                    row += ROW;
                }
            }
        }
        for (RasterLayer r : rasters) {
            rampSwatch(gc, r, x + 18, row);
            gc.setFill(Color.web("#1a1a1a"));
            gc.fillText(r.title(), x + 34, row);
            row += ROW;
            for (RasterLayer.LegendEntry e : r.legend()) {
                gc.setFill(e.colour());
                gc.fillRect(x + 34 - 9, row - 6, 18, 12);
                gc.setStroke(Color.web("#666666"));
                gc.setLineWidth(0.5);
                gc.strokeRect(x + 34 - 9, row - 6, 18, 12);
                gc.setFill(Color.web("#1a1a1a"));
                gc.fillText(e.label(), x + 50, row);
                row += ROW;
            }
        }
        gc.restore();
    }

    /** A raster's symbol centred on (cx, cy): its legend colours side by side. */
    public static void rampSwatch(GraphicsContext gc, RasterLayer r, double cx, double cy) {
        List<RasterLayer.LegendEntry> entries = r.legend();
        if (entries.isEmpty()) {
            return;
        }
        double w = 18.0 / entries.size();
        for (int i = 0; i < entries.size(); i++) {
            gc.setFill(entries.get(i).colour());
            gc.fillRect(cx - 9 + i * w, cy - 6, Math.ceil(w), 12);
        }
        gc.setStroke(Color.web("#666666"));
        gc.setLineWidth(0.5);
        gc.strokeRect(cx - 9, cy - 6, 18, 12);
    }

    /** One symbol centred on (cx, cy). */
    public static void swatch(GraphicsContext gc, GeometryFamily family, LayerStyle s, Color fill, double cx, double cy) {
        gc.save();
        gc.setGlobalAlpha(s.opacity());
        switch (family) {
            case POINT -> {
                double size = Math.min(s.size(), 16);
                PointSprite sprite = PointSprite.render(s.symbol(), size, fill, s.stroke(), s.strokeWidth());
                javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(sprite.side(), sprite.side());
                int[] px = new int[sprite.side() * sprite.side()];
                sprite.stamp(px, sprite.side(), sprite.side(), sprite.half(), sprite.half());
                img.getPixelWriter().setPixels(0, 0, sprite.side(), sprite.side(),
                        javafx.scene.image.PixelFormat.getIntArgbPreInstance(), px, 0, sprite.side());
                gc.drawImage(img, Math.round(cx) - sprite.half(), Math.round(cy) - sprite.half());
            }
            case LINE -> {
                gc.setStroke(s.stroke());
                gc.setLineWidth(Math.min(s.strokeWidth(), 4));
                gc.strokeLine(cx - 9, cy + 3, cx - 3, cy - 3);
                gc.strokeLine(cx - 3, cy - 3, cx + 3, cy + 2);
                gc.strokeLine(cx + 3, cy + 2, cx + 9, cy - 4);
            }
            case POLYGON -> {
                gc.setFill(fill);
                gc.fillRect(cx - 9, cy - 6, 18, 12);
                gc.setStroke(s.stroke());
                gc.setLineWidth(Math.min(s.strokeWidth(), 2));
                gc.strokeRect(cx - 9, cy - 6, 18, 12);
            }
        }
        gc.restore();
    }
}
