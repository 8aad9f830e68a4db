package org.ecomonitor.gui.map;

import com.gluonhq.maps.MapLayer;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vector layers over Gluon's tile map: a {@link RasterCanvasLayer} per raster at the bottom, a
 * {@link MapCanvasLayer} per vector layer in drawing order above them, and one canvas of labels on top. Redraws in the layout pass after the map moved, zoomed or resized, or after a layer or the
 * selection changed (changes within one pulse cost one redraw).
 */
public final class VectorOverlay extends MapLayer {

    private final MapLayers layers;
    private final Selection selection;
    private final Map<VectorLayer, MapCanvasLayer> canvases = new HashMap<>();
    private final Map<RasterLayer, RasterCanvasLayer> rasterCanvases = new HashMap<>();
    private final Canvas labels = new Canvas();
    private final LabelPainter labelPainter = new LabelPainter();
    private boolean needsRedraw = true;
    private long lastRedrawNanos;

    public VectorOverlay(MapLayers layers, Selection selection) {
        this.layers = layers;
        this.selection = selection;
        labels.setMouseTransparent(true);
        setMouseTransparent(true);
        layers.addListener(this::rebuild);
        selection.revision().addListener(o -> requestRedraw());
        rebuild();
    }

    @Override
    protected void initialize() {
        baseMap.zoom().addListener(o -> requestRedraw());
        baseMap.translateXProperty().addListener(o -> requestRedraw());
        baseMap.translateYProperty().addListener(o -> requestRedraw());
    }

    /** Re-creates the canvases for the current layers and their order. */
    private void rebuild() {
        List<Node> children = new ArrayList<>();
        Map<RasterLayer, RasterCanvasLayer> keepRasters = new HashMap<>();
        List<RasterLayer> rasters = new ArrayList<>(layers.rasters());
        java.util.Collections.reverse(rasters);
        for (RasterLayer r : rasters) {
            RasterCanvasLayer c = rasterCanvases.computeIfAbsent(r, RasterCanvasLayer::new);
            keepRasters.put(r, c);
            children.add(c);
        }
        rasterCanvases.clear();
        rasterCanvases.putAll(keepRasters);
        Map<VectorLayer, MapCanvasLayer> keep = new HashMap<>();
        for (VectorLayer l : layers.drawOrder()) {
            MapCanvasLayer c = canvases.get(l);
            if (c == null) {
                c = new MapCanvasLayer(l);
            }
            keep.put(l, c);
            children.add(c);
        }
        canvases.clear();
        canvases.putAll(keep);
        children.add(labels);
        getChildren().setAll(children);
        requestRedraw();
    }

    /** Zooms the tile map by {@code delta} levels keeping the point (x, y) of the view in place. */
    void zoomAround(double delta, double x, double y) {
        if (baseMap != null) {
            double z = baseMap.zoom().get();
            double d = Math.max(1, Math.min(19, z + delta)) - z;
            if (d != 0) {
                baseMap.zoom(d, x, y);
            }
        }
    }

    /** Called when the overlay was put on a new tile map (after a background change). */
    void baseMapChanged() {
        requestRedraw();
    }

    /** Redraws when something changed since the last redraw. */
    void redrawIfNeeded() {
        if (needsRedraw) {
            redraw();
        }
    }

    public void requestRedraw() {
        needsRedraw = true;
        requestLayout();
    }

    /** The viewport the map shows now (zero-sized before the map is laid out). */
    public MapViewport viewport() {
        double w = 0, h = 0;
        if (getParent() instanceof Region r) {
            w = r.getWidth();
            h = r.getHeight();
        }
        if (baseMap == null) {
            return MapViewport.of(1, 0, 0, w, h);
        }
        return MapViewport.of(baseMap.zoom().get(), baseMap.getTranslateX(), baseMap.getTranslateY(), w, h);
    }

    @Override
    protected void layoutLayer() {
        redraw();
    }

    @Override
    protected void layoutChildren() {
        if (needsRedraw) {
            redraw();
        }
    }

    /** Redraws every layer and the labels now. */
    public void redraw() {
        needsRedraw = false;
        long t0 = System.nanoTime();
        MapViewport vp = viewport();
        if (vp.width() <= 0 || vp.height() <= 0) {
            return;
        }
        for (RasterCanvasLayer c : rasterCanvases.values()) {
            c.redraw(vp);
        }
        for (MapCanvasLayer c : canvases.values()) {
            c.redraw(vp, selection.of(c.layer().id()));
        }
        labels.setWidth(vp.width());
        labels.setHeight(vp.height());
        labels.getGraphicsContext2D().clearRect(0, 0, vp.width(), vp.height());
        labelPainter.paint(labels.getGraphicsContext2D(), layers.visibleTopFirst(), vp);
        lastRedrawNanos = System.nanoTime() - t0;
    }

    /** How long the last redraw took on the FX thread. */
    public long lastRedrawNanos() {
        return lastRedrawNanos;
    }
}
