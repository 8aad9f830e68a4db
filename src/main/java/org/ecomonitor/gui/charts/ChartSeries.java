package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;
import org.ecomonitor.model.Flag;

import java.util.List;

/**
 * One line of a {@link SeriesChart}: a station's parameter at one step (as measured, or aggregated).
 *
 * @param label       legend text (station and parameter)
 * @param parameter   parameter code (the limit line of that parameter applies)
 * @param unit        the parameter's unit
 * @param colour      line colour
 * @param times       epoch ms, ascending
 * @param values      the values drawn; NaN where missing, failing a validity rule, or excluded by its flag
 * @param flagged     readings flagged other than N (shown as hollow markers, whether they are in the line or not)
 * @param missing     aggregates that failed their validity rule (shown as shaded periods, never as values)
 * @param markPoints  draw a dot at every point (aggregated series, a few hundred points)
 */
public record ChartSeries(String label, String parameter, String unit, Color colour, long[] times, double[] values,
                          List<FlaggedPoint> flagged, List<MissingPeriod> missing, boolean markPoints) {

    public ChartSeries {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        flagged = List.copyOf(flagged);
        missing = List.copyOf(missing);
    }

    /** A reading with an HJ 212 flag other than N. */
    public record FlaggedPoint(long time, double value, Flag flag) {
    }

    /** A period whose aggregate failed its validity rule, with the reason in words. */
    public record MissingPeriod(long start, long end, String reason) {
    }

    public int size() {
        return times.length;
    }
}
