package org.ecomonitor.gui.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The background the user chose: none, OpenStreetMap, Tianditu (with a key), a custom URL template, an MBTiles
 * file, or a GeoPackage tile table. Saved in the preferences as one line ({@link #toText()}).
 *
 * @param type  which kind of source
 * @param value the key (Tianditu), template (custom), file (MBTiles) or {@code file|table} (GeoPackage)
 */
public record Basemap(Type type, String value) {

    public enum Type { NONE, OSM, TIANDITU, CUSTOM, MBTILES, GEOPACKAGE }

    public static final Basemap NONE = new Basemap(Type.NONE, "");
    public static final Basemap OSM = new Basemap(Type.OSM, "");

    public Basemap {
        value = value == null ? "" : value;
    }

    public static Basemap mbtiles(Path file) {
        return new Basemap(Type.MBTILES, file.toAbsolutePath().toString());
    }

    public static Basemap geoPackage(Path file, String table) {
        return new Basemap(Type.GEOPACKAGE, file.toAbsolutePath() + "|" + table);
    }

    /** One line for the preferences: {@code TYPE value}. */
    public String toText() {
        return type.name().toLowerCase(Locale.ROOT) + (value.isEmpty() ? "" : " " + value);
    }

    /** Parses {@link #toText()}; anything unreadable is {@code fallback}. */
    public static Basemap parse(String text, Basemap fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim();
        int sp = t.indexOf(' ');
        String type = sp < 0 ? t : t.substring(0, sp);
        try {
            return new Basemap(Type.valueOf(type.toUpperCase(Locale.ROOT)), sp < 0 ? "" : t.substring(sp + 1).trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The tile source for this choice; {@code cacheRoot} holds the downloaded tiles of online sources. */
    public TileSource open(Path cacheRoot) throws IOException {
        return switch (type) {
            case NONE -> TileSource.NONE;
            case OSM -> new XyzTileSource(XyzTileSource.OSM_TEMPLATE, List.of(), new TileCache(cacheRoot.resolve("osm")), 19);
            case TIANDITU -> new TiandituTileSource(value, cacheRoot.resolve("tianditu"));
            case CUSTOM -> new XyzTileSource(value, List.of(), new TileCache(cacheRoot.resolve("custom-" + Integer.toHexString(value.hashCode()))), 19);
            case MBTILES -> new MbtilesTileSource(Path.of(value));
            case GEOPACKAGE -> {
                int bar = value.lastIndexOf('|');
                yield new GeoPackageTileSource(Path.of(value.substring(0, bar)), value.substring(bar + 1));
            }
        };
    }

    public boolean isOnline() {
        return type == Type.OSM || type == Type.TIANDITU || type == Type.CUSTOM;
    }
}
