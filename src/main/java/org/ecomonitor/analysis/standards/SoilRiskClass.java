package org.ecomonitor.analysis.standards;

/**
 * GB 15618-2018 risk classes of an agricultural soil sample. Display: bundle keys {@code soil.risk.*}.
 */
public enum SoilRiskClass {
    /** C ≤ screening value: risk low, generally negligible */
    BELOW_SCREENING,
    /** screening value &lt; C ≤ intervention value: possible risk, safe-use measures */
    BETWEEN,
    /** C &gt; intervention value: high risk, strict control */
    ABOVE_INTERVENTION,
    /** C &gt; screening value of an element without an intervention value (Cu, Ni, Zn) */
    ABOVE_SCREENING;

    public String messageKey() {
        return "soil.risk." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
