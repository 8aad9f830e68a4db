package org.ecomonitor.gui.analysis;

import javafx.scene.paint.Color;
import org.ecomonitor.gui.map.RasterLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Equal-interval classes over the finite values of a grid, coloured along a sequential ramp from light to dark:
 * how the kriging variance and the distance to the nearest point are shown (the noise levels themselves keep the
 * DIN 18005 classes of their map). NaN is transparent. Immutable.
 */
final class ClassRamp {

    /** Light yellow to dark purple, for "how uncertain" and "how far". */
    static final int[] PURPLES = {0xFFFBD5, 0xFCC5C0, 0xF768A1, 0xC51B8A, 0x7A0177, 0x49006A};

    private final double min;
    private final double step;
    private final int[] colours;

    private ClassRamp(double min, double step, int[] colours) {
        this.min = min;
        this.step = step;
        this.colours = colours;
    }

    /** Classes over the range of the finite values (one class when they are all equal or there are none). */
    static ClassRamp over(double[] values, int[] colours) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double step = hi > lo ? (hi - lo) / colours.length : 1;
        return new ClassRamp(lo, step, colours.clone());
    }

    int classOf(double v) {
        int k = (int) Math.floor((v - min) / step);
        return Math.max(0, Math.min(colours.length - 1, k));
    }

    /** Opaque ARGB of a value; 0 (transparent) for NaN. */
    int argb(double v) {
        return Double.isFinite(v) ? 0xFF000000 | colours[classOf(v)] : 0;
    }

    int[] argb(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = argb(values[i]);
        }
        return out;
    }

    List<RasterLayer.LegendEntry> legend(String unit) {
        List<RasterLayer.LegendEntry> list = new ArrayList<>();
        for (int k = 0; k < colours.length; k++) {
            String label = number(min + k * step) + " – " + number(min + (k + 1) * step) + (unit.isEmpty() ? "" : " " + unit);
            list.add(new RasterLayer.LegendEntry(label, Color.rgb((colours[k] >> 16) & 255, (colours[k] >> 8) & 255, colours[k] & 255)));
        }
        return list;
    }

    /** A number for legends and tables: 3 significant digits, scientific when very large or small. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }
}
