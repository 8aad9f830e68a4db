package org.ecomonitor.gui;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.ecomonitor.gui.map.MapLayers;
import org.ecomonitor.gui.map.MapPane;
import org.ecomonitor.gui.map.MapViewport;
import org.ecomonitor.gui.map.Selection;
import org.ecomonitor.gui.map.StyleFiles;
import org.ecomonitor.gui.tiles.Basemap;
import org.ecomonitor.gui.tiles.Basemaps;
import org.ecomonitor.store.ProjectStore;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Renders a project's map with its layers and legend into a PNG without a window, as QGIS's {@code --snapshot}
 * does: reads the layers, lays the map out in an off-screen scene of the requested size, waits until every
 * background tile has loaded or failed (at most {@link #TILE_TIMEOUT_MS}), and writes the picture. Call from
 * any thread but the FX thread, after the toolkit started.
 */
public final class MapSnapshot {

    public static final long TILE_TIMEOUT_MS = 30_000;

    /** What was written and when the frame was complete. */
    public record Result(Path file, long firstFrameMillis, long renderMillis, int layers, long tilesFailed, BufferedImage image,
                         MapViewport viewport) {
    }

    private MapSnapshot() {
    }

    /**
     * @param bbox    {minLon, minLat, maxLon, maxLat}, or null for the extent of all layers
     * @param basemap the background to draw under the layers
     */
    public static Result render(Path storeFile, Path out, int width, int height, double[] bbox, Basemap basemap,
                                AppDirectories dirs) throws Exception {
        return render(load(storeFile, dirs), out, width, height, bbox, basemap, dirs);
    }

    /** Reads a store's layers with the user's styles. */
    public static ProjectLoader.Layers load(Path storeFile, AppDirectories dirs) {
        try (ProjectStore store = ProjectStore.open(storeFile)) {
            return ProjectLoader.load(store, new StyleFiles(dirs.styles()));
        }
    }

    /** Renders layers already read (see {@link #load}). */
    public static Result render(ProjectLoader.Layers loaded, Path out, int width, int height, double[] bbox, Basemap basemap,
                                AppDirectories dirs) throws Exception {
        long t0 = System.nanoTime();
        Basemaps.use(basemap.open(dirs.tileCache()));
        long failedBefore = Basemaps.failed();
        MapLayers layers = new MapLayers();
        StackPane[] root = new StackPane[1];
        MapPane[] map = new MapPane[1];
        FxThread.run(() -> {
            layers.setAll(loaded.stations(), loaded.others());
            map[0] = new MapPane(layers, new Selection());
            root[0] = new StackPane(map[0]);
            Scene scene = new Scene(root[0], width, height);
            Workstation.applyLook(scene);
            root[0].resize(width, height);
            root[0].applyCss();
            root[0].layout();
            if (bbox != null) {
                map[0].zoomTo(bbox[0], bbox[1], bbox[2], bbox[3]);
            } else {
                map[0].zoomFull();
            }
        });
        long deadline = System.currentTimeMillis() + TILE_TIMEOUT_MS;
        int settled = 0;
        while (settled < 3 && System.currentTimeMillis() < deadline) {
            FxThread.run(() -> {
                root[0].resize(width, height);
                root[0].applyCss();
                root[0].layout();
            });
            settled = Basemaps.inFlight() == 0 ? settled + 1 : 0;
            Thread.sleep(settled == 0 ? 40 : 15);
        }
        MapViewport[] viewport = new MapViewport[1];
        WritableImage image = FxThread.call(() -> {
            root[0].layout();
            viewport[0] = map[0].viewport();
            return MapImage.compose(map[0], layers);
        });
        long firstFrame = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long render = (System.nanoTime() - t0) / 1_000_000;
        BufferedImage buffered = MapImage.toBuffered(image);
        MapImage.writePng(buffered, out);
        return new Result(out, firstFrame, render, layers.topFirst().size(), Basemaps.failed() - failedBefore, buffered, viewport[0]);
    }
}
