package org.ecomonitor.io.noisemap;

import org.ecomonitor.i18n.UserException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link NoiseMapResult} to files, the format by the extension:
 * <ul>
 * <li>the grid: {@code .tif}/{@code .tiff} Float32 GeoTIFF ({@link GeoTiffWriter}), {@code .asc} Esri ASCII grid
 * with .prj ({@link AsciiGridWriter}), {@code .png} coloured picture with world file ({@link PngMapWriter});</li>
 * <li>the kriging variance: {@code .tif} or {@code .asc};</li>
 * <li>bands and lines: {@code .gpkg}, {@code .geojson}, {@code .shp} ({@link MapLayerWriter});</li>
 * <li>the variogram and the cross-validation: CSV ({@link MapReportCsv}).</li>
 * </ul>
 */
public final class NoiseMapExport {

    /** The band layer's name in files. */
    public static final String BANDS = "noise_bands";
    /** The line layer's name in files. */
    public static final String LINES = "noise_lines";

    private NoiseMapExport() {
    }

    /** The map grid as GeoTIFF, ASCII grid or PNG. */
    public static void grid(NoiseMapResult r, Path file) {
        String description = r.points().parameter() + (r.period() == null ? ""
                : " " + r.period().name().toLowerCase(Locale.ROOT));
        switch (MapLayerWriter.extension(file)) {
            case "tif", "tiff" -> GeoTiffWriter.write(file, r.gridSpec(), r.grid().values(), r.crs(), description,
                    r.points().unit());
            case "asc" -> AsciiGridWriter.write(file, r.gridSpec(), r.grid().values(), r.crs());
            case "png" -> PngMapWriter.write(file, r.gridSpec(), r.grid().values(), r.classes(), r.crs());
            default -> throw new UserException("noisemap.rasterFormatUnknown", file);
        }
    }

    /** The kriging variance grid (on the interpolation scale) as GeoTIFF or ASCII grid. */
    public static void variance(NoiseMapResult r, Path file) {
        if (!r.grid().hasVariance()) {
            throw new UserException("noisemap.noVariance", file, r.method().description());
        }
        switch (MapLayerWriter.extension(file)) {
            case "tif", "tiff" -> GeoTiffWriter.write(file, r.gridSpec(), r.grid().variances(), r.crs(),
                    "kriging variance", null);
            case "asc" -> AsciiGridWriter.write(file, r.gridSpec(), r.grid().variances(), r.crs());
            default -> throw new UserException("noisemap.varianceFormatUnknown", file);
        }
    }

    /** The band layer; returns the number of bands written. */
    public static int bands(NoiseMapResult r, Path file) {
        return MapLayerWriter.write(MapLayer.bands(r, BANDS), file);
    }

    /** The line layer; returns the number of lines written. */
    public static int lines(NoiseMapResult r, Path file) {
        return MapLayerWriter.write(MapLayer.lines(r, LINES), file);
    }

    /** Bands and lines as two tables of one GeoPackage. */
    public static int bandsAndLines(NoiseMapResult r, Path gpkg) {
        return MapLayerWriter.geoPackage(List.of(MapLayer.bands(r, BANDS), MapLayer.lines(r, LINES)), gpkg);
    }

    public static void variogram(NoiseMapResult r, Path file) {
        MapReportCsv.variogram(r.variogram(), r.model(), file);
    }

    public static void crossValidation(NoiseMapResult r, Path file) {
        if (r.crossValidation() == null) {
            throw new UserException("noisemap.noCrossValidation", file);
        }
        MapReportCsv.crossValidation(r.method().samples(), r.crossValidation(), file);
    }
}
