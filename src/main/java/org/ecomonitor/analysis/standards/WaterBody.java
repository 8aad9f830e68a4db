package org.ecomonitor.analysis.standards;

/**
 * The kind of water a section lies in: GB 3838-2002 gives lakes and reservoirs their own total-phosphorus
 * limits and evaluates total nitrogen only for them.
 */
public enum WaterBody {
    RIVER,
    LAKE_RESERVOIR
}
