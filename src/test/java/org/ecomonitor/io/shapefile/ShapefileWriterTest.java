package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing shapefiles: round trips through the reader, and the bytes the specification asks for. */
class ShapefileWriterTest {

    @TempDir
    Path dir;

    private final WKTReader wkt = new WKTReader();

    private Geometry g(String text) {
        try {
            return wkt.read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final List<AttributeColumn> STATION_COLUMNS = List.of(AttributeColumn.text("name", 60),
            AttributeColumn.integer("level"), AttributeColumn.real("pm25"), AttributeColumn.date("since"),
            AttributeColumn.logical("active"));

    private static Map<String, Object> station(String name, Long level, Double pm25, LocalDate since, Boolean active) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("level", level);
        m.put("pm25", pm25);
        m.put("since", since);
        m.put("active", active);
        return m;
    }

    private static List<ShapefileFeature> read(Path shp) {
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            List<ShapefileFeature> all = new ArrayList<>();
            r.forEachRemaining(all::add);
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
            return all;
        }
    }

    @Test
    void pointsWithTypedChineseAttributesRoundTrip() throws IOException {
        Path shp = dir.resolve("stations.shp");
        Files.createFile(dir.resolve("plain"));
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POINT, STATION_COLUMNS,
                ShapefileCrs.ofEpsg(4490))) {
            w.write(g("POINT (109.1916 27.7183)"), station("铜仁市环境监测站", 1L, 31.25, LocalDate.of(2015, 1, 1), true));
            w.write(g("POINT (109.2135 27.5178)"), station("万山区空气自动站", 2L, 1e-7, null, false));
            w.write(null, station("碧江区", null, null, null, null));
            w.finish();
        }
        assertEquals("UTF-8", Files.readString(dir.resolve("stations.cpg")));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertTrue(Files.getPosixFilePermissions(shp).contains(PosixFilePermission.OTHERS_READ)
                    == Files.getPosixFilePermissions(dir.resolve("plain")).contains(PosixFilePermission.OTHERS_READ),
                    "the shapefile gets the permissions of any new file, not those of a temporary file");
        }
        List<ShapefileFeature> all = read(shp);
        assertEquals(3, all.size());
        Map<String, Object> a = all.get(0).attributes();
        assertEquals("铜仁市环境监测站", a.get("name"));
        assertEquals(1L, a.get("level"));
        assertEquals(31.25, a.get("pm25"));
        assertEquals(LocalDate.of(2015, 1, 1), a.get("since"));
        assertEquals(Boolean.TRUE, a.get("active"));
        assertEquals(1e-7, all.get(1).attributes().get("pm25"));
        assertEquals(new Coordinate(109.2135, 27.5178), all.get(1).geometry().getCoordinate());
        assertNull(all.get(2).geometry());
        all.get(2).attributes().forEach((k, v) -> assertTrue(k.equals("name") || v == null, k));
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertEquals(4490, r.crs().epsg().getAsInt());
            assertEquals(DbfEncoding.Source.CPG, r.encoding().source());
            assertEquals(new Envelope(109.1916, 109.2135, 27.5178, 27.7183), r.bounds());
        }
    }

    @Test
    void polygonsAreWrittenShellsClockwiseHolesCounterClockwise() throws IOException {
        Path shp = dir.resolve("districts.shp");
        // JTS orientation is free: this shell is counter-clockwise and its hole clockwise, the reverse of the spec
        Geometry holed = g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 8, 8 8, 8 2, 2 2))");
        Geometry multi = g("MULTIPOLYGON (((20 0, 25 0, 25 5, 20 5, 20 0)), ((4 4, 6 4, 6 6, 4 6, 4 4)))");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POLYGON,
                List.of(AttributeColumn.text("name", 20)), ShapefileCrs.ofEpsg(4545))) {
            w.write(holed, Map.of("name", "碧江区"));
            w.write(multi, Map.of("name", "万山区"));
            w.finish();
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(shp)).order(ByteOrder.LITTLE_ENDIAN);
        int content = 100 + 8;
        assertEquals(2, b.getInt(content + 36), "parts");
        assertEquals(10, b.getInt(content + 40), "points");
        Coordinate[] shell = ring(b, content, 0, 5);
        Coordinate[] hole = ring(b, content, 5, 5);
        assertTrue(Area.ofRingSigned(shell) > 0, "shell clockwise");
        assertTrue(Area.ofRingSigned(hole) < 0, "hole counter-clockwise");
        assertEquals(0.0, b.getDouble(content + 4), "record box xmin");
        assertEquals(10.0, b.getDouble(content + 28), "record box ymax");

        List<ShapefileFeature> all = read(shp);
        assertTrue(all.get(0).geometry().equalsTopo(holed));
        assertTrue(all.get(1).geometry().equalsTopo(multi));
        assertEquals("MultiPolygon", all.get(1).geometry().getGeometryType());
        assertEquals(4545, all.get(0).geometry().getSRID());
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertEquals(new Envelope(0, 25, 0, 10), r.bounds());
            assertEquals(ShapeType.POLYGON, r.shapeType());
        }
    }

    private static Coordinate[] ring(ByteBuffer b, int content, int first, int n) {
        int parts = b.getInt(content + 36);
        int points = content + 44 + 4 * parts;
        Coordinate[] c = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            c[i] = new Coordinate(b.getDouble(points + 16 * (first + i)), b.getDouble(points + 16 * (first + i) + 8));
        }
        return c;
    }

    @Test
    void headerAndIndexFollowTheSpecification() throws IOException {
        Path shp = dir.resolve("lines.shp");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POLYLINE, List.of(), null)) {
            w.write(g("LINESTRING (0 0, 1 1, 2 0)"), Map.of());
            w.write(g("MULTILINESTRING ((5 5, 6 6), (7 7, 8 9))"), Map.of());
            w.finish();
        }
        byte[] main = Files.readAllBytes(shp);
        ByteBuffer h = ByteBuffer.wrap(main);
        assertEquals(9994, h.getInt(0));
        assertEquals(main.length, 2 * h.getInt(24), "file length in 16-bit words");
        h.order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1000, h.getInt(28));
        assertEquals(3, h.getInt(32));
        assertArrayEquals(new double[] {0, 0, 8, 9}, new double[] {h.getDouble(36), h.getDouble(44),
                h.getDouble(52), h.getDouble(60)});
        ByteBuffer x = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("lines.shx")));
        assertEquals(100 + 16, x.capacity());
        assertEquals(50, x.getInt(100), "first record at byte 100");
        int firstLength = x.getInt(104);
        assertEquals((100 + 8 + 2 * firstLength) / 2, x.getInt(108), "second record right after the first");
        assertEquals(1, ByteBuffer.wrap(main).getInt(100), "record numbers start at 1");
        assertFalse(Files.exists(dir.resolve("lines.prj")), "no CRS, no .prj");
        List<ShapefileFeature> all = read(shp);
        assertEquals("LineString", all.get(0).geometry().getGeometryType());
        assertEquals(2, all.get(1).geometry().getNumGeometries());
    }

    @Test
    void zPointsRoundTrip() throws IOException {
        Path shp = dir.resolve("wells.shp");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POINTZ, List.of(), null)) {
            w.write(g("POINT Z (1 2 -35.5)"), Map.of());
            w.write(g("POINT (3 4)"), Map.of());
            w.finish();
        }
        List<ShapefileFeature> all = read(shp);
        assertEquals(-35.5, all.get(0).geometry().getCoordinate().getZ());
        assertEquals(0, all.get(1).geometry().getCoordinate().getZ(), "no Z is written as 0");
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertEquals(-35.5, r.header().zMin());
            assertEquals(0, r.header().zMax());
        }
    }

    @Test
    void longAndChineseColumnNamesBecomeUniqueTenByteFieldNames() throws IOException {
        Path shp = dir.resolve("names.shp");
        List<AttributeColumn> columns = List.of(AttributeColumn.text("monitoring_station", 10),
                AttributeColumn.text("monitoring_station_code", 10), AttributeColumn.text("监测站名称", 30),
                AttributeColumn.text("MONITORING", 10), AttributeColumn.real("pm2.5 (µg/m³)"));
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POINT, columns, null)) {
            assertEquals(List.of("monitoring", "monitori_1", "监测站", "MONITORI_2", "pm2_5__µg"),
                    List.copyOf(w.fieldNames().values()));
            assertEquals(5, w.warnings().size(), "every renaming is reported");
            w.write(g("POINT (0 0)"), Map.of("monitoring_station", "a", "监测站名称", "铜仁", "MONITORING", "c"));
            w.finish();
        }
        Map<String, Object> a = read(shp).get(0).attributes();
        assertEquals("a", a.get("monitoring"));
        assertEquals("铜仁", a.get("监测站"));
        assertEquals("c", a.get("MONITORI_2"));
        for (String field : a.keySet()) {
            assertTrue(field.getBytes(StandardCharsets.UTF_8).length <= 10, field);
        }
    }

    @Test
    void aGbkShapefileForOldArcGis() throws IOException {
        Path shp = dir.resolve("gbk.shp");
        Charset gbk = Charset.forName("GBK");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POINT, List.of(AttributeColumn.text("名称", 20)),
                null, gbk)) {
            w.write(g("POINT (0 0)"), Map.of("名称", "碧江区"));
            w.finish();
        }
        byte[] dbf = Files.readAllBytes(dir.resolve("gbk.dbf"));
        assertEquals(0x4D, dbf[29], "language driver GBK");
        assertEquals("GBK", Files.readString(dir.resolve("gbk.cpg")));
        assertEquals("碧江区", read(shp).get(0).attributes().get("名称"));
    }

    @Test
    void numbersKeepTheirValueWhateverTheirSize() throws IOException {
        Path dbf = dir.resolve("n.dbf");
        List<DbfField> fields = List.of(DbfField.real("R", 24, 15), DbfField.integer("I", 18),
                DbfField.real("SMALL", 8, 3));
        double[] reals = {0.1, -123456.789, 1.0e10, 6.02214076e23, 12345678.123456789};
        try (DbfWriter w = DbfWriter.create(dbf, fields, StandardCharsets.UTF_8)) {
            for (double r : reals) {
                w.write(List.of(r, -99999999999999999L, 1.5));
            }
            w.write(List.of(1.0, 0L, 1e300));
        }
        try (DbfReader r = DbfReader.open(dbf)) {
            for (double expected : reals) {
                Map<String, Object> v = r.next().values();
                assertEquals(expected, (Double) v.get("R"), Math.abs(expected) * 1e-15, "R " + expected);
                assertEquals(-99999999999999999L, v.get("I"));
                assertEquals(1.5, v.get("SMALL"));
            }
            assertEquals(1e300, r.next().values().get("SMALL"), "exponent form when it loses nothing");
        }
        try (DbfWriter w = DbfWriter.create(dir.resolve("x.dbf"), fields, StandardCharsets.UTF_8)) {
            UserException e = assertThrows(UserException.class, () -> w.write(List.of(1.0, 1L, 1.234e300)));
            assertEquals("dbf.error.numberTooWide", e.key());
            e = assertThrows(UserException.class, () -> w.write(List.of(1.0, -999999999999999999L, 1.0)),
                    "19 characters in an 18-wide integer field, which exponent form would round");
            assertEquals("dbf.error.numberTooWide", e.key());
            e = assertThrows(UserException.class, () -> w.write(List.of(1.0, 1L, 12345.678)),
                    "8.3 has room for 12345.68 only, which is not the value to 3 decimals");
            assertEquals("dbf.error.numberTooWide", e.key());
        }
    }

    @Test
    void textIsNeverCutSilently() throws IOException {
        Path shp = dir.resolve("narrow.shp");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POINT, List.of(AttributeColumn.text("name", 8)),
                null)) {
            w.write(g("POINT (0 0)"), Map.of("name", "碧江"));
            UserException e = assertThrows(UserException.class,
                    () -> w.write(g("POINT (0 0)"), Map.of("name", "碧江区")));
            assertEquals("dbf.error.valueTooLong", e.key());
            assertEquals(2, e.args()[1], "record");
            assertEquals(9, e.args()[3], "bytes needed");
        }
        assertFalse(Files.exists(shp), "a failed export leaves nothing behind");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "temporary files are removed too");
        }
        try (DbfWriter w = DbfWriter.create(dir.resolve("g.dbf"), List.of(DbfField.text("N", 10)),
                Charset.forName("GBK"))) {
            UserException e = assertThrows(UserException.class, () -> w.write(List.of("😀")));
            assertEquals("dbf.error.unmappable", e.key());
        }
    }

    @Test
    void aGeometryOfTheWrongKindIsRefused() throws IOException {
        Path shp = dir.resolve("mixed.shp");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POLYGON, List.of(), null)) {
            UserException e = assertThrows(UserException.class, () -> w.write(g("LINESTRING (0 0, 1 1)"), Map.of()));
            assertEquals("shp.error.geometryType", e.key());
            assertThrows(IllegalStateException.class, w::finish);
        }
        assertFalse(Files.exists(shp));
    }

    @Test
    void replacingAShapefileRemovesItsStaleParts() throws IOException {
        Path shp = dir.resolve("layer.shp");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POINT, List.of(), ShapefileCrs.ofEpsg(4326))) {
            w.write(g("POINT (1 1)"), Map.of());
            w.finish();
        }
        Files.writeString(dir.resolve("layer.QIX"), "stale spatial index");
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POINT, List.of(), null)) {
            w.write(g("POINT (2 2)"), Map.of());
            w.write(g("POINT (3 3)"), Map.of());
            w.finish();
        }
        assertFalse(Files.exists(dir.resolve("layer.prj")), "the old CRS would be wrong now");
        assertFalse(Files.exists(dir.resolve("layer.QIX")));
        assertEquals(2, read(shp).size());
    }

    @Test
    void recordsBeyondTheBuffersOfWriterAndReader() throws IOException {
        Path shp = dir.resolve("many.shp");
        GeometryFactory f = new GeometryFactory();
        Coordinate[] ring = new Coordinate[10_001]; // one record of 160 kB, more than any buffer
        for (int i = 0; i < 10_000; i++) {
            double a = -2 * Math.PI * i / 10_000;
            ring[i] = new Coordinate(Math.cos(a), Math.sin(a));
        }
        ring[10_000] = ring[0];
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.POLYGON, List.of(AttributeColumn.integer("i")),
                null)) {
            for (int i = 0; i < 3000; i++) {
                w.write(f.createPolygon(new Coordinate[] {new Coordinate(i, 0), new Coordinate(i, 1),
                        new Coordinate(i + 1, 1), new Coordinate(i, 0)}), Map.of("i", (long) i));
            }
            w.write(f.createPolygon(ring), Map.of("i", -1L));
            w.write(g("POLYGON ((0 0, 0 2, 2 2, 0 0))"), Map.of("i", 3001L));
            w.finish();
        }
        List<ShapefileFeature> all = read(shp);
        assertEquals(3002, all.size());
        for (int i = 0; i < 3000; i++) {
            assertEquals((long) i, all.get(i).attributes().get("i"));
            assertEquals(i, all.get(i).geometry().getEnvelopeInternal().getMinX());
        }
        assertEquals(Math.PI, all.get(3000).geometry().getArea(), 1e-6);
        assertEquals(2, all.get(3001).geometry().getArea(), 1e-12);
    }

    @Test
    void multiPointRoundTrip() throws IOException {
        Path shp = dir.resolve("mp.shp");
        GeometryFactory f = new GeometryFactory();
        try (ShapefileWriter w = ShapefileWriter.create(shp, ShapeType.MULTIPOINT, List.of(), null)) {
            w.write(g("MULTIPOINT ((1 2), (3 4))"), Map.of());
            w.write(f.createPoint(new Coordinate(5, 6)), Map.of());
            w.finish();
        }
        List<ShapefileFeature> all = read(shp);
        assertEquals(2, all.get(0).geometry().getNumPoints());
        assertEquals("MultiPoint", all.get(1).geometry().getGeometryType());
    }
}
