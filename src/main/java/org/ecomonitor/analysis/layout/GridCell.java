package org.ecomonitor.analysis.layout;

import org.locationtech.jts.geom.Polygon;

/**
 * One square of a grid layout (HJ 640-2012 regional noise, HJ/T 166 systematic soil grid).
 *
 * @param row                1-based row, counted from the north
 * @param column             1-based column, counted from the west
 * @param square             the cell in the working plane
 * @param admissibleFraction the share of the cell inside the area and outside exclusions, 0..1
 * @param valid              whether the cell gets a point (HJ 640: not more than half of it excluded)
 * @param pointId            the id of its point, or null for an invalid cell
 */
public record GridCell(int row, int column, Polygon square, double admissibleFraction, boolean valid,
                       String pointId) {
}
