package org.ecomonitor.gui;

import org.ecomonitor.i18n.UserException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The window's command-line options: {@code --store S.gpkg}, {@code --snapshot out.png}, {@code --width},
 * {@code --height}, {@code --bbox minLon,minLat,maxLon,maxLat}, {@code --lang zh|en} (also as {@code --opt=value}).
 */
public record WindowOptions(Path store, Path snapshot, int width, int height, double[] bbox, Locale language) {

    public static WindowOptions parse(String... args) {
        Path store = null, snapshot = null;
        int width = 1600, height = 1000;
        double[] bbox = null;
        Locale lang = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a, value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!name.startsWith("--")) {
                throw new UserException("gui.options.unknown", a);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UserException("gui.options.missing_value", name);
                }
                value = args[++i];
            }
            switch (name) {
                case "--store" -> store = Path.of(value);
                case "--snapshot" -> snapshot = Path.of(value);
                case "--width" -> width = positive(name, value);
                case "--height" -> height = positive(name, value);
                case "--bbox" -> bbox = bbox(value);
                case "--lang" -> lang = switch (value.toLowerCase(Locale.ROOT)) {
                    case "zh", "zh_cn", "zh-cn", "cn" -> Locale.SIMPLIFIED_CHINESE;
                    case "en", "en_us", "en-us" -> Locale.ENGLISH;
                    default -> throw new UserException("gui.options.bad_lang", value);
                };
                default -> throw new UserException("gui.options.unknown", name);
            }
        }
        if (snapshot != null && store == null) {
            throw new UserException("gui.options.snapshot_needs_store");
        }
        return new WindowOptions(store, snapshot, width, height, bbox, lang);
    }

    private static int positive(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < 16 || v > 16384) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserException("gui.options.bad_size", name, value);
        }
    }

    private static double[] bbox(String value) {
        String[] p = value.split(",");
        if (p.length != 4) {
            throw new UserException("gui.options.bad_bbox", value);
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(p[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new UserException("gui.options.bad_bbox", value);
        }
        if (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -85.06 || b[3] > 85.06) {
            throw new UserException("gui.options.bad_bbox", value);
        }
        return b;
    }
}
