package org.ecomonitor.gui.tiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A GeoPackage tile table (web Mercator pyramid) as a background; other tile matrix sets are refused. */
class GeoPackageTilesTest {

    @TempDir
    Path dir;

    private Path geoPackage(int srs) throws Exception {
        Path f = dir.resolve("tiles" + srs + ".gpkg");
        double w = 20037508.342789244;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT)");
            st.execute("CREATE TABLE gpkg_tile_matrix_set (table_name TEXT PRIMARY KEY, srs_id INTEGER, min_x REAL, min_y REAL, max_x REAL, max_y REAL)");
            st.execute("CREATE TABLE basemap (id INTEGER PRIMARY KEY, zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            st.execute("INSERT INTO gpkg_contents VALUES ('basemap', 'tiles'), ('stations', 'features')");
            st.execute("INSERT INTO gpkg_tile_matrix_set VALUES ('basemap', " + srs + ", " + -w + ", " + -w + ", " + w + ", " + w + ")");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO basemap (zoom_level, tile_column, tile_row, tile_data) VALUES (10, 822, 429, ?)")) {
                ps.setBytes(1, new byte[]{7, 7});
                ps.executeUpdate();
            }
        }
        return f;
    }

    @Test
    void aWebMercatorTileTableServesTilesInXyzRows() throws Exception {
        Path f = geoPackage(3857);
        assertEquals(List.of("basemap"), GeoPackageTileSource.tileTables(f));
        Basemap b = Basemap.geoPackage(f, "basemap");
        try (TileSource s = b.open(dir)) {
            assertArrayEquals(new byte[]{7, 7}, s.tile(10, 822, 429));
            assertNull(s.tile(10, 822, 430));
        }
    }

    @Test
    void anotherTileMatrixSetIsRefusedWithItsReason() throws Exception {
        Path f = geoPackage(4490);
        var e = assertThrows(java.io.IOException.class, () -> new GeoPackageTileSource(f, "basemap"));
        assertEquals(true, e.getMessage().contains("EPSG:3857"));
    }
}
