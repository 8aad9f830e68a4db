package org.ecomonitor.analysis.standards;

import java.util.Locale;

/**
 * A GB 3096-2008 acoustic environment functional zone class with its limits (Table 1).
 *
 * @param code          0, 1, 2, 3, 4a or 4b
 * @param descriptionZh what the zone is, in Chinese
 * @param descriptionEn in English
 * @param dayLimit      day limit, dB(A)
 * @param nightLimit    night limit, dB(A)
 */
public record NoiseZone(String code, String descriptionZh, String descriptionEn, double dayLimit,
                        double nightLimit) {

    public double limit(NoisePeriod period) {
        return period == NoisePeriod.DAY ? dayLimit : nightLimit;
    }

    public String description(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? descriptionZh : descriptionEn;
    }
}
