package org.ecomonitor.gui.charts;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/** A {@link ChartCanvas} over a JavaFX canvas' graphics context (the chart on the screen, and the PNG export). */
public final class FxChartCanvas implements ChartCanvas {

    private final GraphicsContext gc;
    private int clipDepth;

    public FxChartCanvas(GraphicsContext gc) {
        this.gc = gc;
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setLineCap(StrokeLineCap.BUTT);
    }

    @Override
    public void setStroke(Color colour, double width, double... dashes) {
        gc.setStroke(colour);
        gc.setLineWidth(width);
        gc.setLineDashes(dashes == null || dashes.length == 0 ? null : dashes);
    }

    @Override
    public void setFill(Color colour) {
        gc.setFill(colour);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void polyline(double[] x, double[] y, int n) {
        if (n >= 2) {
            gc.strokePolyline(x, y, n);
        }
    }

    @Override
    public void fillPolygon(double[] x, double[] y, int n) {
        if (n >= 3) {
            gc.fillPolygon(x, y, n);
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        gc.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void text(String text, double x, double y, Anchor anchor, double size, boolean bold, Color colour, double rotation) {
        gc.save();
        gc.setFont(TextMeasure.font(size, bold));
        gc.setFill(colour);
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(switch (anchor) {
            case START -> TextAlignment.LEFT;
            case MIDDLE -> TextAlignment.CENTER;
            case END -> TextAlignment.RIGHT;
        });
        if (rotation != 0) {
            gc.translate(x, y);
            gc.rotate(rotation);
            gc.fillText(text, 0, 0);
        } else {
            gc.fillText(text, x, y);
        }
        gc.restore();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
        clipDepth++;
    }

    @Override
    public void unclip() {
        if (clipDepth > 0) {
            gc.restore();
            clipDepth--;
        }
    }
}
