package org.ecomonitor.gui.map;

import javafx.scene.paint.Color;

/**
 * A point symbol rendered once into premultiplied ARGB pixels (4×4 supersampled, so its edge is smooth) and
 * then stamped into a layer's raster for every point: a 100,000-point layer costs 100,000 small array copies
 * instead of 100,000 vector shapes for the renderer. The symbol's centre is the centre of pixel
 * ({@link #half()}, {@link #half()}).
 */
public final class PointSprite {

    private final int side;
    private final int[] pixels;

    private PointSprite(int side, int[] pixels) {
        this.side = side;
        this.pixels = pixels;
    }

    /** Renders a symbol of {@code diameter} pixels with an outline of {@code strokeWidth} pixels. */
    public static PointSprite render(PointSymbol symbol, double diameter, Color fill, Color stroke, double strokeWidth) {
        double r = diameter / 2;
        int half = (int) Math.ceil(r + 1);
        int side = 2 * half + 1;
        int[] px = new int[side * side];
        double inner = strokeWidth <= 0 ? 1 : Math.max(0, 1 - strokeWidth / r);
        int ss = 4;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double a = 0, rr = 0, gg = 0, bb = 0;
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        double x = (col - half + (sx + 0.5) / ss - 0.5) / r;
                        double y = (row - half + (sy + 0.5) / ss - 0.5) / r;
                        if (!symbol.contains(x, y, 1)) {
                            continue;
                        }
                        Color c = symbol.contains(x, y, inner) ? fill : stroke;
                        double o = c.getOpacity();
                        a += o;
                        rr += c.getRed() * o;
                        gg += c.getGreen() * o;
                        bb += c.getBlue() * o;
                    }
                }
                double n = ss * ss;
                // the centre pixel of a filled symbol is exactly the fill colour (no partial coverage there)
                px[row * side + col] = (int) Math.round(a / n * 255) << 24 | (int) Math.round(rr / n * 255) << 16
                        | (int) Math.round(gg / n * 255) << 8 | (int) Math.round(bb / n * 255);
            }
        }
        return new PointSprite(side, px);
    }

    public int side() {
        return side;
    }

    public int half() {
        return side / 2;
    }

    /** Composites the sprite (source over) into {@code dst} ({@code w×h} premultiplied ARGB) centred on (cx, cy). */
    public void stamp(int[] dst, int w, int h, int cx, int cy) {
        int x0 = cx - side / 2, y0 = cy - side / 2;
        if (x0 >= w || y0 >= h || x0 + side <= 0 || y0 + side <= 0) {
            return;
        }
        int rowStart = Math.max(0, -y0), rowEnd = Math.min(side, h - y0);
        int colStart = Math.max(0, -x0), colEnd = Math.min(side, w - x0);
        for (int row = rowStart; row < rowEnd; row++) {
            int s = row * side, d = (y0 + row) * w + x0;
            for (int col = colStart; col < colEnd; col++) {
                int src = pixels[s + col];
                int sa = src >>> 24;
                if (sa == 0) {
                    continue;
                }
                if (sa == 255) {
                    dst[d + col] = src;
                    continue;
                }
                int dstPx = dst[d + col];
                int inv = 255 - sa;
                int a = sa + ((dstPx >>> 24) * inv + 127) / 255;
                int r = ((src >>> 16) & 0xff) + (((dstPx >>> 16) & 0xff) * inv + 127) / 255;
                int g = ((src >>> 8) & 0xff) + (((dstPx >>> 8) & 0xff) * inv + 127) / 255;
                int b = (src & 0xff) + ((dstPx & 0xff) * inv + 127) / 255;
                dst[d + col] = a << 24 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
            }
        }
    }
}
