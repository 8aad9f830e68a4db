package org.ecomonitor.gui.analysis;

import javafx.scene.paint.Color;
import org.ecomonitor.analysis.noisemap.BandClassification;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.ProjectedLayer;
import org.ecomonitor.gui.map.RasterLayer;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.io.noisemap.MapLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.noisemap.NoiseMapResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A noise map as map layers: the interpolated grid coloured by the map's band classes (the DIN 18005 colours of
 * sound levels, the same classes as the isophone bands, the PNG export and the legend), the kriging variance as a
 * second raster on its own light-to-dark ramp, and, when asked, the isophone bands and lines as session vector
 * layers. Rasters stay in the map's working CRS (EPSG:4545 for Tongren) and the map pane warps them onto the
 * screen; the vector layers are turned into longitude/latitude like the store's.
 */
final class NoiseMapLayers {

    private NoiseMapLayers() {
    }

    /** The map's values in its band colours; NoData (outside the clip) transparent. */
    static RasterLayer values(NoiseMapResult r, String name) {
        BandClassification classes = r.classes();
        double[] values = r.grid().values();
        int[] argb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int rgb = classes.rgb(values[i]);
            argb[i] = rgb < 0 ? 0 : 0xFF000000 | rgb;
        }
        String unit = r.points().unit();
        List<RasterLayer.LegendEntry> legend = new ArrayList<>();
        for (BandClassification.Band b : classes.bands()) {
            legend.add(new RasterLayer.LegendEntry(b.label() + (unit.isEmpty() ? "" : " " + unit), colour(b.rgb())));
        }
        String parameter = r.points().parameter();
        return new RasterLayer(name, () -> Messages.get("gui.noise.layer.values", name, parameter, period(r)),
                r.gridSpec(), r.crs(), argb, values, unit, legend);
    }

    /** The kriging variance (on the interpolation scale), or null for a method without variance. */
    static RasterLayer variance(NoiseMapResult r, String name) {
        if (!r.grid().hasVariance()) {
            return null;
        }
        double[] v = r.grid().variances();
        double[] shown = new double[v.length];
        double[] values = r.grid().values();
        for (int i = 0; i < v.length; i++) {
            // only where the map has a value (the clip applies to the variance too)
            shown[i] = Double.isNaN(values[i]) ? Double.NaN : v[i];
        }
        ClassRamp ramp = ClassRamp.over(shown, ClassRamp.PURPLES);
        return new RasterLayer(name + "_variance", () -> Messages.get("gui.noise.layer.variance", name),
                r.gridSpec(), r.crs(), ramp.argb(shown), shown, "", ramp.legend(""));
    }

    /** The isophone bands as polygons filled with their class colours. */
    static VectorLayer bands(NoiseMapResult r, String name) {
        MapLayer bands = MapLayer.bands(r, name + "_bands").transformedTo(Crs.CGCS2000);
        return VectorLayer.session(name + "_bands", Messages.get("gui.noise.layer.bands", name),
                ProjectedLayer.of(bands.features(), Crs.CGCS2000, GeometryFamily.POLYGON),
                NoiseMapDialog.bandsStyle(r.classes()));
    }

    /** The isophones, labelled with their level. */
    static VectorLayer lines(NoiseMapResult r, String name) {
        MapLayer lines = MapLayer.lines(r, name + "_lines").transformedTo(Crs.CGCS2000);
        return VectorLayer.session(name + "_lines", Messages.get("gui.noise.layer.lines", name),
                ProjectedLayer.of(lines.features(), Crs.CGCS2000, GeometryFamily.LINE), NoiseMapDialog.linesStyle());
    }

    static String period(NoiseMapResult r) {
        return r.period() == null ? Messages.get("gui.noise.period.all")
                : Messages.get("gui.noise.period." + r.period().name().toLowerCase(Locale.ROOT));
    }

    static Color colour(int rgb) {
        return Color.rgb((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
    }
}
