package org.ecomonitor.gui.tiles;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Tianditu (天地图), the national basemap: the vector layer ({@code vec_w}) with its annotation layer
 * ({@code cva_w}, Chinese place names) drawn over it, both in web Mercator, with the user's key ({@code tk},
 * free from the Tianditu site). Each layer has its own disk cache.
 */
public final class TiandituTileSource implements TileSource {

    private static final List<String> SERVERS = List.of("0", "1", "2", "3", "4", "5", "6", "7");

    private final XyzTileSource vector;
    private final XyzTileSource annotation;

    public TiandituTileSource(String key, Path cacheFolder) {
        this.vector = new XyzTileSource(template("vec", key), SERVERS, new TileCache(cacheFolder.resolve("vec_w")), 18);
        this.annotation = new XyzTileSource(template("cva", key), SERVERS, new TileCache(cacheFolder.resolve("cva_w")), 18);
    }

    static String template(String layer, String key) {
        return "https://t{s}.tianditu.gov.cn/" + layer + "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER="
                + layer + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=" + key;
    }

    @Override
    public byte[] tile(int zoom, long x, long y) throws IOException {
        byte[] base = vector.tile(zoom, x, y);
        byte[] labels;
        try {
            labels = annotation.tile(zoom, x, y);
        } catch (IOException e) {
            labels = null;
        }
        if (base == null || labels == null) {
            return base;
        }
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(base));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(labels));
        if (a == null || b == null) {
            return base;
        }
        BufferedImage out = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "png", bytes);
        return bytes.toByteArray();
    }

    @Override
    public boolean isOnline() {
        return true;
    }

    @Override
    public int maxZoom() {
        return 18;
    }
}
