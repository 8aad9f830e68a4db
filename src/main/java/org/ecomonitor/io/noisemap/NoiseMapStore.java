package org.ecomonitor.io.noisemap;

import org.ecomonitor.analysis.noisemap.ZoneExceedance;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.geo.GeometryTransform;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.FeatureTables;
import org.ecomonitor.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Writes a map into its project store, so the workstation (and QGIS) shows it: the bands as the features layer
 * {@code NAME_bands} (MULTIPOLYGON, with band, lower, upper, label, colour, colour_nm and area_m2, see
 * {@link MapLayer}) and the isophones as {@code NAME_lines} (MULTILINESTRING), both in CGCS2000 (EPSG:4490) like
 * every layer of the store; the GB 3096-2008 zone shares as the attributes table {@code NAME_zone_shares}; and,
 * when asked, the grid as the GeoTIFF {@code STORE_NAME.tif} beside the store. The attributes table
 * {@code noise_maps} lists every saved map with its parameter, period, method, cell size, working CRS, tables,
 * raster path (relative to the store's folder), HJ 640 grade and cross-validation RMSE. One transaction: a map
 * saved again under the same name replaces the old one, and a failure leaves the store as it was.
 */
public final class NoiseMapStore {

    /** The catalogue of saved maps. */
    public static final String CATALOGUE = "noise_maps";

    private NoiseMapStore() {
    }

    /**
     * What was written.
     *
     * @param name        the map's name (a safe table name)
     * @param bandsTable  the band layer
     * @param linesTable  the line layer
     * @param sharesTable the zone shares table
     * @param raster      the GeoTIFF beside the store, or null
     */
    public record Saved(String name, String bandsTable, String linesTable, String sharesTable, Path raster) {
    }

    /** A default name: {@code noise_map_day}, {@code noise_map_night}, or {@code map_PARAMETER}. */
    public static String defaultName(NoiseMapResult r) {
        if (r.points().soundLevels() && r.period() != null) {
            return "noise_map_" + r.period().name().toLowerCase(Locale.ROOT);
        }
        return FeatureTables.tableName("map_" + r.points().parameter());
    }

    /**
     * @param name        the map's name, made a safe table name
     * @param writeRaster whether to write the grid as a GeoTIFF beside the store
     * @throws UserException when the map's CRS is unknown (the store holds CGCS2000 coordinates)
     */
    public static Saved save(ProjectStore store, NoiseMapResult result, String name, boolean writeRaster,
                             Progress progress) {
        if (result.crs() == 0) {
            throw new UserException("noisemap.saveNeedsCrs", name);
        }
        String base = FeatureTables.tableName(name);
        String bands = base + "_bands";
        String lines = base + "_lines";
        String shares = base + "_zone_shares";
        Path raster = null;
        if (writeRaster) {
            Path folder = store.path().toAbsolutePath().getParent();
            String storeName = store.path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
            raster = folder.resolve(storeName + "_" + base + ".tif");
            NoiseMapExport.grid(result, raster);
        }
        Path rasterFile = raster;
        progress.start("save", 3);
        try {
            store.inTransaction(() -> {
                FeatureTables ft = store.features();
                writeLayer(store, MapLayer.bands(result, bands), bands, result);
                progress.update(1);
                writeLayer(store, MapLayer.lines(result, lines), lines, result);
                progress.update(2);
                writeShares(store, result, shares);
                catalogue(store, result, base, bands, lines, shares, rasterFile);
                ft.registerAttributes(shares, "GB 3096-2008 zone shares of " + base);
                progress.update(3);
                return null;
            });
        } catch (RuntimeException e) {
            if (rasterFile != null) {
                try {
                    Files.deleteIfExists(rasterFile);
                } catch (IOException ignored) {
                    // the failure itself matters more
                }
            }
            throw e;
        }
        return new Saved(base, bands, lines, shares, raster);
    }

    private static void writeLayer(ProjectStore store, MapLayer layer, String table, NoiseMapResult result) {
        FeatureTables ft = store.features();
        if (ft.exists(table)) {
            ft.dropLayer(table);
        }
        String title = table + " (" + result.points().parameter()
                + (result.period() == null ? "" : " " + result.period().name().toLowerCase(Locale.ROOT)) + ")";
        ft.createLayer(table, title, "EcoMonitor noise map: " + result.method().description(),
                layer.geometryType(), Crs.CGCS2000, layer.columns());
        GeometryTransform toStore = GeometryTransform.between(result.crs(), Crs.CGCS2000);
        try (FeatureTables.Inserter ins = ft.inserter(table)) {
            for (Feature f : layer.features()) {
                ins.add(toStore.apply(f.geometry()), f.attributes());
            }
        }
    }

    private static void writeShares(ProjectStore store, NoiseMapResult result, String table) throws SQLException {
        try (Statement st = store.connection().createStatement()) {
            st.execute("DROP TABLE IF EXISTS \"" + table + "\"");
            st.execute("CREATE TABLE \"" + table + "\" (id INTEGER PRIMARY KEY AUTOINCREMENT, zone_name TEXT, "
                    + "zone_class TEXT, period TEXT, limit_dba REAL, zone_area_m2 REAL, mapped_area_m2 REAL, "
                    + "area_over_m2 REAL, share_over REAL)");
        }
        try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO \"" + table + "\" (zone_name, "
                + "zone_class, period, limit_dba, zone_area_m2, mapped_area_m2, area_over_m2, share_over) "
                + "VALUES (?,?,?,?,?,?,?,?)")) {
            for (ZoneExceedance.Share s : result.zoneShares()) {
                ps.setString(1, s.name());
                ps.setString(2, s.zone().code());
                ps.setString(3, s.period().name().toLowerCase(Locale.ROOT));
                ps.setDouble(4, s.limit());
                ps.setDouble(5, s.zoneArea());
                ps.setDouble(6, s.mappedArea());
                ps.setDouble(7, s.areaOver());
                if (Double.isNaN(s.share())) {
                    ps.setNull(8, java.sql.Types.REAL);
                } else {
                    ps.setDouble(8, s.share());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void catalogue(ProjectStore store, NoiseMapResult r, String name, String bands, String lines,
                                  String shares, Path raster) throws SQLException {
        try (Statement st = store.connection().createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + CATALOGUE + " (name TEXT PRIMARY KEY, created TEXT, "
                    + "parameter TEXT, period TEXT, method TEXT, cell_size REAL, working_crs INTEGER, "
                    + "bands_table TEXT, lines_table TEXT, shares_table TEXT, raster TEXT, points INTEGER, "
                    + "hj640_grade INTEGER, hj640_mean REAL, cv_rmse REAL)");
        }
        store.features().registerAttributes(CATALOGUE, "EcoMonitor noise maps");
        try (PreparedStatement ps = store.connection().prepareStatement("INSERT OR REPLACE INTO " + CATALOGUE
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, name);
            ps.setString(2, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            ps.setString(3, r.points().parameter());
            ps.setString(4, r.period() == null ? "all" : r.period().name().toLowerCase(Locale.ROOT));
            ps.setString(5, r.method().description());
            ps.setDouble(6, r.gridSpec().cellSize());
            ps.setInt(7, r.crs());
            ps.setString(8, bands);
            ps.setString(9, lines);
            ps.setString(10, shares);
            if (raster == null) {
                ps.setNull(11, java.sql.Types.VARCHAR);
            } else {
                Path folder = store.path().toAbsolutePath().getParent();
                ps.setString(11, folder.relativize(raster.toAbsolutePath()).toString().replace('\\', '/'));
            }
            ps.setInt(12, r.points().size());
            if (r.grade() == null) {
                ps.setNull(13, java.sql.Types.INTEGER);
                ps.setNull(14, java.sql.Types.REAL);
            } else {
                ps.setInt(13, r.grade().grade().number());
                ps.setDouble(14, r.grade().mean());
            }
            if (r.crossValidation() == null || Double.isNaN(r.crossValidation().rmse())) {
                ps.setNull(15, java.sql.Types.REAL);
            } else {
                ps.setDouble(15, r.crossValidation().rmse());
            }
            ps.executeUpdate();
        }
    }
}
