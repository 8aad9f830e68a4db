package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;
import org.ecomonitor.analysis.standards.AqiCategory;
import org.ecomonitor.analysis.standards.AqiItem;
import org.ecomonitor.analysis.standards.SurfaceWaterClass;
import org.ecomonitor.i18n.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * How the calendar heat map colours a day's value: by the AQI category of its individual index (air parameters
 * of HJ 633), by its GB 3838 class (water parameters), or on a plain light-to-dark ramp (anything else).
 */
public interface DayColouring {

    /** A colour with what it means (legend entry). */
    record Band(String label, Color colour) {
    }

    /** The band of a value (never NaN). */
    Band of(double value);

    /** The legend, best first. */
    List<Band> legend();

    /** The colouring for a parameter: AQI, water class, or a ramp over {@code min..max}. */
    static DayColouring forParameter(String parameter, double min, double max) {
        AqiItem item = StandardColours.dailyAqiItem(parameter);
        if (item != null) {
            return new ByAqiCategory(item);
        }
        if (StandardColours.hasWaterClass(parameter) && StandardColours.waterClass(parameter, Math.max(0, min)) != null) {
            return new ByWaterClass(parameter);
        }
        return new Ramp(min, max);
    }

    /** HJ 633-2012: the category of the item's IAQI, in the standard's colour. */
    record ByAqiCategory(AqiItem item) implements DayColouring {
        @Override
        public Band of(double value) {
            AqiCategory c = StandardColours.category(item, value);
            return new Band(c.name(Messages.locale()), StandardColours.of(c));
        }

        @Override
        public List<Band> legend() {
            return AqiCategory.all().stream().map(c -> new Band(c.name(Messages.locale()), StandardColours.of(c))).toList();
        }
    }

    /** GB 3838-2002: the class of the value by the river limits. */
    record ByWaterClass(String parameter) implements DayColouring {
        @Override
        public Band of(double value) {
            SurfaceWaterClass c = StandardColours.waterClass(parameter, value);
            return c == null ? new Band("", Color.LIGHTGREY) : new Band(c.label(Messages.locale()), StandardColours.of(c));
        }

        @Override
        public List<Band> legend() {
            List<Band> l = new ArrayList<>();
            for (SurfaceWaterClass c : SurfaceWaterClass.values()) {
                l.add(new Band(c.label(Messages.locale()), StandardColours.of(c)));
            }
            return l;
        }
    }

    /** Five steps from light to dark blue over the values' range (no standard classes them). */
    record Ramp(double min, double max) implements DayColouring {
        private static final Color[] STEPS = {Color.web("#eff3ff"), Color.web("#bdd7e7"), Color.web("#6baed6"),
                Color.web("#3182bd"), Color.web("#08519c")};

        @Override
        public Band of(double value) {
            int i = max > min ? (int) Math.min(STEPS.length - 1, Math.max(0, (value - min) / (max - min) * STEPS.length)) : 2;
            return new Band(bandLabel(i), STEPS[i]);
        }

        private String bandLabel(int i) {
            double w = (max - min) / STEPS.length;
            return ValueAxis.label(round(min + i * w)) + "–" + ValueAxis.label(round(min + (i + 1) * w));
        }

        private static double round(double v) {
            double m = Math.pow(10, 2 - Math.floor(Math.log10(Math.max(1e-9, Math.abs(v)))));
            return Math.round(v * m) / m;
        }

        @Override
        public List<Band> legend() {
            List<Band> l = new ArrayList<>();
            for (int i = 0; i < STEPS.length; i++) {
                l.add(new Band(bandLabel(i), STEPS[i]));
            }
            return l;
        }
    }
}
