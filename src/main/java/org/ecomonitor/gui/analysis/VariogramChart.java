package org.ecomonitor.gui.analysis;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.ecomonitor.analysis.interpolation.EmpiricalVariogram;
import org.ecomonitor.analysis.interpolation.VariogramModel;
import org.ecomonitor.gui.map.CjkFont;
import org.ecomonitor.i18n.Messages;

/**
 * The variogram plot analysts know from gstat's {@code plot(v, model)}: the empirical semivariances as points
 * with their number of point pairs written beside them, and the fitted (or given) model as a curve, over the
 * distance in metres. Resizes with its region; shows a short text when there is nothing to plot.
 */
public final class VariogramChart extends Region {

    private static final double LEFT = 62;
    private static final double RIGHT = 14;
    private static final double TOP = 26;
    private static final double BOTTOM = 40;

    private final Canvas canvas = new Canvas();
    private EmpiricalVariogram variogram;
    private VariogramModel model;

    public VariogramChart() {
        getChildren().add(canvas);
        setPrefSize(420, 280);
        setMinSize(200, 150);
        getStyleClass().add("variogram-chart");
    }

    /** Shows a variogram and a model (either may be null). */
    public void show(EmpiricalVariogram v, VariogramModel m) {
        this.variogram = v;
        this.model = m;
        draw();
    }

    public EmpiricalVariogram variogram() {
        return variogram;
    }

    public VariogramModel model() {
        return model;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        gc.setFont(CjkFont.of(11));
        gc.setFill(Color.web("#37474f"));
        if (variogram == null || variogram.size() == 0) {
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(Messages.get("gui.noise.variogram.empty"), w / 2, h / 2);
            return;
        }
        double xMax = variogram.cutoff();
        double yMax = 0;
        for (int i = 0; i < variogram.size(); i++) {
            xMax = Math.max(xMax, variogram.dist(i));
            yMax = Math.max(yMax, variogram.gamma(i));
        }
        xMax = niceCeiling(xMax);
        if (model != null) {
            // the model as far as the plot reaches, but a model far above the points must not flatten them
            yMax = Math.max(yMax, Math.min(model.semivariance(xMax), 2 * yMax));
        }
        yMax = niceCeiling(yMax * 1.08);
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        if (pw <= 10 || ph <= 10) {
            return;
        }
        // axes and ticks
        gc.setStroke(Color.web("#90a4ae"));
        gc.setLineWidth(1);
        gc.strokeLine(LEFT, TOP, LEFT, TOP + ph);
        gc.strokeLine(LEFT, TOP + ph, LEFT + pw, TOP + ph);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        double xStep = niceStep(xMax / 5);
        for (double t = 0; t <= xMax + 1e-9 * xMax; t += xStep) {
            double x = LEFT + t / xMax * pw;
            gc.strokeLine(x, TOP + ph, x, TOP + ph + 4);
            gc.fillText(ClassRamp.number(t), x, TOP + ph + 6);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        double yStep = niceStep(yMax / 5);
        for (double t = 0; t <= yMax + 1e-9 * yMax; t += yStep) {
            double y = TOP + ph - t / yMax * ph;
            gc.setStroke(Color.web("#eceff1"));
            gc.strokeLine(LEFT + 1, y, LEFT + pw, y);
            gc.setStroke(Color.web("#90a4ae"));
            gc.strokeLine(LEFT - 4, y, LEFT, y);
            gc.fillText(ClassRamp.number(t), LEFT - 6, y);
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(Messages.get("gui.noise.variogram.distance"), LEFT + pw / 2, h - 2);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(Messages.get("gui.noise.variogram.semivariance"), 4, 4);
        // the model
        if (model != null) {
            gc.setStroke(Color.web("#1f63d6"));
            gc.setLineWidth(1.8);
            int n = 200;
            double[] xs = new double[n + 1], ys = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                double d = Math.max(1e-9, xMax * k / n);
                xs[k] = LEFT + d / xMax * pw;
                ys[k] = TOP + ph - Math.min(yMax, model.semivariance(d)) / yMax * ph;
            }
            gc.strokePolyline(xs, ys, n + 1);
            gc.setFill(Color.web("#1f63d6"));
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(model.toString(), LEFT + pw, 6);
        }
        // the empirical points with their pair counts
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setFont(CjkFont.of(9));
        for (int i = 0; i < variogram.size(); i++) {
            double x = LEFT + variogram.dist(i) / xMax * pw;
            double y = TOP + ph - variogram.gamma(i) / yMax * ph;
            gc.setFill(Color.web("#e6550d"));
            gc.fillOval(x - 3.5, y - 3.5, 7, 7);
            gc.setFill(Color.web("#5d4037"));
            gc.fillText(Long.toString(variogram.np(i)), x, y - 5);
        }
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least v. */
    static double niceCeiling(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
