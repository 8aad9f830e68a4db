package org.ecomonitor.gui.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Draws one vector layer into a GraphicsContext for a viewport: points as {@link PointSprite}s stamped into a
 * raster that is drawn as one image (cheap for 100,000 points), lines as polylines and polygons as even-odd
 * paths, both culled by their boxes and thinned to about one vertex per pixel; selected features on top in the
 * highlight colours. Keeps its raster and sprites between frames; one painter per canvas, FX thread only.
 */
public final class LayerPainter {

    public static final Color HIGHLIGHT_FILL = Color.web("#ffff00");
    public static final Color HIGHLIGHT_STROKE = Color.web("#e31a1c");

    private int[] raster = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private final Map<String, PointSprite> sprites = new HashMap<>();
    private double[] sx = new double[256];
    private double[] sy = new double[256];

    /** Draws {@code layer} with {@code style}; {@code selected} holds the fids to highlight. */
    public void paint(GraphicsContext gc, ProjectedLayer layer, LayerStyle style, MapViewport vp, Set<Long> selected) {
        gc.save();
        gc.setGlobalAlpha(style.opacity());
        switch (layer.family()) {
            case POINT -> paintPoints(gc, layer, style, vp, selected);
            case LINE -> paintLines(gc, layer, style, vp, selected);
            case POLYGON -> paintPolygons(gc, layer, style, vp, selected);
        }
        gc.restore();
    }

    private PointSprite sprite(PointSymbol symbol, double size, Color fill, Color stroke, double width) {
        String key = symbol + "|" + size + "|" + fill + "|" + stroke + "|" + width;
        return sprites.computeIfAbsent(key, k -> PointSprite.render(symbol, size, fill, stroke, width));
    }

    /** The window's pixels per layout unit (2 on a 4K screen at 200 %), 1 off screen. */
    private static double outputScale(GraphicsContext gc) {
        var scene = gc.getCanvas().getScene();
        if (scene == null || scene.getWindow() == null) {
            return 1;
        }
        double s = scene.getWindow().getOutputScaleX();
        return s > 0 ? Math.min(4, s) : 1;
    }

    private void paintPoints(GraphicsContext gc, ProjectedLayer layer, LayerStyle style, MapViewport vp, Set<Long> selected) {
        // the raster has the screen's own resolution, so symbols stay sharp on high-density (4K) screens
        double scale = outputScale(gc);
        int w = (int) Math.ceil(vp.width() * scale), h = (int) Math.ceil(vp.height() * scale);
        if (w <= 0 || h <= 0) {
            return;
        }
        if (raster.length != w * h || image == null || (int) image.getWidth() != w) {
            // the image shares the raster's memory: no copy or conversion per frame
            raster = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(raster), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        } else {
            Arrays.fill(raster, 0);
        }
        double size = style.size() * scale, stroke = style.strokeWidth() * scale;
        PointSprite plain = sprite(style.symbol(), size, style.fill(), style.stroke(), stroke);
        PointSprite[] byCategory = null;
        String[] categoryValues = null;
        if (style.categorised()) {
            categoryValues = style.categories().keySet().toArray(String[]::new);
            byCategory = new PointSprite[categoryValues.length];
            for (int c = 0; c < categoryValues.length; c++) {
                byCategory[c] = sprite(style.symbol(), size, style.categories().get(categoryValues[c]), style.stroke(), stroke);
            }
        }
        double world = vp.worldSize() * scale, ox = vp.offsetX() * scale, oy = vp.offsetY() * scale;
        int margin = plain.side();
        for (int i : layer.drawOrder()) {
            double px = layer.x(i);
            if (Double.isNaN(px)) {
                continue;
            }
            int cx = (int) Math.round(ox + px * world);
            int cy = (int) Math.round(oy + layer.y(i) * world);
            if (cx < -margin || cy < -margin || cx > w + margin || cy > h + margin) {
                continue;
            }
            PointSprite sp = plain;
            if (byCategory != null) {
                Object v = layer.feature(i).get(style.categoryField());
                if (v != null) {
                    String text = v.toString();
                    for (int c = 0; c < categoryValues.length; c++) {
                        if (categoryValues[c].equals(text)) {
                            sp = byCategory[c];
                            break;
                        }
                    }
                }
            }
            sp.stamp(raster, w, h, cx, cy);
        }
        if (!selected.isEmpty()) {
            PointSprite hi = sprite(style.symbol(), size + 4 * scale, HIGHLIGHT_FILL, HIGHLIGHT_STROKE, 2 * scale);
            for (long fid : selected) {
                int i = layer.indexOf(fid);
                if (i >= 0 && !Double.isNaN(layer.x(i))) {
                    hi.stamp(raster, w, h, (int) Math.round(ox + layer.x(i) * world), (int) Math.round(oy + layer.y(i) * world));
                }
            }
        }
        buffer.updateBuffer(b -> null);
        if (scale == 1) {
            gc.drawImage(image, 0, 0);
        } else {
            gc.drawImage(image, 0, 0, w / scale, h / scale);
        }
    }

    private boolean visible(double[] boxes, int i, MapViewport vp) {
        double minX = boxes[4 * i];
        if (Double.isNaN(minX)) {
            return false;
        }
        double x0 = vp.screenX(minX), y0 = vp.screenY(boxes[4 * i + 1]);
        double x1 = vp.screenX(boxes[4 * i + 2]), y1 = vp.screenY(boxes[4 * i + 3]);
        return x1 >= 0 && y1 >= 0 && x0 <= vp.width() && y0 <= vp.height();
    }

    /** Fills sx/sy with the screen coordinates of a part, dropping vertices closer than half a pixel. */
    private int project(double[] xy, MapViewport vp) {
        int n = xy.length / 2;
        if (sx.length < n) {
            sx = new double[n * 2];
            sy = new double[n * 2];
        }
        int k = 0;
        double world = vp.worldSize(), ox = vp.offsetX(), oy = vp.offsetY();
        for (int i = 0; i < n; i++) {
            double x = ox + xy[2 * i] * world, y = oy + xy[2 * i + 1] * world;
            if (k > 0 && i < n - 1 && Math.abs(x - sx[k - 1]) < 0.5 && Math.abs(y - sy[k - 1]) < 0.5) {
                continue;
            }
            sx[k] = x;
            sy[k] = y;
            k++;
        }
        return k;
    }

    private void paintLines(GraphicsContext gc, ProjectedLayer layer, LayerStyle style, MapViewport vp, Set<Long> selected) {
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        double[] boxes = layer.boxes();
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1 && selected.isEmpty()) {
                break;
            }
            for (int i = 0; i < layer.size(); i++) {
                boolean sel = selected.contains(layer.feature(i).fid());
                if ((pass == 1) != sel || !visible(boxes, i, vp)) {
                    continue;
                }
                gc.setStroke(pass == 1 ? HIGHLIGHT_FILL : style.stroke());
                gc.setLineWidth(pass == 1 ? style.strokeWidth() + 3 : style.strokeWidth());
                for (int p = layer.firstPart(i); p < layer.endPart(i); p++) {
                    int k = project(layer.part(p), vp);
                    if (k >= 2) {
                        gc.strokePolyline(sx, sy, k);
                    }
                }
            }
        }
    }

    private void paintPolygons(GraphicsContext gc, ProjectedLayer layer, LayerStyle style, MapViewport vp, Set<Long> selected) {
        gc.setFillRule(FillRule.EVEN_ODD);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        double[] boxes = layer.boxes();
        for (int i = 0; i < layer.size(); i++) {
            if (!visible(boxes, i, vp)) {
                continue;
            }
            boolean sel = selected.contains(layer.feature(i).fid());
            gc.beginPath();
            for (int p = layer.firstPart(i); p < layer.endPart(i); p++) {
                int k = project(layer.part(p), vp);
                if (k < 3) {
                    continue;
                }
                gc.moveTo(sx[0], sy[0]);
                for (int j = 1; j < k; j++) {
                    gc.lineTo(sx[j], sy[j]);
                }
                gc.closePath();
            }
            Color fill = style.categorised() ? style.fillFor(layer.feature(i).get(style.categoryField())) : style.fill();
            gc.setFill(sel ? Color.color(1, 1, 0, 0.45) : fill);
            gc.fill();
            gc.setStroke(sel ? HIGHLIGHT_STROKE : style.stroke());
            gc.setLineWidth(sel ? style.strokeWidth() + 1.5 : style.strokeWidth());
            gc.stroke();
        }
    }
}
