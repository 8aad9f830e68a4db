package org.ecomonitor.gui.charts;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.ecomonitor.gui.MapImage;

import java.nio.file.Path;

/**
 * A chart drawn on a canvas that fills this region. Subclasses paint on a {@link ChartCanvas}, so the same
 * painting fills the screen, a PNG ({@link #toImage}) and an SVG ({@link #toSvg}).
 */
public abstract class ChartView extends Region {

    /** Colours the charts share. */
    public static final Color TEXT = Color.web("#263238");
    public static final Color AXIS = Color.web("#78909c");
    public static final Color GRID = Color.web("#eceff1");
    public static final Color LIMIT = Color.web("#d62728");

    protected final Canvas canvas = new Canvas();
    private double paintedWidth = -1;
    private double paintedHeight = -1;

    protected ChartView() {
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(860, 420);
        getStyleClass().add("chart-view");
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        for (javafx.scene.Node n : getChildren()) {
            if (n != canvas) {
                n.resizeRelocate(0, 0, w, h);
            }
        }
        if (w != paintedWidth || h != paintedHeight) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** Paints the chart again at the current size; returns the painting's duration in ns. */
    public long redraw() {
        long t0 = System.nanoTime();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        paintedWidth = w;
        paintedHeight = h;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            FxChartCanvas c = new FxChartCanvas(gc);
            c.setFill(Color.WHITE);
            c.fillRect(0, 0, w, h);
            paint(c, w, h);
        }
        return System.nanoTime() - t0;
    }

    /** Draws the chart into {@code width} × {@code height} pixels. */
    protected abstract void paint(ChartCanvas c, double width, double height);

    /** The chart as an SVG document at its current size. */
    public String toSvg() {
        double w = Math.max(200, canvas.getWidth());
        double h = Math.max(150, canvas.getHeight());
        SvgChartWriter svg = new SvgChartWriter(w, h);
        svg.setFill(Color.WHITE);
        svg.fillRect(0, 0, w, h);
        paint(svg, w, h);
        return svg.toSvg();
    }

    /** The chart as a picture at its current size times {@code scale} (FX thread). */
    public WritableImage toImage(double scale) {
        double w = Math.max(200, canvas.getWidth());
        double h = Math.max(150, canvas.getHeight());
        Canvas off = new Canvas(Math.ceil(w * scale), Math.ceil(h * scale));
        GraphicsContext gc = off.getGraphicsContext2D();
        gc.scale(scale, scale);
        FxChartCanvas c = new FxChartCanvas(gc);
        c.setFill(Color.WHITE);
        c.fillRect(0, 0, w, h);
        paint(c, w, h);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        return off.snapshot(p, null);
    }

    /** Writes a picture (made on the FX thread) as PNG; any thread. */
    public static void writePng(WritableImage image, Path file) {
        MapImage.writePng(MapImage.toBuffered(image), file);
    }

    /** The canvas the chart is painted on (tests read its pixels). */
    public Canvas canvas() {
        return canvas;
    }
}
