package org.ecomonitor.gui.tiles;

import com.gluonhq.maps.tile.TileRetriever;
import javafx.scene.image.Image;

import java.util.concurrent.CompletableFuture;

/**
 * Gluon Maps' way in: registered in {@code META-INF/services/com.gluonhq.maps.tile.TileRetriever}, so Gluon uses
 * it instead of its own OpenStreetMap downloader; it hands every request to the current {@link Basemaps} source.
 */
public final class TileSourceRetriever implements TileRetriever {

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        return Basemaps.load(zoom, i, j);
    }
}
