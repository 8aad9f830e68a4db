package org.ecomonitor.gui.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places and draws the labels of all visible layers on one canvas so that no two labels overlap and no label
 * covers a labelled layer's point symbol. Greedy, top layer first: a point label tries right, left, above and
 * below its symbol; a line or polygon label sits centred on its anchor; a label that fits nowhere is left out
 * (as QGIS does). Occupied rectangles live in a 32-pixel grid, so a frame costs O(labels).
 * Layers with more than {@link #MAX_LABELLED_FEATURES} features in view are not labelled.
 */
public final class LabelPainter {

    public static final int MAX_LABELLED_FEATURES = 3000;
    private static final int CELL = 32;

    private final Map<String, Double> widths = new HashMap<>();
    private final Text measure = new Text();
    private Map<Long, List<double[]>> grid;

    /** Draws labels; {@code topFirst} is the visible layers from the top of the drawing order down. */
    public void paint(GraphicsContext gc, List<VectorLayer> topFirst, MapViewport vp) {
        grid = new HashMap<>();
        List<Object[]> todo = new ArrayList<>();
        for (VectorLayer layer : topFirst) {
            LayerStyle style = layer.style();
            ProjectedLayer data = layer.data();
            if (style.labelField().isEmpty() || data == null) {
                continue;
            }
            List<Integer> inView = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                double x = vp.screenX(data.x(i)), y = vp.screenY(data.y(i));
                if (x >= -50 && y >= -20 && x <= vp.width() + 50 && y <= vp.height() + 20) {
                    inView.add(i);
                    if (inView.size() > MAX_LABELLED_FEATURES) {
                        break;
                    }
                }
            }
            if (inView.size() > MAX_LABELLED_FEATURES) {
                continue;
            }
            if (data.family() == GeometryFamily.POINT) {
                double r = style.size() / 2 + 1;
                for (int i : inView) {
                    double x = vp.screenX(data.x(i)), y = vp.screenY(data.y(i));
                    occupy(new double[]{x - r, y - r, x + r, y + r});
                }
            }
            todo.add(new Object[]{layer, inView});
        }
        gc.save();
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        for (Object[] job : todo) {
            VectorLayer layer = (VectorLayer) job[0];
            @SuppressWarnings("unchecked")
            List<Integer> inView = (List<Integer>) job[1];
            LayerStyle style = layer.style();
            ProjectedLayer data = layer.data();
            Font font = CjkFont.of(style.labelSize());
            gc.setFont(font);
            gc.setGlobalAlpha(style.opacity());
            double h = style.labelSize() * 1.3;
            for (int i : inView) {
                Object v = data.feature(i).get(style.labelField());
                if (v == null || v.toString().isBlank()) {
                    continue;
                }
                String text = v.toString();
                double w = width(text, font);
                double x = vp.screenX(data.x(i)), y = vp.screenY(data.y(i));
                double[][] candidates;
                if (data.family() == GeometryFamily.POINT) {
                    double d = style.size() / 2 + 3;
                    candidates = new double[][]{
                            {x + d, y - h / 2}, {x - d - w, y - h / 2}, {x - w / 2, y - d - h}, {x - w / 2, y + d}};
                } else {
                    candidates = new double[][]{{x - w / 2, y - h / 2}};
                }
                for (double[] c : candidates) {
                    double[] box = {c[0] - 1, c[1], c[0] + w + 1, c[1] + h};
                    if (box[2] < 0 || box[3] < 0 || box[0] > vp.width() || box[1] > vp.height() || overlaps(box)) {
                        continue;
                    }
                    occupy(box);
                    drawHaloText(gc, text, c[0], c[1] + h / 2, style.labelColor());
                    break;
                }
            }
        }
        gc.restore();
    }

    private static final double[][] HALO = {{-1, -1}, {0, -1.2}, {1, -1}, {-1.2, 0}, {1.2, 0}, {-1, 1}, {0, 1.2}, {1, 1}};

    /**
     * A label with a white halo. The halo is the text filled eight times around its place: filled glyphs come from
     * the glyph cache, while a stroked outline is rasterised as a shape every time (five times slower in software).
     */
    private static void drawHaloText(GraphicsContext gc, String text, double x, double y, Color color) {
        gc.setFill(Color.color(1, 1, 1, 0.8));
        for (double[] d : HALO) {
            gc.fillText(text, x + d[0], y + d[1]);
        }
        gc.setFill(color);
        gc.fillText(text, x, y);
    }

    private double width(String text, Font font) {
        String key = font.getSize() + "|" + text;
        Double w = widths.get(key);
        if (w == null) {
            measure.setFont(font);
            measure.setText(text);
            w = measure.getLayoutBounds().getWidth();
            if (widths.size() > 20_000) {
                widths.clear();
            }
            widths.put(key, w);
        }
        return w;
    }

    private static long cell(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    private void occupy(double[] box) {
        for (int cx = (int) Math.floor(box[0] / CELL); cx <= (int) Math.floor(box[2] / CELL); cx++) {
            for (int cy = (int) Math.floor(box[1] / CELL); cy <= (int) Math.floor(box[3] / CELL); cy++) {
                grid.computeIfAbsent(cell(cx, cy), k -> new ArrayList<>()).add(box);
            }
        }
    }

    private boolean overlaps(double[] box) {
        for (int cx = (int) Math.floor(box[0] / CELL); cx <= (int) Math.floor(box[2] / CELL); cx++) {
            for (int cy = (int) Math.floor(box[1] / CELL); cy <= (int) Math.floor(box[3] / CELL); cy++) {
                List<double[]> list = grid.get(cell(cx, cy));
                if (list == null) {
                    continue;
                }
                for (double[] o : list) {
                    if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
