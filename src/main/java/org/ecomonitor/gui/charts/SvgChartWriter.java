package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;
import org.ecomonitor.gui.map.CjkFont;
import org.ecomonitor.i18n.UserException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A {@link ChartCanvas} that writes SVG 1.1: lines and series as {@code <polyline>}, areas as {@code <polygon>},
 * markers as {@code <circle>}, axes' labels as {@code <text>} (UTF-8, so Chinese labels stay text an editor can
 * change). Written by hand: it is a few element types, and no SVG library for Java is small.
 */
public final class SvgChartWriter implements ChartCanvas {

    private final StringBuilder body = new StringBuilder(1 << 16);
    private final double width;
    private final double height;
    private String stroke = "#000000";
    private double strokeOpacity = 1;
    private double strokeWidth = 1;
    private String dash = "";
    private String fill = "#000000";
    private double fillOpacity = 1;
    private int clips;
    private int openGroups;

    public SvgChartWriter(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void setStroke(Color colour, double w, double... dashes) {
        stroke = hex(colour);
        strokeOpacity = colour.getOpacity();
        strokeWidth = w;
        if (dashes == null || dashes.length == 0) {
            dash = "";
        } else {
            StringBuilder b = new StringBuilder();
            for (double d : dashes) {
                b.append(b.isEmpty() ? "" : ",").append(num(d));
            }
            dash = " stroke-dasharray=\"" + b + "\"";
        }
    }

    @Override
    public void setFill(Color colour) {
        fill = hex(colour);
        fillOpacity = colour.getOpacity();
    }

    private String strokeAttributes() {
        return " fill=\"none\" stroke=\"" + stroke + "\"" + (strokeOpacity < 1 ? " stroke-opacity=\"" + num(strokeOpacity) + "\"" : "")
                + " stroke-width=\"" + num(strokeWidth) + "\"" + dash;
    }

    private String fillAttributes() {
        return " fill=\"" + fill + "\"" + (fillOpacity < 1 ? " fill-opacity=\"" + num(fillOpacity) + "\"" : "") + " stroke=\"none\"";
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append('"').append(strokeAttributes()).append("/>\n");
    }

    @Override
    public void polyline(double[] x, double[] y, int n) {
        if (n < 2) {
            return;
        }
        body.append("<polyline points=\"");
        points(x, y, n);
        body.append('"').append(strokeAttributes()).append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void fillPolygon(double[] x, double[] y, int n) {
        if (n < 3) {
            return;
        }
        body.append("<polygon points=\"");
        points(x, y, n);
        body.append('"').append(fillAttributes()).append("/>\n");
    }

    private void points(double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                body.append(' ');
            }
            body.append(num(x[i])).append(',').append(num(y[i]));
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append('"').append(fillAttributes()).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append('"').append(strokeAttributes()).append("/>\n");
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        body.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append('"').append(fillAttributes()).append("/>\n");
    }

    @Override
    public void strokeCircle(double cx, double cy, double r) {
        body.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append('"').append(strokeAttributes()).append("/>\n");
    }

    @Override
    public void text(String text, double x, double y, Anchor anchor, double size, boolean bold, Color colour, double rotation) {
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(num(size))
                .append('"');
        if (bold) {
            body.append(" font-weight=\"bold\"");
        }
        if (anchor != Anchor.START) {
            body.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        body.append(" fill=\"").append(hex(colour)).append('"');
        if (rotation != 0) {
            body.append(" transform=\"rotate(").append(num(rotation)).append(' ').append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        body.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        String id = "clip" + (++clips);
        body.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\"/></clipPath>\n");
        body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        openGroups++;
    }

    @Override
    public void unclip() {
        if (openGroups > 0) {
            body.append("</g>\n");
            openGroups--;
        }
    }

    /** The whole document. */
    public String toSvg() {
        StringBuilder out = new StringBuilder(body.length() + 512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"").append(escape(CjkFont.family()))
                .append(", sans-serif\">\n");
        out.append(body);
        for (int i = 0; i < openGroups; i++) {
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    /** Writes the document (UTF-8). */
    public void write(Path file) {
        write(toSvg(), file);
    }

    /** Writes an SVG document made before (any thread). */
    public static void write(String svg, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(e, "gui.chart.write_failed", file, e.getMessage());
        }
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r) && Math.abs(r) < 1e12) {
            return Long.toString((long) r);
        }
        return Double.toString(r);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
