package org.ecomonitor.gui.layers;

import javafx.scene.paint.Color;
import org.ecomonitor.analysis.standards.AqiCategory;
import org.ecomonitor.analysis.standards.SurfaceWaterClass;
import org.ecomonitor.gui.charts.StandardColours;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.ProjectedLayer;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.evaluation.AirQualityReport;
import org.ecomonitor.io.evaluation.Period;
import org.ecomonitor.io.evaluation.WaterQualityReport;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Colours a station layer by each station's latest class, as a monitoring centre's wall map does: air stations by
 * the HJ 633 category of their latest daily AQI (GB 3095 daily means, so the latest complete day), water sections
 * and drinking-water sources by the GB 3838 class of their latest sample. The class becomes the attribute
 * {@value #FIELD} of the layer's features and the layer is categorised by it (the legend lists the classes);
 * switching it off gives the layer back its own style. Nothing is written to the project or the style files.
 */
public final class LatestClassColouring {

    /** The attribute holding each station's latest class. */
    public static final String FIELD = "latest_class";
    private static final Color NO_DATA = Color.web("#bdbdbd");

    /** A layer's own style and features, to give back. */
    private record Original(LayerStyle style, ProjectedLayer data) {
    }

    private final Map<VectorLayer, Original> originals = new java.util.IdentityHashMap<>();

    /** True for the kinds that have a latest class (air, surface water, drinking water). */
    public static boolean applies(StationKind kind) {
        return kind == StationKind.AIR || kind == StationKind.SURFACE_WATER || kind == StationKind.DRINKING_WATER;
    }

    /** The menu text for a kind's layer. */
    public static String menuText(StationKind kind) {
        return Messages.get(kind == StationKind.AIR ? "gui.layer.colour_aqi" : "gui.layer.colour_water_class");
    }

    /** Each station's latest class label (code to label; stations without one are left out). Store thread. */
    public static Map<String, String> latestClasses(ProjectStore store, StationKind kind, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Station s : store.stations().ofKind(kind)) {
            long last = store.readings().latest(s.code()).values().stream().mapToLong(v -> (Long) v[0]).max().orElse(Long.MIN_VALUE);
            if (last == Long.MIN_VALUE) {
                continue;
            }
            LocalDate day = Instant.ofEpochMilli(last).atZone(s.zone()).toLocalDate();
            if (kind == StationKind.AIR) {
                // the latest day with a valid daily mean, within the last three days of data
                var days = AirQualityReport.of(store, new Period(day.minusDays(2), day.plusDays(1), ""), s.code());
                if (!days.isEmpty() && !days.get(0).days().isEmpty()) {
                    var list = days.get(0).days();
                    out.put(s.code(), list.get(list.size() - 1).aqi().category().name(locale));
                }
            } else {
                var sections = WaterQualityReport.of(store, new Period(day, day.plusDays(1), ""), s.code());
                if (!sections.isEmpty() && !sections.get(0).sampleClasses().isEmpty()) {
                    var classes = sections.get(0).sampleClasses();
                    SurfaceWaterClass c = classes.get(classes.size() - 1);
                    if (c != null) {
                        out.put(s.code(), c.label(locale));
                    }
                }
            }
        }
        return out;
    }

    /** The legend of a kind: class label to colour, best first, then "no data". */
    public static Map<String, Color> legend(StationKind kind, Locale locale) {
        Map<String, Color> m = new LinkedHashMap<>();
        if (kind == StationKind.AIR) {
            for (AqiCategory c : AqiCategory.all()) {
                m.put(c.name(locale), StandardColours.of(c));
            }
        } else {
            for (SurfaceWaterClass c : SurfaceWaterClass.values()) {
                m.put(c.label(locale), StandardColours.of(c));
            }
        }
        m.put(Messages.get(locale, "gui.layer.no_class"), NO_DATA);
        return m;
    }

    /** Colours the layer by the classes (FX thread). */
    public void apply(VectorLayer layer, Map<String, String> classes, Locale locale) {
        Original o = originals.computeIfAbsent(layer, l -> new Original(l.style(), l.data()));
        String none = Messages.get(locale, "gui.layer.no_class");
        List<Feature> features = new ArrayList<>();
        for (Feature f : o.data().features()) {
            Map<String, Object> attrs = new LinkedHashMap<>(f.attributes());
            attrs.put(FIELD, classes.getOrDefault(f.getString("code"), none));
            features.add(new Feature(f.fid(), f.geometry(), attrs));
        }
        layer.dataProperty().set(ProjectedLayer.of(features, layer.info().srsId(), o.data().family()));
        layer.styleProperty().set(o.style().withCategories(FIELD, legend(layer.kind(), locale)));
    }

    /** Gives the layer back its own style and features. */
    public void restore(VectorLayer layer) {
        Original o = originals.remove(layer);
        if (o != null) {
            layer.dataProperty().set(o.data());
            layer.styleProperty().set(o.style());
        }
    }

    /** True while the layer is coloured by class. */
    public boolean isApplied(VectorLayer layer) {
        return originals.containsKey(layer);
    }
}
