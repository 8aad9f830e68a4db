package org.ecomonitor.gui.tiles;

import java.io.IOException;

/**
 * Where map background tiles come from: 256-pixel PNG/JPEG tiles in the XYZ scheme (zoom, column x from the
 * west, row y from the north) of web Mercator. Implementations are thread-safe; {@link #tile} blocks and is
 * called off the FX thread.
 */
public interface TileSource extends AutoCloseable {

    /** The encoded image of a tile, or null when the source has none there. */
    byte[] tile(int zoom, long x, long y) throws IOException;

    /** True for sources on the network (they may fail, and can be downloaded for offline use). */
    default boolean isOnline() {
        return false;
    }

    /** The highest zoom with tiles. */
    default int maxZoom() {
        return 19;
    }

    @Override
    default void close() {
    }

    /** No background at all: the map shows its neutral colour and the vector layers. */
    TileSource NONE = (zoom, x, y) -> null;
}
