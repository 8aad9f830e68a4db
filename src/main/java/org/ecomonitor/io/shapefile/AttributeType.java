package org.ecomonitor.io.shapefile;

/**
 * The Java value an attribute column holds, whatever its dBASE type: TEXT {@link String}, INTEGER {@link Long},
 * REAL {@link Double}, LOGICAL {@link Boolean}, DATE {@link java.time.LocalDate}. A missing value is null.
 */
public enum AttributeType {
    TEXT, INTEGER, REAL, LOGICAL, DATE
}
