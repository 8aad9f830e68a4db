package org.ecomonitor.gui.map;

import javafx.scene.paint.Color;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The layer style files: one {@code NAME.style} per station kind or layer ({@code air.style},
 * {@code admin_areas.style} ...), plain UTF-8 {@code key = value} lines that a user can edit:
 * <pre>
 * symbol = circle            # circle, square, triangle, diamond, star, cross, pentagon
 * size = 10                  # point diameter in pixels
 * fill = #1f77b4             # #rrggbb or #rrggbbaa (alpha for polygon fills)
 * stroke = #ffffff           # outline of points and polygons, colour of lines
 * stroke-width = 1.5
 * opacity = 1                # the whole layer, 0..1
 * label = name               # attribute to label with; empty for none
 * label-color = #1a1a1a
 * label-size = 11
 * categorize-by = level      # optional: one fill per value of this attribute
 * category.国控 = #d62728
 * </pre>
 * A style is looked up in the user's styles folder first (where the style dialog saves), then among the
 * defaults shipped in the application ({@code styles/layers/} of the source tree), then the built-in default
 * of the geometry.
 */
public final class StyleFiles {

    public static final String EXTENSION = ".style";
    private static final String BUNDLED = "/styles/layers/";

    private final Path userFolder;

    /** @param userFolder the user's styles folder (may not exist yet) */
    public StyleFiles(Path userFolder) {
        this.userFolder = userFolder;
    }

    public Path userFolder() {
        return userFolder;
    }

    /** The style called {@code name}, or the default of the geometry family. */
    public LayerStyle load(String name, GeometryFamily family) {
        LayerStyle fallback = LayerStyle.defaultFor(family);
        Path user = userFolder == null ? null : userFolder.resolve(name + EXTENSION);
        try {
            if (user != null && Files.isRegularFile(user)) {
                try (Reader r = Files.newBufferedReader(user, StandardCharsets.UTF_8)) {
                    return parse(r, fallback);
                }
            }
            try (InputStream in = StyleFiles.class.getResourceAsStream(BUNDLED + name + EXTENSION)) {
                if (in != null) {
                    return parse(new InputStreamReader(in, StandardCharsets.UTF_8), fallback);
                }
            }
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }

    /** Writes the style to the user's folder and returns the file. */
    public Path save(String name, LayerStyle style) {
        try {
            Files.createDirectories(userFolder);
            Path file = userFolder.resolve(name + EXTENSION);
            Files.writeString(file, format(name, style), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses style text; missing or unreadable entries keep the fallback's values. */
    public static LayerStyle parse(String text, LayerStyle fallback) {
        try {
            return parse(new StringReader(text), fallback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LayerStyle parse(Reader reader, LayerStyle fb) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[4096];
        for (int n; (n = reader.read(buf)) > 0; ) {
            text.append(buf, 0, n);
        }
        Properties p = new Properties();
        p.load(new StringReader(text.toString()));
        // categories in the order of the file's lines (java.util.Properties does not keep it)
        Properties one = new Properties();
        Map<String, Color> categories = new LinkedHashMap<>();
        for (String line : text.toString().split("\\R")) {
            String t = line.strip();
            if (!t.startsWith("category.")) {
                continue;
            }
            one.clear();
            one.load(new StringReader(t));
            for (String k : one.stringPropertyNames()) {
                Color c = color(value(one, k), null);
                if (c != null) {
                    categories.put(k.substring("category.".length()), c);
                }
            }
        }
        return new LayerStyle(
                PointSymbol.parse(value(p, "symbol"), fb.symbol()),
                number(value(p, "size"), fb.size()),
                color(value(p, "fill"), fb.fill()),
                color(value(p, "stroke"), fb.stroke()),
                number(value(p, "stroke-width"), fb.strokeWidth()),
                number(value(p, "opacity"), fb.opacity()),
                p.containsKey("label") ? value(p, "label") : fb.labelField(),
                color(value(p, "label-color"), fb.labelColor()),
                number(value(p, "label-size"), fb.labelSize()),
                p.containsKey("categorize-by") ? value(p, "categorize-by") : fb.categoryField(),
                categories.isEmpty() ? fb.categories() : categories);
    }

    /** A value without a trailing {@code # comment}. */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            return null;
        }
        int hash = v.indexOf(" #");
        return (hash >= 0 ? v.substring(0, hash) : v).trim();
    }

    private static double number(String text, double fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Color color(String text, Color fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Color.web(text.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The text of a style file. */
    public static String format(String name, LayerStyle s) {
        StringBuilder b = new StringBuilder();
        b.append("# EcoMonitor layer style: ").append(name).append('\n');
        b.append("# symbol: circle, square, triangle, diamond, star, cross, pentagon; colours #rrggbb or #rrggbbaa\n");
        b.append("symbol = ").append(s.symbol().code()).append('\n');
        b.append("size = ").append(num(s.size())).append('\n');
        b.append("fill = ").append(hex(s.fill())).append('\n');
        b.append("stroke = ").append(hex(s.stroke())).append('\n');
        b.append("stroke-width = ").append(num(s.strokeWidth())).append('\n');
        b.append("opacity = ").append(num(s.opacity())).append('\n');
        b.append("label = ").append(s.labelField()).append('\n');
        b.append("label-color = ").append(hex(s.labelColor())).append('\n');
        b.append("label-size = ").append(num(s.labelSize())).append('\n');
        b.append("categorize-by = ").append(s.categoryField()).append('\n');
        for (Map.Entry<String, Color> e : s.categories().entrySet()) {
            b.append("category.").append(escapeKey(e.getKey())).append(" = ").append(hex(e.getValue())).append('\n');
        }
        return b.toString();
    }

    private static String escapeKey(String k) {
        StringBuilder b = new StringBuilder();
        for (char c : k.toCharArray()) {
            if (c == ' ' || c == '=' || c == ':' || c == '#' || c == '!' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** #rrggbb, or #rrggbbaa when not opaque. */
    public static String hex(Color c) {
        String rgb = String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        return c.getOpacity() >= 1 ? rgb : rgb + String.format(Locale.ROOT, "%02x", Math.round(c.getOpacity() * 255));
    }
}
