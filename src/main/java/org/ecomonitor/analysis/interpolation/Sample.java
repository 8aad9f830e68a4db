package org.ecomonitor.analysis.interpolation;

/**
 * One measured value at one location of a projected CRS (metres), as handed to the interpolators.
 *
 * @param id    the point's name for messages (station code or "row 12"); never null
 * @param x     easting in metres
 * @param y     northing in metres
 * @param value the measured value in its own unit (dB(A) for noise)
 */
public record Sample(String id, double x, double y, double value) {
    public Sample {
        id = id == null ? "?" : id;
    }
}
