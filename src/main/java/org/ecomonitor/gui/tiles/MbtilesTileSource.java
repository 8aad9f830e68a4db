package org.ecomonitor.gui.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Tiles from an MBTiles 1.3 file (SQLite; rows in the TMS scheme, counted from the south), the usual way to
 * carry a basemap to a place without a network. Read-only; one connection, used by one thread at a time.
 */
public final class MbtilesTileSource implements TileSource {

    private final Path file;
    private final Connection connection;
    private final PreparedStatement query;
    private final int maxZoom;

    public MbtilesTileSource(Path file) throws IOException {
        this.file = file;
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            query = connection.prepareStatement("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
            int max = 19;
            try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT max(zoom_level) FROM tiles")) {
                if (rs.next() && rs.getObject(1) != null) {
                    max = rs.getInt(1);
                }
            }
            maxZoom = max;
        } catch (SQLException e) {
            throw new IOException(file + " is not an MBTiles file: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized byte[] tile(int zoom, long x, long y) throws IOException {
        try {
            query.setInt(1, zoom);
            query.setLong(2, x);
            query.setLong(3, (1L << zoom) - 1 - y);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public int maxZoom() {
        return maxZoom;
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
