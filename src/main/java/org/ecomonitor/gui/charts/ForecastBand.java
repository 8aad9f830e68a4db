package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;

/**
 * The early warning on a chart: the forecast of the coming periods as a dashed line in its 95 % prediction
 * interval band, each period with the probability of exceeding the limit.
 *
 * @param times       epoch ms of each forecast period
 * @param mean        forecast values
 * @param lower       lower ends of the 95 % intervals
 * @param upper       upper ends
 * @param exceedance  probability (0..1) of each period exceeding the limit; NaN without a limit
 * @param colour      the colour of the forecast series
 */
public record ForecastBand(long[] times, double[] mean, double[] lower, double[] upper, double[] exceedance, Color colour) {
}
