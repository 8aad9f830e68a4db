package org.ecomonitor.gui.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Draws the scale bar (bottom left) and the north arrow (top right) of a map view. */
public final class MapDecorationPainter {

    private MapDecorationPainter() {
    }

    public static void paint(GraphicsContext gc, MapViewport vp) {
        if (vp.width() < 60 || vp.height() < 60) {
            return;
        }
        scaleBar(gc, vp);
        northArrow(gc, vp.width() - 34, 16);
    }

    /** The length the scale bar stands for: 1, 2 or 5 × 10^n metres, at most 120 pixels long. */
    public static double niceLength(double metresPerPixel) {
        double max = metresPerPixel * 120;
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[]{5, 2, 1}) {
            if (m * p <= max) {
                return m * p;
            }
        }
        return p;
    }

    static void scaleBar(GraphicsContext gc, MapViewport vp) {
        double mpp = Mercator.metresPerPixel(vp.centerLatitude(), vp.zoom());
        double metres = niceLength(mpp);
        double px = metres / mpp;
        double x = 12, y = vp.height() - 18;
        gc.save();
        gc.setFill(Color.color(1, 1, 1, 0.75));
        gc.fillRect(x - 6, y - 18, px + 12, 28);
        gc.setStroke(Color.web("#222222"));
        gc.setLineWidth(2);
        gc.strokeLine(x, y, x + px, y);
        gc.strokeLine(x, y - 5, x, y + 3);
        gc.strokeLine(x + px, y - 5, x + px, y + 3);
        gc.strokeLine(x + px / 2, y - 3, x + px / 2, y);
        gc.setFill(Color.web("#222222"));
        gc.setFont(CjkFont.of(11));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(metres >= 1000 ? String.format("%.0f km", metres / 1000) : String.format("%.0f m", metres), x + px / 2, y - 5);
        gc.restore();
    }

    static void northArrow(GraphicsContext gc, double x, double y) {
        gc.save();
        gc.setFill(Color.color(1, 1, 1, 0.75));
        gc.fillRoundRect(x - 4, y - 4, 30, 44, 6, 6);
        gc.setFill(Color.web("#222222"));
        gc.fillPolygon(new double[]{x + 11, x + 4, x + 11}, new double[]{y + 14, y + 36, y + 30}, 3);
        gc.setFill(Color.WHITE);
        gc.setStroke(Color.web("#222222"));
        gc.setLineWidth(1);
        gc.fillPolygon(new double[]{x + 11, x + 18, x + 11}, new double[]{y + 14, y + 36, y + 30}, 3);
        gc.strokePolygon(new double[]{x + 11, x + 4, x + 11, x + 18}, new double[]{y + 14, y + 36, y + 30, y + 36}, 4);
        gc.setFill(Color.web("#222222"));
        gc.setFont(CjkFont.of(11));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText("N", x + 11, y);
        gc.restore();
    }
}
