package org.ecomonitor.gui.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.paint.Color;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.model.GridSpec;
import org.locationtech.jts.geom.Envelope;

import java.util.List;
import java.util.function.Supplier;

/**
 * A raster on the map: a grid of coloured cells in a projected CRS (a noise map or its kriging variance in
 * EPSG:4545, a distance-to-nearest-point raster of a layout check). It holds one colour per cell (fully
 * transparent for NoData), the cell values, the legend entries that explain the colours, and whether and how
 * opaque it is shown. {@link RasterPainter} draws it under the vector layers; the layer tree lists it in its own
 * group. Rasters are results of this session: they are not tables of the store, and opening another project
 * drops them. The grid, colours and values are fixed when the layer is made; FX thread for the properties.
 */
public final class RasterLayer {

    /** One line of the legend: a colour and what it means ("55-60", "≥ 80"). */
    public record LegendEntry(String label, Color colour) {
    }

    private final String id;
    private final Supplier<String> title;
    private final GridSpec grid;
    private final int epsg;
    private final int[] argb;
    private final double[] values;
    private final String unit;
    private final List<LegendEntry> legend;
    private final Envelope lonLatExtent;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.75);

    /**
     * @param id     unique among the rasters of the map (a result made again under the same id replaces it)
     * @param title  the name in the tree and legend, in the current language
     * @param grid   the cells, in the projected CRS {@code epsg}
     * @param argb   one non-premultiplied ARGB colour per cell by {@link GridSpec#index}; 0 for NoData
     * @param values the cell values by the same index (NaN for NoData), for identify and tests
     * @param unit   the values' unit ("dB(A)"), or ""
     * @param legend the legend entries, lowest value first
     */
    public RasterLayer(String id, Supplier<String> title, GridSpec grid, int epsg, int[] argb, double[] values,
                       String unit, List<LegendEntry> legend) {
        if (argb.length != grid.cellCount() || values.length != grid.cellCount()) {
            throw new IllegalArgumentException("one colour and one value per cell");
        }
        if (Crs.isGeographic(epsg)) {
            throw new IllegalArgumentException("a raster layer's grid is in a projected CRS, not EPSG:" + epsg);
        }
        this.id = id;
        this.title = title;
        this.grid = grid;
        this.epsg = epsg;
        this.argb = argb.clone();
        this.values = values.clone();
        this.unit = unit == null ? "" : unit;
        this.legend = List.copyOf(legend);
        this.lonLatExtent = lonLatExtent(grid, epsg);
    }

    /** The grid's outline, densified (the projection bends straight edges a little), in longitude/latitude. */
    private static Envelope lonLatExtent(GridSpec g, int epsg) {
        CoordinateTransform toLonLat = CoordinateTransform.between(epsg, Crs.CGCS2000);
        Envelope e = new Envelope();
        double[] out = new double[2];
        int steps = 16;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            double x = g.minX() + t * (g.maxX() - g.minX());
            double y = g.minY() + t * (g.maxY() - g.minY());
            for (double[] p : new double[][]{{x, g.minY()}, {x, g.maxY()}, {g.minX(), y}, {g.maxX(), y}}) {
                toLonLat.apply(p[0], p[1], out);
                e.expandToInclude(out[0], out[1]);
            }
        }
        return e;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title.get();
    }

    public GridSpec grid() {
        return grid;
    }

    /** EPSG code of the grid's CRS. */
    public int epsg() {
        return epsg;
    }

    /** The colour of cell {@code index} (non-premultiplied ARGB, 0 for NoData). */
    public int argb(int index) {
        return argb[index];
    }

    /** The value of cell {@code index}, NaN for NoData. */
    public double value(int index) {
        return values[index];
    }

    /** The value of the cell holding the grid point (x, y) of the raster's CRS; NaN outside. */
    public double valueAt(double x, double y) {
        int col = (int) Math.floor((x - grid.minX()) / grid.cellSize());
        int row = (int) Math.floor((grid.maxY() - y) / grid.cellSize());
        if (col < 0 || row < 0 || col >= grid.ncols() || row >= grid.nrows()) {
            return Double.NaN;
        }
        return values[grid.index(col, row)];
    }

    public String unit() {
        return unit;
    }

    public List<LegendEntry> legend() {
        return legend;
    }

    /** The raster's extent in CGCS2000 longitude/latitude. */
    public Envelope lonLatExtent() {
        return new Envelope(lonLatExtent);
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public boolean isVisible() {
        return visible.get();
    }

    public void setVisible(boolean v) {
        visible.set(v);
    }

    /** 0..1 for the whole raster (0.75 at first, so streets of the background show through). */
    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public double opacity() {
        return opacity.get();
    }

    @Override
    public String toString() {
        return title();
    }
}
