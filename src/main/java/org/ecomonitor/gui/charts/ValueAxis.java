package org.ecomonitor.gui.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis with "nice" ticks (1, 2, 2.5 or 5 times a power of ten) covering a range, about {@code minSpacing}
 * pixels apart; the range is widened to whole ticks.
 *
 * @param min   lowest value shown
 * @param max   highest value shown
 * @param step  distance of two ticks
 */
public record ValueAxis(double min, double max, double step) {

    /** An axis covering {@code lo..hi} on {@code pixels}. */
    public static ValueAxis of(double lo, double hi, double pixels, double minSpacing) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi <= lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double wanted = Math.max(2, pixels / minSpacing);
        double raw = (hi - lo) / wanted;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * 10;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * power >= raw) {
                step = m * power;
                break;
            }
        }
        double min = Math.floor(lo / step) * step;
        double max = Math.ceil(hi / step) * step;
        return new ValueAxis(min, max, step);
    }

    public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        int n = (int) Math.round((max - min) / step);
        for (int i = 0; i <= n && i < 1000; i++) {
            t.add(min + i * step);
        }
        return t;
    }

    /** A tick value as text without float noise (0.30000000000000004 is 0.3). */
    public static String label(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
