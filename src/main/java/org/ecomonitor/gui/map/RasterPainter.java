package org.ecomonitor.gui.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.model.GridSpec;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws a {@link RasterLayer} (a grid in a projected CRS such as EPSG:4545) on the web-Mercator map by inverse
 * mapping: every screen pixel the raster covers takes the colour of the grid cell under the pixel's centre
 * (nearest neighbour, so class colours stay exact). The pixel-to-grid mapping is computed exactly (proj4j) at the
 * nodes of a mesh every {@value #MESH} pixels and interpolated bilinearly in between; over a city the projection
 * is so smooth that this is exact to far below a pixel, and a frame costs one transform per mesh node plus a
 * multiply-add per pixel. One painter per canvas, FX thread only.
 */
public final class RasterPainter {

    /** Mesh spacing in pixels. */
    static final int MESH = 16;

    private CoordinateTransform toGrid;
    private int[] pixels = new int[0];
    private WritableImage image;

    /** Draws the raster for the viewport (nothing when it is hidden or out of view). */
    public void paint(GraphicsContext gc, RasterLayer layer, MapViewport vp) {
        int[] box = screenBox(layer, vp);
        if (box == null) {
            return;
        }
        int x0 = box[0], y0 = box[1], w = box[2] - box[0], h = box[3] - box[1];
        if (toGrid == null || toGrid.target() != layer.epsg()) {
            toGrid = CoordinateTransform.between(Crs.CGCS2000, layer.epsg());
        }
        int nx = w / MESH + 2, ny = h / MESH + 2;
        double[] gx = new double[nx * ny], gy = new double[nx * ny];
        double[] xy = new double[2];
        for (int j = 0; j < ny; j++) {
            double lat = vp.latitude(y0 + j * MESH);
            for (int i = 0; i < nx; i++) {
                toGrid.apply(vp.longitude(x0 + i * MESH), lat, xy);
                gx[j * nx + i] = xy[0];
                gy[j * nx + i] = xy[1];
            }
        }
        if (pixels.length < w * h) {
            pixels = new int[w * h];
        }
        GridSpec g = layer.grid();
        double minX = g.minX(), maxY = g.maxY(), cs = g.cellSize();
        int cols = g.ncols(), rows = g.nrows();
        boolean any = false;
        for (int py = 0; py < h; py++) {
            double cy = py + 0.5;
            int j = (int) (cy / MESH);
            double fy = (cy - j * MESH) / MESH;
            for (int px = 0; px < w; px++) {
                double cx = px + 0.5;
                int i = (int) (cx / MESH);
                double fx = (cx - i * MESH) / MESH;
                int k = j * nx + i;
                double top = gx[k] + fx * (gx[k + 1] - gx[k]);
                double bottom = gx[k + nx] + fx * (gx[k + nx + 1] - gx[k + nx]);
                double x = top + fy * (bottom - top);
                top = gy[k] + fx * (gy[k + 1] - gy[k]);
                bottom = gy[k + nx] + fx * (gy[k + nx + 1] - gy[k + nx]);
                double y = top + fy * (bottom - top);
                double c = Math.floor((x - minX) / cs), r = Math.floor((maxY - y) / cs);
                int argb = 0;
                if (c >= 0 && r >= 0 && c < cols && r < rows) {
                    argb = layer.argb((int) r * cols + (int) c);
                    any |= argb != 0;
                }
                pixels[py * w + px] = argb;
            }
        }
        if (!any) {
            return;
        }
        if (image == null || image.getWidth() < w || image.getHeight() < h) {
            image = new WritableImage(Math.max(w, image == null ? 0 : (int) image.getWidth()),
                    Math.max(h, image == null ? 0 : (int) image.getHeight()));
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        gc.save();
        gc.setGlobalAlpha(layer.opacity());
        gc.setImageSmoothing(false);
        gc.drawImage(image, 0, 0, w, h, x0, y0, w, h);
        gc.restore();
    }

    /** {x0, y0, x1, y1}: the whole pixels of the view the raster may cover, or null when none. */
    static int[] screenBox(RasterLayer layer, MapViewport vp) {
        Envelope e = layer.lonLatExtent();
        double left = vp.screenX(Mercator.x(e.getMinX())), right = vp.screenX(Mercator.x(e.getMaxX()));
        double top = vp.screenY(Mercator.y(e.getMaxY())), bottom = vp.screenY(Mercator.y(e.getMinY()));
        int x0 = (int) Math.max(0, Math.floor(left)), x1 = (int) Math.min(Math.ceil(vp.width()), Math.ceil(right));
        int y0 = (int) Math.max(0, Math.floor(top)), y1 = (int) Math.min(Math.ceil(vp.height()), Math.ceil(bottom));
        return x1 > x0 && y1 > y0 ? new int[]{x0, y0, x1, y1} : null;
    }
}
