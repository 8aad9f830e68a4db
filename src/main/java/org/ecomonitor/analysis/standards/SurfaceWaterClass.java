package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.Messages;

import java.util.Locale;

/** GB 3838-2002 water quality classes; beyond class V is "劣V". Display: bundle keys {@code water.class.*}. */
public enum SurfaceWaterClass {
    I, II, III, IV, V, WORSE_THAN_V;

    /** Class number 1..5, 6 for 劣V. */
    public int number() {
        return ordinal() + 1;
    }

    public boolean isWorseThan(SurfaceWaterClass other) {
        return compareTo(other) > 0;
    }

    public static SurfaceWaterClass worst(SurfaceWaterClass a, SurfaceWaterClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String label(Locale locale) {
        return Messages.get(locale, "water.class." + name());
    }
}
