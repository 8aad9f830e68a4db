package org.ecomonitor.gui.tiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tile ranges, URL templates, the MBTiles writer and reader, and the offline guard. */
class TilesTest {

    @TempDir
    Path dir;

    @Test
    void aTileRangeCountsAndVisitsEveryTile() {
        TileRange r = new TileRange(109.10, 27.66, 109.25, 27.78, 9, 12);
        List<long[]> tiles = new ArrayList<>();
        r.forEach(tiles::add);
        assertEquals(r.count(), tiles.size());
        assertTrue(r.count(9) >= 1 && r.count(9) <= 4 && r.count(12) > r.count(9));
        assertTrue(tiles.stream().allMatch(t -> t[0] >= 9 && t[0] <= 12));
        // the whole world at zoom 2 is 16 tiles
        assertEquals(16, new TileRange(-180, -85, 180, 85, 2, 2).count());
        assertThrows(IllegalArgumentException.class, () -> new TileRange(0, 0, 1, 1, 5, 4));
    }

    @Test
    void urlTemplatesFillZoomColumnRowAndTmsRow() {
        XyzTileSource s = new XyzTileSource("http://h/{z}/{x}/{y}/{-y}.png", List.of("a"), null, 19);
        assertEquals("http://h/3/5/1/6.png", s.url(3, 5, 1));
        String t = TiandituTileSource.template("vec", "KEY");
        assertTrue(t.contains("TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY"), t);
    }

    @Test
    void offlineModeContactsOnlyLoopbackHosts() {
        String before = System.getProperty("ecomonitor.offline");
        System.setProperty("ecomonitor.offline", "true");
        try {
            XyzTileSource osm = new XyzTileSource(XyzTileSource.OSM_TEMPLATE, List.of(), new TileCache(dir), 19);
            var e = assertThrows(java.io.IOException.class, () -> osm.tile(1, 0, 0));
            assertTrue(e.getMessage().contains("offline"));
            assertTrue(XyzTileSource.isLoopback("127.0.0.1"));
            assertFalse(XyzTileSource.isLoopback("tile.openstreetmap.org"));
        } finally {
            if (before == null) {
                System.clearProperty("ecomonitor.offline");
            } else {
                System.setProperty("ecomonitor.offline", before);
            }
        }
    }

    @Test
    void mbtilesWrittenAreReadBackWithTmsRows() throws Exception {
        Path f = dir.resolve("a.mbtiles");
        try (MbtilesWriter w = new MbtilesWriter(f, "a", new double[]{109, 27, 110, 28}, 5, 6)) {
            w.add(5, 25, 13, new byte[]{1, 2, 3});
            w.finish();
        }
        try (MbtilesTileSource s = new MbtilesTileSource(f)) {
            assertArrayEquals(new byte[]{1, 2, 3}, s.tile(5, 25, 13));
            assertNull(s.tile(5, 25, 12));
            assertEquals(5, s.maxZoom());
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f);
             var rs = c.createStatement().executeQuery("SELECT tile_row FROM tiles")) {
            rs.next();
            assertEquals(31 - 13, rs.getInt(1), "rows are stored in the TMS scheme");
        }
    }

    @Test
    void aCancelledOrFailedWriterLeavesNoFile() throws Exception {
        Path f = dir.resolve("b.mbtiles");
        try (MbtilesWriter w = new MbtilesWriter(f, "b", new double[]{0, 0, 1, 1}, 1, 1)) {
            w.add(1, 0, 0, new byte[]{9});
        }
        assertFalse(Files.exists(f));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary file is gone too");
        }
    }

    @Test
    void aDownloadOverTheCapIsRefusedBeforeItStarts() {
        TileRange huge = new TileRange(100, 20, 120, 40, 0, 14);
        assertTrue(huge.count() > AreaDownload.MAX_TILES);
        AreaDownload d = new AreaDownload((z, x, y) -> new byte[]{1});
        assertThrows(org.ecomonitor.i18n.UserException.class, () -> d.run(huge, dir.resolve("c.mbtiles"), "c",
                org.ecomonitor.model.Progress.NONE));
    }

    @Test
    void basemapsSurviveThePreferencesLine() {
        Basemap b = Basemap.geoPackage(dir.resolve("p.gpkg"), "tiles_a");
        assertEquals(b, Basemap.parse(b.toText(), Basemap.NONE));
        assertEquals(Basemap.OSM, Basemap.parse("osm", Basemap.NONE));
        assertEquals(Basemap.NONE, Basemap.parse("nonsense x", Basemap.NONE));
        assertEquals(new Basemap(Basemap.Type.CUSTOM, "http://x/{z}/{x}/{y}.png"), Basemap.parse("custom http://x/{z}/{x}/{y}.png", Basemap.NONE));
    }
}
