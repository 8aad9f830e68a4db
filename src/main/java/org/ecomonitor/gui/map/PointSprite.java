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
    /** per row: first and end of the non-transparent pixels, and of the opaque run inside them */
    private final int[] first;
    private final int[] end;
    private final int[] opaqueFirst;
    private final int[] opaqueEnd;

    private PointSprite(int side, int[] pixels) {
        this.side = side;
        this.pixels = pixels;
        first = new int[side];
        end = new int[side];
        opaqueFirst = new int[side];
        opaqueEnd = new int[side];
        for (int row = 0; row < side; row++) {
            int f = side, e = 0;
            for (int col = 0; col < side; col++) {
                if (pixels[row * side + col] >>> 24 != 0) {
                    f = Math.min(f, col);
                    e = col + 1;
                }
            }
            first[row] = f;
            end[row] = Math.max(f, e);
            // the longest run of opaque pixels, copied in one go
            int bestStart = f, bestLen = 0;
            for (int col = f; col < e; ) {
                if (pixels[row * side + col] >>> 24 == 255) {
                    int start = col;
                    while (col < e && pixels[row * side + col] >>> 24 == 255) {
                        col++;
                    }
                    if (col - start > bestLen) {
                        bestLen = col - start;
                        bestStart = start;
                    }
                } else {
                    col++;
                }
            }
            opaqueFirst[row] = bestStart;
            opaqueEnd[row] = bestStart + bestLen;
        }
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
        boolean inside = x0 >= 0 && x0 + side <= w;
        int rowStart = Math.max(0, -y0), rowEnd = Math.min(side, h - y0);
        for (int row = rowStart; row < rowEnd; row++) {
            int s = row * side, d = (y0 + row) * w + x0;
            int f = first[row], e = end[row];
            if (inside) {
                int of = opaqueFirst[row], oe = opaqueEnd[row];
                if (oe > of) {
                    System.arraycopy(pixels, s + of, dst, d + of, oe - of);
                    blend(dst, d, s, f, of);
                    blend(dst, d, s, oe, e);
                } else {
                    blend(dst, d, s, f, e);
                }
            } else {
                blend(dst, d, s, Math.max(f, -x0), Math.min(e, w - x0));
            }
        }
    }

    private void blend(int[] dst, int d, int s, int from, int to) {
        for (int col = from; col < to; col++) {
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
            if (dstPx == 0) {
                dst[d + col] = src;
                continue;
            }
            // premultiplied source-over, two channels per multiply: dst = src + dst * (255 - sa) / 255
            int inv = 255 - sa;
            int rb = (dstPx & 0x00ff00ff) * inv;
            int ag = ((dstPx >>> 8) & 0x00ff00ff) * inv;
            rb = ((rb + ((rb >>> 8) & 0x00ff00ff) + 0x00800080) >>> 8) & 0x00ff00ff;
            ag = (ag + ((ag >>> 8) & 0x00ff00ff) + 0x00800080) & 0xff00ff00;
            dst[d + col] = src + (rb | ag);
        }
    }
}
