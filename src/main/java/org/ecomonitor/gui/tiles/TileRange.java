package org.ecomonitor.gui.tiles;

import java.util.function.Consumer;

/**
 * The XYZ tiles covering a longitude/latitude box over a range of zooms: how many there are (shown before a
 * download starts) and each of them in turn.
 */
public record TileRange(double minLon, double minLat, double maxLon, double maxLat, int minZoom, int maxZoom) {

    public TileRange {
        if (minZoom < 0 || maxZoom < minZoom || maxZoom > 22) {
            throw new IllegalArgumentException("zoom range " + minZoom + ".." + maxZoom);
        }
    }

    static long column(double lon, int z) {
        long n = 1L << z;
        return Math.max(0, Math.min(n - 1, (long) Math.floor((lon + 180) / 360 * n)));
    }

    static long row(double lat, int z) {
        long n = 1L << z;
        double l = Math.max(-85.05112878, Math.min(85.05112878, lat));
        double r = Math.toRadians(l);
        double y = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
        return Math.max(0, Math.min(n - 1, (long) Math.floor(y * n)));
    }

    /** Number of tiles at one zoom. */
    public long count(int z) {
        return (column(maxLon, z) - column(minLon, z) + 1) * (row(minLat, z) - row(maxLat, z) + 1);
    }

    /** Number of tiles over all zooms. */
    public long count() {
        long total = 0;
        for (int z = minZoom; z <= maxZoom; z++) {
            total += count(z);
        }
        return total;
    }

    /** Visits every tile as {zoom, x, y}, zoom by zoom. */
    public void forEach(Consumer<long[]> action) {
        for (int z = minZoom; z <= maxZoom; z++) {
            for (long x = column(minLon, z); x <= column(maxLon, z); x++) {
                for (long y = row(maxLat, z); y <= row(minLat, z); y++) {
                    action.accept(new long[]{z, x, y});
                }
            }
        }
    }
}
