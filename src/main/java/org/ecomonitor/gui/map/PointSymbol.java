package org.ecomonitor.gui.map;

import java.util.Locale;

/** The shapes a point layer can be drawn with (the {@code symbol} of a style file). */
public enum PointSymbol {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, STAR, CROSS, PENTAGON;

    public static PointSymbol parse(String text, PointSymbol fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True when the point (x, y), relative to the symbol's centre and in units of its radius, lies inside the
     * shape of radius {@code r} (r = 1 is the full symbol; smaller r gives the inner edge of the outline).
     */
    public boolean contains(double x, double y, double r) {
        if (r <= 0) {
            return false;
        }
        return switch (this) {
            case CIRCLE -> x * x + y * y <= r * r;
            case SQUARE -> Math.abs(x) <= r * 0.85 && Math.abs(y) <= r * 0.85;
            case DIAMOND -> Math.abs(x) + Math.abs(y) <= r;
            case TRIANGLE -> insidePolygon(x, y, r, 3, -Math.PI / 2, 1);
            case PENTAGON -> insidePolygon(x, y, r, 5, -Math.PI / 2, 1);
            case STAR -> insideStar(x, y, r);
            case CROSS -> (Math.abs(x) <= r * 0.3 && Math.abs(y) <= r) || (Math.abs(y) <= r * 0.3 && Math.abs(x) <= r);
        };
    }

    private static boolean insidePolygon(double x, double y, double r, int n, double start, double dummy) {
        // a regular convex polygon: inside when on the inner side of every edge
        for (int i = 0; i < n; i++) {
            double a0 = start + 2 * Math.PI * i / n, a1 = start + 2 * Math.PI * (i + 1) / n;
            double x0 = r * Math.cos(a0), y0 = r * Math.sin(a0), x1 = r * Math.cos(a1), y1 = r * Math.sin(a1);
            if ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideStar(double x, double y, double r) {
        // five-pointed star as a polygon of ten vertices (even-odd test)
        int n = 10;
        double[] px = new double[n], py = new double[n];
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + Math.PI * i / 5;
            double rr = i % 2 == 0 ? r : r * 0.45;
            px[i] = rr * Math.cos(a);
            py[i] = rr * Math.sin(a);
        }
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if ((py[i] > y) != (py[j] > y) && x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
