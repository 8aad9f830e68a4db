package org.ecomonitor.gui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.ecomonitor.gui.map.LegendPainter;
import org.ecomonitor.gui.map.MapLayers;
import org.ecomonitor.gui.map.MapPane;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The current map view as a picture: the background, the layers, scale bar and north arrow as the map pane
 * shows them, with the legend of the visible layers in the lower right corner. Used by "Export view as PNG"
 * and by {@code --snapshot}.
 */
public final class MapImage {

    private MapImage() {
    }

    /** Renders the map with its legend (FX thread). */
    public static WritableImage compose(MapPane map, MapLayers layers) {
        WritableImage view = map.snapshot(null, null);
        double w = view.getWidth(), h = view.getHeight();
        Canvas canvas = new Canvas(w, h);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.drawImage(view, 0, 0);
        List<VectorLayer> visible = layers.visibleTopFirst();
        List<org.ecomonitor.gui.map.RasterLayer> rasters = layers.visibleRasters();
        if (!visible.isEmpty() || !rasters.isEmpty()) {
            String heading = Messages.get("gui.legend");
            double[] size = LegendPainter.size(heading, visible, rasters);
            LegendPainter.paint(gc, heading, visible, rasters, Math.max(0, w - size[0] - 10), Math.max(0, h - size[1] - 10), true);
        }
        return canvas.snapshot(null, null);
    }

    /** The image as AWT pixels (any thread for a finished image). */
    public static BufferedImage toBuffered(Image image) {
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Writes a PNG file. */
    public static void writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UserException(e, "gui.export.write_failed", file, e.getMessage());
        }
    }
}
