package org.ecomonitor.gui.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiles from a GeoPackage tile table (a project store or any .gpkg), when its tile matrix set is the usual web
 * Mercator pyramid (EPSG:3857, the world's square extent; rows counted from the north as in XYZ). Read through
 * its own read-only connection, so it never waits for the store's worker.
 */
public final class GeoPackageTileSource implements TileSource {

    private static final double WORLD = 20037508.342789244;

    private final Connection connection;
    private final PreparedStatement query;

    public GeoPackageTileSource(Path file, String table) throws IOException {
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT srs_id, min_x, max_x FROM gpkg_tile_matrix_set WHERE table_name = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IOException(table + " is not a tile table of " + file);
                    }
                    if (rs.getInt(1) != 3857 || Math.abs(rs.getDouble(2) + WORLD) > 1 || Math.abs(rs.getDouble(3) - WORLD) > 1) {
                        throw new IOException(table + " is not a web Mercator (EPSG:3857) world pyramid");
                    }
                }
            }
            query = connection.prepareStatement("SELECT tile_data FROM \"" + table.replace("\"", "\"\"")
                    + "\" WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The tile tables of a GeoPackage file (empty when there are none or it cannot be read). */
    public static List<String> tileTables(Path file) {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type IN ('tiles', '2d-gridded-coverage') ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return tables;
        }
        return tables;
    }

    @Override
    public synchronized byte[] tile(int zoom, long x, long y) throws IOException {
        try {
            query.setInt(1, zoom);
            query.setLong(2, x);
            query.setLong(3, y);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a read-only file
        }
    }
}
