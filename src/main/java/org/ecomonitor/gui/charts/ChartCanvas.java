package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;

/**
 * What a chart draws on: the same painting code draws on the screen ({@link FxChartCanvas}) and into an SVG file
 * ({@link SvgChartWriter}), so an exported chart is what the user saw. Coordinates are pixels from the top left.
 */
public interface ChartCanvas {

    /** Horizontal placement of a text relative to its x. */
    enum Anchor { START, MIDDLE, END }

    /** Line colour and width for the next strokes; {@code dashes} are on/off lengths (none: solid). */
    void setStroke(Color colour, double width, double... dashes);

    /** Fill colour for the next fills. */
    void setFill(Color colour);

    void line(double x1, double y1, double x2, double y2);

    /** A connected line through the first {@code n} points. */
    void polyline(double[] x, double[] y, int n);

    void fillPolygon(double[] x, double[] y, int n);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void fillCircle(double cx, double cy, double r);

    void strokeCircle(double cx, double cy, double r);

    /**
     * A text whose baseline starts (ends, is centred) at (x, y), turned by {@code rotation} degrees around that
     * point (−90: reading upwards, as a y-axis title).
     */
    void text(String text, double x, double y, Anchor anchor, double size, boolean bold, Color colour, double rotation);

    /** Limits the following drawing to a rectangle, until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
