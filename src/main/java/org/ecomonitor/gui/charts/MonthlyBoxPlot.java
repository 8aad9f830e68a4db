package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;
import org.ecomonitor.i18n.Messages;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Box plots of a series' values per calendar month (all years together): the box from the first to the third
 * quartile with the median, whiskers to the most extreme values within 1.5 interquartile ranges, values beyond as
 * dots (the most extreme 40 per month), the mean as a cross, the number of values below, and the standard's limit.
 */
public final class MonthlyBoxPlot extends ChartView {

    /** The statistics of one month's values. */
    public record MonthBox(Month month, int n, double q1, double median, double q3, double lowWhisker,
                           double highWhisker, double mean, double[] outliers) {

        /** Quartiles (R's default, type 7), whiskers and outliers of the values; null when there are none. */
        public static MonthBox of(Month month, double[] values) {
            double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (v.length == 0) {
                return null;
            }
            double q1 = quantile(v, 0.25);
            double med = quantile(v, 0.5);
            double q3 = quantile(v, 0.75);
            double iqr = q3 - q1;
            double lo = v[0];
            double hi = v[v.length - 1];
            for (double x : v) {
                if (x >= q1 - 1.5 * iqr) {
                    lo = x;
                    break;
                }
            }
            for (int i = v.length - 1; i >= 0; i--) {
                if (v[i] <= q3 + 1.5 * iqr) {
                    hi = v[i];
                    break;
                }
            }
            List<Double> out = new ArrayList<>();
            for (int i = 0, j = v.length - 1; out.size() < 40 && i <= j; ) {
                boolean lowOut = v[i] < lo;
                boolean highOut = v[j] > hi;
                if (!lowOut && !highOut) {
                    break;
                }
                if (highOut) {
                    out.add(v[j--]);
                }
                if (lowOut && out.size() < 40) {
                    out.add(v[i++]);
                }
            }
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            return new MonthBox(month, v.length, q1, med, q3, lo, hi, mean, out.stream().mapToDouble(Double::doubleValue).toArray());
        }

        static double quantile(double[] sorted, double p) {
            double h = (sorted.length - 1) * p;
            int lo = (int) Math.floor(h);
            int hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    private final List<MonthBox> boxes = new ArrayList<>();
    private LimitLine limit;
    private String title = "";
    private String unit = "";
    private Color colour = Color.web("#1f77b4");

    public MonthlyBoxPlot() {
        setId("monthlyBoxPlot");
    }

    /** Shows the boxes of values by month ({@code byMonth[0]} is January). */
    public void setData(String newTitle, String newUnit, double[][] byMonth, LimitLine newLimit, Color newColour) {
        boxes.clear();
        for (int m = 0; m < 12; m++) {
            MonthBox b = MonthBox.of(Month.of(m + 1), byMonth[m] == null ? new double[0] : byMonth[m]);
            if (b != null) {
                boxes.add(b);
            }
        }
        title = newTitle == null ? "" : newTitle;
        unit = newUnit == null ? "" : newUnit;
        limit = newLimit;
        colour = newColour == null ? colour : newColour;
        redraw();
    }

    public List<MonthBox> boxes() {
        return List.copyOf(boxes);
    }

    @Override
    protected void paint(ChartCanvas c, double width, double height) {
        if (boxes.isEmpty()) {
            c.text(Messages.get("gui.chart.no_data"), width / 2, height / 2, ChartCanvas.Anchor.MIDDLE, 13, false, AXIS, 0);
            return;
        }
        double left = 66;
        double top = 30;
        double plotW = Math.max(10, width - left - 18);
        double plotH = Math.max(10, height - top - 52);
        double lo = 0;
        double hi = Double.NEGATIVE_INFINITY;
        for (MonthBox b : boxes) {
            hi = Math.max(hi, b.highWhisker());
            for (double o : b.outliers()) {
                hi = Math.max(hi, o);
                lo = Math.min(lo, o);
            }
            lo = Math.min(lo, b.lowWhisker());
        }
        if (limit != null) {
            hi = Math.max(hi, limit.value());
        }
        ValueAxis axis = ValueAxis.of(lo, hi + (hi - lo) * 0.04, plotH, 36);
        java.util.function.DoubleUnaryOperator py = v -> top + plotH - (v - axis.min()) / (axis.max() - axis.min()) * plotH;
        c.text(title, left, 18, ChartCanvas.Anchor.START, 12, true, TEXT, 0);
        for (double v : axis.ticks()) {
            double y = py.applyAsDouble(v);
            c.setStroke(GRID, 1);
            c.line(left, y, left + plotW, y);
            c.text(ValueAxis.label(v), left - 6, y + 4, ChartCanvas.Anchor.END, 11, false, TEXT, 0);
        }
        c.setStroke(AXIS, 1);
        c.line(left, top + plotH, left + plotW, top + plotH);
        c.line(left, top, left, top + plotH);
        if (!unit.isBlank()) {
            c.text(unit, 14, top + plotH / 2, ChartCanvas.Anchor.MIDDLE, 11, false, TEXT, -90);
        }
        double slot = plotW / 12;
        double half = Math.min(18, slot * 0.3);
        Color fill = colour.deriveColor(0, 1, 1, 0.25);
        for (int m = 0; m < 12; m++) {
            double cx = left + slot * (m + 0.5);
            c.text(Month.of(m + 1).getDisplayName(TextStyle.SHORT, Messages.locale()), cx, top + plotH + 16,
                    ChartCanvas.Anchor.MIDDLE, 11, false, TEXT, 0);
        }
        for (MonthBox b : boxes) {
            double cx = left + slot * (b.month().getValue() - 0.5);
            double yq1 = py.applyAsDouble(b.q1());
            double yq3 = py.applyAsDouble(b.q3());
            c.setStroke(colour, 1.2);
            c.line(cx, py.applyAsDouble(b.lowWhisker()), cx, yq1);
            c.line(cx, yq3, cx, py.applyAsDouble(b.highWhisker()));
            c.line(cx - half / 2, py.applyAsDouble(b.lowWhisker()), cx + half / 2, py.applyAsDouble(b.lowWhisker()));
            c.line(cx - half / 2, py.applyAsDouble(b.highWhisker()), cx + half / 2, py.applyAsDouble(b.highWhisker()));
            c.setFill(fill);
            c.fillRect(cx - half, yq3, 2 * half, Math.max(1, yq1 - yq3));
            c.strokeRect(cx - half, yq3, 2 * half, Math.max(1, yq1 - yq3));
            c.setStroke(colour.darker(), 2);
            double ym = py.applyAsDouble(b.median());
            c.line(cx - half, ym, cx + half, ym);
            c.setStroke(TEXT, 1);
            double ymean = py.applyAsDouble(b.mean());
            c.line(cx - 3, ymean - 3, cx + 3, ymean + 3);
            c.line(cx - 3, ymean + 3, cx + 3, ymean - 3);
            c.setStroke(colour, 1);
            for (double o : b.outliers()) {
                c.strokeCircle(cx, py.applyAsDouble(o), 2.2);
            }
            c.text("n=" + b.n(), cx, top + plotH + 32, ChartCanvas.Anchor.MIDDLE, 9.5, false, AXIS, 0);
        }
        if (limit != null) {
            double y = py.applyAsDouble(limit.value());
            c.setStroke(LIMIT, 1.4, 8, 5);
            c.line(left, y, left + plotW, y);
            c.text(limit.label(), left + plotW - 6, y - 5, ChartCanvas.Anchor.END, 11, true, LIMIT, 0);
        }
    }
}
