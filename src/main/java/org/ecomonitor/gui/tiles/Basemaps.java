package org.ecomonitor.gui.tiles;

import javafx.scene.image.Image;

import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tile source the map shows now, and the loading of its tiles off the FX thread. Gluon Maps asks
 * {@link TileSourceRetriever} (found through {@code META-INF/services}) for tiles; it comes here. Tiles load on
 * four daemon threads; a failing tile stays empty (the map's neutral background) and never blocks the UI.
 * Counts the tiles in flight, so a snapshot can wait until the background is complete.
 */
public final class Basemaps {

    private static volatile TileSource current = TileSource.NONE;
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicLong FAILED = new AtomicLong();
    private static final ExecutorService LOADERS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "tile-loader");
        t.setDaemon(true);
        return t;
    });

    private Basemaps() {
    }

    public static TileSource current() {
        return current;
    }

    /** Switches the source (closing the previous one); maps created afterwards show it. */
    public static void use(TileSource source) {
        TileSource old = current;
        current = source == null ? TileSource.NONE : source;
        if (old != current) {
            old.close();
        }
    }

    /** Tiles requested and not yet loaded or failed. */
    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /** Tiles that failed to load since start. */
    public static long failed() {
        return FAILED.get();
    }

    /** The image of a tile, loaded in the background; null inside when the source has none or fails. */
    static CompletableFuture<Image> load(int zoom, long x, long y) {
        TileSource source = current;
        if (source == TileSource.NONE || zoom > source.maxZoom()) {
            return CompletableFuture.completedFuture(null);
        }
        IN_FLIGHT.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] data = source.tile(zoom, x, y);
                if (data == null) {
                    return null;
                }
                Image image = new Image(new ByteArrayInputStream(data));
                if (image.isError()) {
                    FAILED.incrementAndGet();
                    return null;
                }
                return image;
            } catch (Exception e) {
                FAILED.incrementAndGet();
                return null;
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
        }, LOADERS);
    }
}
