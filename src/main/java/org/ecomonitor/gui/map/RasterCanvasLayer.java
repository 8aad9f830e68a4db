package org.ecomonitor.gui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/** The canvas one raster layer is drawn on, under the vector layers' canvases. */
public final class RasterCanvasLayer extends Canvas {

    private final RasterLayer layer;
    private final RasterPainter painter = new RasterPainter();

    public RasterCanvasLayer(RasterLayer layer) {
        this.layer = layer;
        setMouseTransparent(true);
    }

    public RasterLayer layer() {
        return layer;
    }

    /** Redraws the raster for the viewport. */
    public void redraw(MapViewport vp) {
        if (getWidth() != vp.width() || getHeight() != vp.height()) {
            setWidth(vp.width());
            setHeight(vp.height());
        }
        GraphicsContext gc = getGraphicsContext2D();
        gc.clearRect(0, 0, getWidth(), getHeight());
        setVisible(layer.isVisible());
        if (layer.isVisible()) {
            painter.paint(gc, layer, vp);
        }
    }
}
