package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.Messages;

import java.util.Locale;

/**
 * HJ 640-2012 grades of a city's acoustic environment: 1 好 (good) … 5 差 (poor). Display: bundle keys
 * {@code noise.grade.1} … {@code noise.grade.5}.
 */
public enum NoiseGrade {
    GOOD, FAIRLY_GOOD, FAIR, FAIRLY_POOR, POOR;

    /** 1..5 */
    public int number() {
        return ordinal() + 1;
    }

    public String label(Locale locale) {
        return Messages.get(locale, "noise.grade." + number());
    }
}
