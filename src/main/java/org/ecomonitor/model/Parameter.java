package org.ecomonitor.model;

import java.util.Objects;

/**
 * A measured quantity of the parameter catalogue.
 *
 * @param code    our code: the HJ 212-2017 pollutant code where one exists (a34004 for PM2.5), else a short name
 * @param hj212   the HJ 212 code, or null when the standard has none
 * @param nameZh  Chinese name
 * @param nameEn  English name
 * @param unit    unit as written in reports (µg/m³, mg/L, dB(A), mg/kg, dimensionless "")
 */
public record Parameter(String code, String hj212, String nameZh, String nameEn, String unit) {
    public Parameter {
        Objects.requireNonNull(code, "code");
        unit = unit == null ? "" : unit;
    }
}
