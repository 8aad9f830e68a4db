package org.ecomonitor.gui.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Writes an MBTiles 1.3 file: the {@code metadata} and {@code tiles} tables (rows in the TMS scheme). Tiles go
 * into a temporary file in one transaction; {@link #finish()} moves it into place, so a cancelled download leaves
 * no half file behind ({@link #close()} without finish discards it).
 */
public final class MbtilesWriter implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final Connection connection;
    private final PreparedStatement insert;
    private long written;
    private boolean finished;

    public MbtilesWriter(Path target, String name, double[] bounds, int minZoom, int maxZoom) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temp = Files.createTempFile(dir, "download", ".mbtiles.part");
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + temp);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
                st.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                String[][] meta = {{"name", name}, {"format", "png"}, {"type", "baselayer"}, {"version", "1.0"},
                        {"description", "downloaded by EcoMonitor Workstation"},
                        {"bounds", String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", bounds[0], bounds[1], bounds[2], bounds[3])},
                        {"minzoom", Integer.toString(minZoom)}, {"maxzoom", Integer.toString(maxZoom)}};
                for (String[] m : meta) {
                    ps.setString(1, m[0]);
                    ps.setString(2, m[1]);
                    ps.executeUpdate();
                }
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)");
        } catch (SQLException e) {
            Files.deleteIfExists(temp);
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Adds the tile (XYZ row). */
    public void add(int z, long x, long y, byte[] data) throws IOException {
        try {
            insert.setInt(1, z);
            insert.setLong(2, x);
            insert.setLong(3, (1L << z) - 1 - y);
            insert.setBytes(4, data);
            insert.executeUpdate();
            written++;
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public long written() {
        return written;
    }

    /** Commits and moves the file to its target. */
    public void finish() throws IOException {
        try {
            connection.commit();
            insert.close();
            connection.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                connection.close();
            } catch (SQLException e) {
                // discarded anyway
            }
            Files.deleteIfExists(temp);
        }
    }
}
