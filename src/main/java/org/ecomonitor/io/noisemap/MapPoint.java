package org.ecomonitor.io.noisemap;

/**
 * One point a map is made from.
 *
 * @param id       station code, or the table's id column ("row 12" without one)
 * @param x        easting in the working CRS (metres)
 * @param y        northing in the working CRS
 * @param value    the point's value: the (energy-)average of its readings in the period
 * @param readings how many readings were averaged (1 for a table row)
 */
public record MapPoint(String id, double x, double y, double value, int readings) {
}
