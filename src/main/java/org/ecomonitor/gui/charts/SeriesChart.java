package org.ecomonitor.gui.charts;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.ecomonitor.i18n.Messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The time-series chart of the trend window: several series overlaid (stations, parameters) over a local time
 * axis, each standard's limit as a dashed red line with the exceedances marked, readings flagged other than N as
 * hollow markers, aggregates that failed their validity rule as shaded periods, and the early warning's forecast
 * with its 95 % band. The wheel zooms around the pointer, dragging pans, a double click shows everything again;
 * each view is decimated anew ({@link ChartDecimation}), so 87,600 hourly values draw in milliseconds.
 */
public final class SeriesChart extends ChartView {

    /** What the last painting drew (tests, the benchmark, the status text). */
    public record Rendered(int series, int pointsDrawn, int exceedancesInView, int exceedanceMarkers, int flaggedMarkers,
                           List<LimitLine> limits, List<Long> missingPeriods, boolean forecast, long nanos) {
    }

    private static final double LEFT = 66;
    private static final double RIGHT = 18;
    private static final double TOP = 30;
    private static final double BOTTOM = 38;
    private static final Color FLAGGED = Color.web("#8e24aa");
    private static final Color MISSING = Color.web("#9e9e9e", 0.28);
    private static final DateTimeFormatter READOUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private List<ChartSeries> series = List.of();
    private List<ChartDecimation> decimations = List.of();
    private List<LimitLine> limits = List.of();
    private ForecastBand forecast;
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private double dataFrom;
    private double dataTo;
    private double viewFrom;
    private double viewTo;
    private Rendered rendered = new Rendered(0, 0, 0, 0, 0, List.of(), List.of(), false, 0);
    private final Label readout = new Label();
    private double dragX = Double.NaN;
    private double dragFrom;
    private double dragTo;
    private boolean dragged;
    private boolean decimate = true;

    public SeriesChart() {
        readout.getStyleClass().add("chart-readout");
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        StackPane holder = new StackPane(readout);
        holder.setPickOnBounds(false);
        holder.setMouseTransparent(true);
        StackPane.setAlignment(readout, Pos.TOP_RIGHT);
        holder.setPadding(new Insets(TOP + 4, RIGHT + 4, 0, 0));
        holder.prefWidthProperty().bind(widthProperty());
        holder.prefHeightProperty().bind(heightProperty());
        getChildren().add(holder);
        setId("seriesChart");
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAround(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX());
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragX = e.getX();
                dragFrom = viewFrom;
                dragTo = viewTo;
                dragged = false;
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(dragX)) {
                double plotW = Math.max(1, getWidth() - LEFT - RIGHT);
                double shift = (dragX - e.getX()) / plotW * (dragTo - dragFrom);
                if (Math.abs(e.getX() - dragX) > 2) {
                    dragged = true;
                }
                setView(dragFrom + shift, dragTo + shift);
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !dragged) {
                resetZoom();
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> showReadout(e.getX()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> readout.setVisible(false));
    }

    /** Shows new data over its whole time range. */
    public void setData(List<ChartSeries> newSeries, List<LimitLine> newLimits, ForecastBand newForecast, ZoneId newZone) {
        series = List.copyOf(newSeries);
        limits = List.copyOf(newLimits);
        forecast = newForecast;
        zone = newZone == null ? ZoneId.of("Asia/Shanghai") : newZone;
        List<ChartDecimation> d = new ArrayList<>();
        double from = Double.POSITIVE_INFINITY;
        double to = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            double[] x = new double[s.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = s.times()[i];
            }
            d.add(new ChartDecimation(x, s.values()));
            if (x.length > 0) {
                from = Math.min(from, x[0]);
                to = Math.max(to, x[x.length - 1]);
            }
        }
        if (forecast != null && forecast.times().length > 0) {
            to = Math.max(to, forecast.times()[forecast.times().length - 1]);
            from = Math.min(from, forecast.times()[0]);
        }
        decimations = d;
        if (!Double.isFinite(from)) {
            from = 0;
            to = 1;
        }
        if (to <= from) {
            from -= 43_200_000;
            to += 43_200_000;
        }
        double pad = (to - from) * 0.01;
        dataFrom = from - pad;
        dataTo = to + pad;
        viewFrom = dataFrom;
        viewTo = dataTo;
        redraw();
    }

    // ---- zoom and pan

    /** Shows the time range {@code from..to} (epoch ms), kept within the data. */
    public void setView(double from, double to) {
        double span = Math.max(2 * 3_600_000.0, Math.min(to - from, dataTo - dataFrom));
        double f = from;
        if (f < dataFrom) {
            f = dataFrom;
        }
        if (f + span > dataTo) {
            f = dataTo - span;
        }
        viewFrom = f;
        viewTo = f + span;
        redraw();
    }

    /** Zooms by {@code factor} (&lt; 1: in) around the pixel column {@code x}. */
    public void zoomAround(double factor, double x) {
        double plotW = Math.max(1, getWidth() - LEFT - RIGHT);
        double at = viewFrom + (Math.min(Math.max(x - LEFT, 0), plotW) / plotW) * (viewTo - viewFrom);
        setView(at - (at - viewFrom) * factor, at + (viewTo - at) * factor);
    }

    public void zoomIn() {
        zoomAround(0.5, LEFT + (getWidth() - LEFT - RIGHT) / 2);
    }

    public void zoomOut() {
        zoomAround(2, LEFT + (getWidth() - LEFT - RIGHT) / 2);
    }

    public void resetZoom() {
        setView(dataFrom, dataTo);
    }

    /** The time range shown: {from, to} in epoch ms. */
    public double[] view() {
        return new double[]{viewFrom, viewTo};
    }

    /** Off: every point is drawn (the benchmark's peer). */
    void setDecimation(boolean on) {
        decimate = on;
    }

    public Rendered rendered() {
        return rendered;
    }

    public List<ChartSeries> series() {
        return series;
    }

    public List<LimitLine> limits() {
        return limits;
    }

    public ForecastBand forecast() {
        return forecast;
    }

    // ---- painting

    @Override
    protected void paint(ChartCanvas c, double width, double height) {
        long t0 = System.nanoTime();
        double plotX = LEFT;
        double plotY = TOP;
        double plotW = Math.max(10, width - LEFT - RIGHT);
        double plotH = Math.max(10, height - TOP - BOTTOM);
        if (series.isEmpty()) {
            c.text(Messages.get("gui.chart.no_data"), width / 2, height / 2, ChartCanvas.Anchor.MIDDLE, 13, false, AXIS, 0);
            rendered = new Rendered(0, 0, 0, 0, 0, List.of(), List.of(), false, System.nanoTime() - t0);
            return;
        }
        int maxPoints = decimate ? (int) Math.max(3, 2 * plotW) : Integer.MAX_VALUE;
        List<int[]> visible = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Set<String> parameters = new LinkedHashSet<>();
        for (int s = 0; s < series.size(); s++) {
            int[] idx = decimations.get(s).visible(viewFrom, viewTo, maxPoints);
            visible.add(idx);
            double[] v = series.get(s).values();
            for (int i : idx) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
            parameters.add(series.get(s).parameter());
        }
        List<LimitLine> shownLimits = limits.stream().filter(l -> parameters.contains(l.parameter())).toList();
        for (LimitLine l : shownLimits) {
            lo = Math.min(lo, l.value());
            hi = Math.max(hi, l.value());
        }
        if (forecast != null) {
            for (int i = 0; i < forecast.times().length; i++) {
                if (forecast.times()[i] >= viewFrom && forecast.times()[i] <= viewTo) {
                    lo = Math.min(lo, forecast.lower()[i]);
                    hi = Math.max(hi, forecast.upper()[i]);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (lo >= 0) {
            lo = 0;
        }
        ValueAxis axis = ValueAxis.of(lo, hi + (hi - lo) * 0.04, plotH, 36);
        double vFrom = viewFrom;
        double vSpan = viewTo - viewFrom;
        double yMin = axis.min();
        double ySpan = axis.max() - axis.min();
        java.util.function.DoubleUnaryOperator px = t -> plotX + (t - vFrom) / vSpan * plotW;
        java.util.function.DoubleUnaryOperator py = v -> plotY + plotH - (v - yMin) / ySpan * plotH;

        // grid and axes
        c.setStroke(GRID, 1);
        for (double v : axis.ticks()) {
            double y = py.applyAsDouble(v);
            c.line(plotX, y, plotX + plotW, y);
            c.text(ValueAxis.label(v), plotX - 6, y + 4, ChartCanvas.Anchor.END, 11, false, TEXT, 0);
        }
        for (TimeAxis.Tick t : TimeAxis.ticks((long) viewFrom, (long) viewTo, plotW, 96, zone)) {
            double x = px.applyAsDouble(t.time());
            c.setStroke(GRID, 1);
            c.line(x, plotY, x, plotY + plotH);
            c.setStroke(AXIS, 1);
            c.line(x, plotY + plotH, x, plotY + plotH + 4);
            c.text(t.label(), x, plotY + plotH + 17, ChartCanvas.Anchor.MIDDLE, 11, false, TEXT, 0);
        }
        c.setStroke(AXIS, 1);
        c.line(plotX, plotY + plotH, plotX + plotW, plotY + plotH);
        c.line(plotX, plotY, plotX, plotY + plotH);
        String units = String.join(", ", series.stream().map(ChartSeries::unit).filter(u -> u != null && !u.isBlank())
                .distinct().toList());
        if (!units.isEmpty()) {
            c.text(units, 14, plotY + plotH / 2, ChartCanvas.Anchor.MIDDLE, 11, false, TEXT, -90);
        }

        c.clip(plotX, plotY, plotW, plotH);
        // aggregates that failed their rule: shaded, never drawn as values
        List<Long> missingDrawn = new ArrayList<>();
        c.setFill(MISSING);
        for (ChartSeries s : series) {
            for (ChartSeries.MissingPeriod m : s.missing()) {
                if (m.end() >= viewFrom && m.start() <= viewTo) {
                    double x0 = px.applyAsDouble(m.start());
                    double x1 = px.applyAsDouble(m.end());
                    c.fillRect(x0, plotY, Math.max(1, x1 - x0), plotH);
                    missingDrawn.add(m.start());
                }
            }
        }
        // the early warning: band, then the forecast line
        boolean forecastDrawn = false;
        if (forecast != null && forecast.times().length > 0) {
            int n = forecast.times().length;
            double[] bx = new double[2 * n];
            double[] by = new double[2 * n];
            for (int i = 0; i < n; i++) {
                bx[i] = px.applyAsDouble(forecast.times()[i]);
                by[i] = py.applyAsDouble(forecast.upper()[i]);
                bx[2 * n - 1 - i] = bx[i];
                by[2 * n - 1 - i] = py.applyAsDouble(forecast.lower()[i]);
            }
            c.setFill(forecast.colour().deriveColor(0, 1, 1, 0.18));
            c.fillPolygon(bx, by, 2 * n);
            double[] mx = new double[n];
            double[] my = new double[n];
            for (int i = 0; i < n; i++) {
                mx[i] = bx[i];
                my[i] = py.applyAsDouble(forecast.mean()[i]);
            }
            c.setStroke(forecast.colour(), 1.6, 6, 4);
            c.polyline(mx, my, n);
            c.setFill(forecast.colour());
            // the probabilities above the band when there is room for them (always in the trend panel's table)
            boolean room = n == 1 || (mx[n - 1] - mx[0]) / (n - 1) >= 28;
            for (int i = 0; i < n; i++) {
                c.fillCircle(mx[i], my[i], 2.5);
                double p = forecast.exceedance()[i];
                if (!Double.isNaN(p) && room) {
                    c.text(String.format(Locale.ROOT, "%.0f%%", 100 * p), mx[i], py.applyAsDouble(forecast.upper()[i]) - 4,
                            ChartCanvas.Anchor.MIDDLE, 9.5, false, p >= 0.5 ? LIMIT : TEXT, 0);
                }
            }
            forecastDrawn = true;
        }
        // the series
        int points = 0;
        for (int s = 0; s < series.size(); s++) {
            points += drawLine(c, series.get(s), decimations.get(s), visible.get(s), px, py);
        }
        // limits and exceedances
        int exceedances = 0;
        int exceedanceMarkers = 0;
        for (LimitLine l : shownLimits) {
            double y = py.applyAsDouble(l.value());
            c.setStroke(LIMIT, 1.4, 8, 5);
            c.line(plotX, y, plotX + plotW, y);
            c.text(l.label(), plotX + plotW - 6, y - 5, ChartCanvas.Anchor.END, 11, true, LIMIT, 0);
            for (ChartSeries s : series) {
                if (!s.parameter().equals(l.parameter())) {
                    continue;
                }
                int[] marks = exceedanceMarks(s, l, plotW);
                exceedances += marks[0];
                c.setFill(LIMIT);
                c.setStroke(Color.WHITE, 0.8);
                for (int k = 1; k < marks.length; k++) {
                    int i = marks[k];
                    double x = px.applyAsDouble(s.times()[i]);
                    double yy = py.applyAsDouble(s.values()[i]);
                    c.fillCircle(x, yy, 3.2);
                    c.strokeCircle(x, yy, 3.2);
                    exceedanceMarkers++;
                }
            }
        }
        // flagged readings, distinct (hollow, purple)
        int flaggedMarkers = 0;
        c.setStroke(FLAGGED, 1.3);
        for (ChartSeries s : series) {
            double lastX = Double.NEGATIVE_INFINITY;
            for (ChartSeries.FlaggedPoint f : s.flagged()) {
                if (f.time() < viewFrom || f.time() > viewTo || Double.isNaN(f.value())) {
                    continue;
                }
                double x = px.applyAsDouble(f.time());
                if (x - lastX < 2.5) {
                    continue;
                }
                lastX = x;
                double y = py.applyAsDouble(f.value());
                if (y < plotY + 4 || y > plotY + plotH - 4) {
                    // off the scale (a calibration span, a fault): a triangle at the edge, pointing where it lies
                    boolean above = y < plotY + 4;
                    double ey = above ? plotY + 2 : plotY + plotH - 2;
                    double dy = above ? 6 : -6;
                    c.polyline(new double[]{x - 3.5, x, x + 3.5, x - 3.5}, new double[]{ey + dy, ey, ey + dy, ey + dy}, 4);
                } else {
                    c.strokeCircle(x, y, 3);
                }
                flaggedMarkers++;
            }
        }
        c.unclip();
        drawLegend(c, plotX, plotW, !shownLimits.isEmpty(), flaggedMarkers > 0 || series.stream().anyMatch(s -> !s.flagged().isEmpty()),
                !missingDrawn.isEmpty(), forecastDrawn);
        rendered = new Rendered(series.size(), points, exceedances, exceedanceMarkers, flaggedMarkers, shownLimits,
                List.copyOf(missingDrawn), forecastDrawn, System.nanoTime() - t0);
    }

    /** Draws one series' decimated points, breaking the line at gaps; returns the number of points drawn. */
    private static int drawLine(ChartCanvas c, ChartSeries s, ChartDecimation d, int[] idx,
                                java.util.function.DoubleUnaryOperator px, java.util.function.DoubleUnaryOperator py) {
        double[] xs = new double[idx.length];
        double[] ys = new double[idx.length];
        c.setStroke(s.colour(), 1.4);
        c.setFill(s.colour());
        int run = 0;
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            if (run > 0 && d.gapBetween(idx[k - 1], i)) {
                flush(c, xs, ys, run);
                run = 0;
            }
            xs[run] = px.applyAsDouble(s.times()[i]);
            ys[run] = py.applyAsDouble(s.values()[i]);
            run++;
            if (s.markPoints()) {
                c.fillCircle(xs[run - 1], ys[run - 1], 2.2);
            }
        }
        flush(c, xs, ys, run);
        return idx.length;
    }

    private static void flush(ChartCanvas c, double[] xs, double[] ys, int n) {
        if (n == 1) {
            c.fillCircle(xs[0], ys[0], 1.6);
        } else if (n > 1) {
            c.polyline(xs, ys, n);
        }
    }

    /**
     * The exceedances of a series in view: element 0 is how many values are beyond the limit, the rest are indices
     * of the most extreme exceedance per 4-pixel column (one marker per column, however many values it holds).
     */
    private int[] exceedanceMarks(ChartSeries s, LimitLine l, double plotW) {
        long[] t = s.times();
        double[] v = s.values();
        int buckets = (int) Math.max(1, plotW / 4);
        int[] best = new int[buckets];
        java.util.Arrays.fill(best, -1);
        int count = 0;
        double span = viewTo - viewFrom;
        for (int i = 0; i < t.length; i++) {
            if (t[i] < viewFrom || t[i] > viewTo || !l.exceeded(v[i])) {
                continue;
            }
            count++;
            int b = (int) Math.min(buckets - 1, (t[i] - viewFrom) / span * buckets);
            if (best[b] < 0 || (l.below() ? v[i] < v[best[b]] : v[i] > v[best[b]])) {
                best[b] = i;
            }
        }
        int[] out = new int[1 + (int) java.util.Arrays.stream(best).filter(i -> i >= 0).count()];
        out[0] = count;
        int k = 1;
        for (int i : best) {
            if (i >= 0) {
                out[k++] = i;
            }
        }
        return out;
    }

    private void drawLegend(ChartCanvas c, double plotX, double plotW, boolean limit, boolean flagged, boolean missing,
                            boolean withForecast) {
        double x = plotX;
        double y = 18;
        for (ChartSeries s : series) {
            c.setStroke(s.colour(), 2.2);
            c.line(x, y - 4, x + 16, y - 4);
            c.text(s.label(), x + 20, y, ChartCanvas.Anchor.START, 11, false, TEXT, 0);
            x += 28 + TextMeasure.width(s.label(), 11, false);
        }
        if (limit) {
            c.setStroke(LIMIT, 1.4, 8, 5);
            c.line(x, y - 4, x + 16, y - 4);
            String t = Messages.get("gui.chart.legend.limit");
            c.text(t, x + 20, y, ChartCanvas.Anchor.START, 11, false, TEXT, 0);
            x += 28 + TextMeasure.width(t, 11, false);
            c.setFill(LIMIT);
            c.fillCircle(x + 4, y - 4, 3.2);
            t = Messages.get("gui.chart.legend.exceedance");
            c.text(t, x + 12, y, ChartCanvas.Anchor.START, 11, false, TEXT, 0);
            x += 20 + TextMeasure.width(t, 11, false);
        }
        if (flagged) {
            c.setStroke(FLAGGED, 1.3);
            c.strokeCircle(x + 4, y - 4, 3);
            String t = Messages.get("gui.chart.legend.flagged");
            c.text(t, x + 12, y, ChartCanvas.Anchor.START, 11, false, TEXT, 0);
            x += 20 + TextMeasure.width(t, 11, false);
        }
        if (missing) {
            c.setFill(MISSING);
            c.fillRect(x, y - 10, 12, 10);
            String t = Messages.get("gui.chart.legend.missing");
            c.text(t, x + 16, y, ChartCanvas.Anchor.START, 11, false, TEXT, 0);
            x += 24 + TextMeasure.width(t, 11, false);
        }
        if (withForecast) {
            c.setFill(forecast.colour().deriveColor(0, 1, 1, 0.18));
            c.fillRect(x, y - 10, 16, 10);
            c.setStroke(forecast.colour(), 1.6, 6, 4);
            c.line(x, y - 5, x + 16, y - 5);
            c.text(Messages.get("gui.chart.legend.forecast"), x + 20, y, ChartCanvas.Anchor.START, 11, false, TEXT, 0);
        }
    }

    // ---- pointer readout

    private void showReadout(double mouseX) {
        double plotW = getWidth() - LEFT - RIGHT;
        if (series.isEmpty() || mouseX < LEFT || mouseX > LEFT + plotW) {
            readout.setVisible(false);
            return;
        }
        double t = viewFrom + (mouseX - LEFT) / plotW * (viewTo - viewFrom);
        StringBuilder b = new StringBuilder(READOUT.format(Instant.ofEpochMilli((long) t).atZone(zone)));
        for (ChartSeries s : series) {
            int i = nearest(s.times(), t);
            if (i >= 0) {
                double v = s.values()[i];
                b.append('\n').append(s.label()).append(": ")
                        .append(Double.isNaN(v) ? "—" : ValueAxis.label(Math.round(v * 1000) / 1000.0))
                        .append(' ').append(s.unit() == null ? "" : s.unit())
                        .append("  (").append(READOUT.format(Instant.ofEpochMilli(s.times()[i]).atZone(zone))).append(')');
            }
        }
        readout.setText(b.toString());
        readout.setVisible(true);
    }

    private static int nearest(long[] t, double at) {
        if (t.length == 0) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(t, (long) at);
        if (i >= 0) {
            return i;
        }
        int ins = -i - 1;
        if (ins == 0) {
            return 0;
        }
        if (ins >= t.length) {
            return t.length - 1;
        }
        return at - t[ins - 1] <= t[ins] - at ? ins - 1 : ins;
    }
}
