package org.ecomonitor.gui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

import java.util.Set;

/** The canvas one vector layer is drawn on (one canvas per layer, never a node per feature). */
public final class MapCanvasLayer extends Canvas {

    private final VectorLayer layer;
    private final LayerPainter painter = new LayerPainter();

    public MapCanvasLayer(VectorLayer layer) {
        this.layer = layer;
        setMouseTransparent(true);
    }

    public VectorLayer layer() {
        return layer;
    }

    /** Redraws the layer for the viewport, highlighting the selected fids. */
    public void redraw(MapViewport vp, Set<Long> selected) {
        if (getWidth() != vp.width() || getHeight() != vp.height()) {
            setWidth(vp.width());
            setHeight(vp.height());
        }
        GraphicsContext gc = getGraphicsContext2D();
        gc.clearRect(0, 0, getWidth(), getHeight());
        setVisible(layer.isVisible());
        if (layer.isVisible() && layer.data() != null) {
            painter.paint(gc, layer.data(), layer.style(), vp, selected);
        }
    }
}
