package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.noisemap.InterpolationSettings;

/**
 * Everything a noise map is made with, as the map dialog or the {@code interpolate} command sets it. Immutable;
 * change one setting with the {@code with...} methods, starting from {@link #defaults()}.
 *
 * @param selection     the stations and readings (store input only)
 * @param interpolation the method and its parameters
 * @param cellSize      the grid's cell size in metres
 * @param extent        {minX, minY, maxX, maxY} of the grid in the working CRS, or null: the clip area's extent,
 *                      else the points' extent, widened to whole cells
 * @param clip          the area to map (cells whose centre lies outside become NoData), or null
 * @param zones         the acoustic functional zones for GB 3096-2008, or null: the store's
 *                      {@code acoustic_zones} layer when it has one and the values are sound levels
 * @param zoneColumn    the zones' attribute holding the functional class (0, 1, 2, 3, 4a, 4b)
 * @param levels        explicit contour levels (increasing), or null for every {@code step}
 * @param step          the contour interval: NaN for 5 dB on noise maps (35 to 80 dB), breaks at 1, 2, 5 x 10^k
 *                      for values interpolated on the log scale, a round step otherwise
 * @param workingCrs    EPSG code of the projected CRS to work in, or null: the CGCS2000 Gauss-Krüger zone of the
 *                      points (store input), the points' own CRS (table input)
 */
public record NoiseMapRequest(StationSelection selection, InterpolationSettings interpolation, double cellSize,
                              double[] extent, LayerSource clip, LayerSource zones, String zoneColumn,
                              double[] levels, double step, Integer workingCrs) {

    /** The acoustic functional zones layer of the sample project (and of the import manifest). */
    public static final String DEFAULT_ZONE_LAYER = "acoustic_zones";
    /** The zones' class attribute in the sample project. */
    public static final String DEFAULT_ZONE_COLUMN = "zone_class";
    /** A fine cell for a city's noise map. */
    public static final double DEFAULT_CELL_SIZE = 50;

    public NoiseMapRequest {
        if (selection == null || interpolation == null) {
            throw new IllegalArgumentException("selection and interpolation are required");
        }
        extent = extent == null ? null : extent.clone();
        levels = levels == null ? null : levels.clone();
        zoneColumn = zoneColumn == null ? DEFAULT_ZONE_COLUMN : zoneColumn;
    }

    /**
     * The regional noise survey's day Leq, ordinary kriging with a fitted spherical model, 50 m cells, 5 dB bands,
     * no clip, the store's acoustic zones.
     */
    public static NoiseMapRequest defaults() {
        return new NoiseMapRequest(StationSelection.regionalNoise(ReadingPeriod.DAY), InterpolationSettings.defaults(),
                DEFAULT_CELL_SIZE, null, null, null, DEFAULT_ZONE_COLUMN, null, Double.NaN, null);
    }

    public NoiseMapRequest withSelection(StationSelection s) {
        return new NoiseMapRequest(s, interpolation, cellSize, extent, clip, zones, zoneColumn, levels, step,
                workingCrs);
    }

    public NoiseMapRequest withInterpolation(InterpolationSettings i) {
        return new NoiseMapRequest(selection, i, cellSize, extent, clip, zones, zoneColumn, levels, step,
                workingCrs);
    }

    public NoiseMapRequest withCellSize(double c) {
        return new NoiseMapRequest(selection, interpolation, c, extent, clip, zones, zoneColumn, levels, step,
                workingCrs);
    }

    public NoiseMapRequest withExtent(double[] e) {
        return new NoiseMapRequest(selection, interpolation, cellSize, e, clip, zones, zoneColumn, levels, step,
                workingCrs);
    }

    public NoiseMapRequest withClip(LayerSource c) {
        return new NoiseMapRequest(selection, interpolation, cellSize, extent, c, zones, zoneColumn, levels, step,
                workingCrs);
    }

    public NoiseMapRequest withZones(LayerSource z, String column) {
        return new NoiseMapRequest(selection, interpolation, cellSize, extent, clip, z, column, levels, step,
                workingCrs);
    }

    public NoiseMapRequest withLevels(double[] l) {
        return new NoiseMapRequest(selection, interpolation, cellSize, extent, clip, zones, zoneColumn, l, step,
                workingCrs);
    }

    public NoiseMapRequest withStep(double s) {
        return new NoiseMapRequest(selection, interpolation, cellSize, extent, clip, zones, zoneColumn, levels, s,
                workingCrs);
    }

    public NoiseMapRequest withWorkingCrs(Integer crs) {
        return new NoiseMapRequest(selection, interpolation, cellSize, extent, clip, zones, zoneColumn, levels, step,
                crs);
    }
}
