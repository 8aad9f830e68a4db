package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.ecomonitor.io.shapefile.HandBuilt.parts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading shapefiles assembled by hand from the ESRI specification. */
class ShapefileReaderTest {

    @TempDir
    Path dir;

    // A 10 x 10 square clockwise (an outer ring), a 6 x 6 hole counter-clockwise inside it, an island clockwise in the
    // hole, and a separate square clockwise.
    static final double[] SHELL = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
    static final double[] HOLE = {2, 2, 8, 2, 8, 8, 2, 8, 2, 2};
    static final double[] ISLAND = {4, 4, 4, 6, 6, 6, 6, 4, 4, 4};
    static final double[] APART = {20, 0, 20, 5, 25, 5, 25, 0, 20, 0};

    private List<ShapefileFeature> readAll(Path shp) {
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            List<ShapefileFeature> all = new ArrayList<>();
            r.forEachRemaining(all::add);
            return all;
        }
    }

    @Test
    void pointsCarryTheirRecordNumbers() throws IOException {
        Path shp = dir.resolve("p.shp");
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(109.19, 27.72), HandBuilt.nullShape(),
                HandBuilt.point(109.21, 27.52)), true);
        List<ShapefileFeature> all = readAll(shp);
        assertEquals(3, all.size());
        assertEquals(new Coordinate(109.19, 27.72), all.get(0).geometry().getCoordinate());
        assertNull(all.get(1).geometry(), "a Null shape has no geometry");
        assertEquals(3, all.get(2).recordNumber());
        assertTrue(all.get(0).attributes().isEmpty(), "no .dbf, no attributes");
    }

    @Test
    void polygonWithHole() throws IOException {
        Path shp = dir.resolve("hole.shp");
        HandBuilt.shapefile(shp, 5, List.of(parts(5, SHELL, HOLE)), true);
        Polygon p = assertInstanceOf(Polygon.class, readAll(shp).get(0).geometry());
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(100 - 36, p.getArea(), 1e-12);
        assertTrue(p.isValid());
    }

    @Test
    void multiPolygonAssignsEachHoleToTheSmallestShellAroundIt() throws IOException {
        Path shp = dir.resolve("multi.shp");
        // rings in an order that makes a naive "hole belongs to the previous shell" reader wrong
        HandBuilt.shapefile(shp, 5, List.of(parts(5, ISLAND, APART, HOLE, SHELL)), true);
        MultiPolygon mp = assertInstanceOf(MultiPolygon.class, readAll(shp).get(0).geometry());
        assertEquals(3, mp.getNumGeometries());
        assertEquals(4 + 25 + 64, mp.getArea(), 1e-12);
        assertTrue(mp.isValid());
        int holes = 0;
        for (int i = 0; i < 3; i++) {
            Polygon p = (Polygon) mp.getGeometryN(i);
            if (p.getNumInteriorRing() == 1) {
                holes++;
                assertEquals(100, p.getExteriorRing().getEnvelopeInternal().getArea(), 1e-12,
                        "the hole lies in the big square, not in the island inside it");
            }
        }
        assertEquals(1, holes);
    }

    @Test
    void ringsAllCounterClockwiseAreReadAsShellsWithAWarning() throws IOException {
        Path shp = dir.resolve("ccw.shp");
        HandBuilt.shapefile(shp, 5, List.of(parts(5, HOLE)), true);
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            Polygon p = assertInstanceOf(Polygon.class, r.next().geometry());
            assertEquals(36, p.getArea(), 1e-12);
            assertTrue(r.warnings().stream().anyMatch(w -> w.key().equals("shp.warn.orphanHoles")));
        }
    }

    @Test
    void unclosedRingsAreClosed() throws IOException {
        Path shp = dir.resolve("open.shp");
        HandBuilt.shapefile(shp, 5, List.of(parts(5, Arrays.copyOf(SHELL, 8))), true);
        Polygon p = (Polygon) readAll(shp).get(0).geometry();
        assertEquals(100, p.getArea(), 1e-12);
    }

    @Test
    void zPointsKeepZAndDropM() throws IOException {
        Path shp = dir.resolve("z.shp");
        HandBuilt.shapefile(shp, 11, List.of(HandBuilt.pointZ(1, 2, 345.5, 9.0), HandBuilt.pointZ(3, 4, 5, null)),
                true);
        List<ShapefileFeature> all = readAll(shp);
        assertEquals(345.5, all.get(0).geometry().getCoordinate().getZ());
        assertEquals(5, all.get(1).geometry().getCoordinate().getZ(), "PointZ without its optional M");
        assertTrue(Double.isNaN(all.get(0).geometry().getCoordinate().getM()));
    }

    @Test
    void zAndMVariantsOfLinesAndPolygons() throws IOException {
        Path shp = dir.resolve("zm.shp");
        HandBuilt.shapefile(shp, 13, List.of(parts(13, new double[] {0, 0, 1, 1, 2, 0})), true);
        LineString line = assertInstanceOf(LineString.class, readAll(shp).get(0).geometry());
        assertEquals(102, line.getCoordinateN(2).getZ());

        Path polygonZ = dir.resolve("pz.shp");
        HandBuilt.shapefile(polygonZ, 15, List.of(parts(15, SHELL, HOLE)), true);
        Polygon p = assertInstanceOf(Polygon.class, readAll(polygonZ).get(0).geometry());
        assertEquals(105, p.getInteriorRingN(0).getCoordinateN(0).getZ(), "Z of the hole's first vertex");

        Path lineM = dir.resolve("lm.shp");
        HandBuilt.shapefile(lineM, 23, List.of(parts(23, new double[] {0, 0, 1, 1}, new double[] {5, 5, 6, 6})),
                true);
        MultiLineString ml = assertInstanceOf(MultiLineString.class, readAll(lineM).get(0).geometry());
        assertEquals(2, ml.getNumGeometries());
        assertTrue(Double.isNaN(ml.getCoordinate().getZ()), "an M type has no Z");
    }

    @Test
    void multiPoint() throws IOException {
        Path shp = dir.resolve("mp.shp");
        HandBuilt.shapefile(shp, 8, List.of(HandBuilt.multiPoint(1, 2, 3, 4, 5, 6)), true);
        MultiPoint mp = assertInstanceOf(MultiPoint.class, readAll(shp).get(0).geometry());
        assertEquals(3, mp.getNumPoints());
        assertEquals(new Coordinate(5, 6), mp.getGeometryN(2).getCoordinate());
    }

    @Test
    void withoutShxRecordsAreReadInSequenceWithAWarning() throws IOException {
        Path shp = dir.resolve("noshx.shp");
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(1, 1), HandBuilt.point(2, 2)), false);
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertEquals(-1, r.recordCount());
            List<ShapefileFeature> all = new ArrayList<>();
            r.forEachRemaining(all::add);
            assertEquals(2, all.size());
            assertTrue(r.warnings().stream().anyMatch(w -> w.key().equals("shp.warn.noShx")));
        }
    }

    @Test
    void siblingsAreFoundWhateverTheCaseOfTheirExtensions() throws IOException {
        Path shp = dir.resolve("STATIONS.SHP");
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(1, 1)), true);
        Files.move(dir.resolve("STATIONS.shx"), dir.resolve("STATIONS.SHX"));
        Files.write(dir.resolve("STATIONS.dbf"), HandBuilt.dbf(0, StandardCharsets.US_ASCII,
                List.of(new HandBuilt.Field("CODE", 'C', 8, 0)), List.<String[]>of(new String[] {"A01"})));
        Files.writeString(dir.resolve("STATIONS.Prj"), "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]");
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertEquals(1, r.recordCount(), "the .SHX was found");
            assertEquals(4326, r.crs().epsg().getAsInt(), "the .Prj was found");
            ShapefileFeature f = r.next();
            assertEquals("A01", f.attributes().get("CODE"), "the .dbf was found");
            assertEquals(4326, f.geometry().getSRID());
        }
    }

    @Test
    void theShxLocatesRecordsAcrossGaps() throws IOException {
        Path shp = dir.resolve("gap.shp");
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(1, 1), HandBuilt.point(2, 2)), true);
        // insert 8 bytes of garbage between the two records and fix the second offset in the .shx
        byte[] bytes = Files.readAllBytes(shp);
        byte[] gapped = new byte[bytes.length + 8];
        System.arraycopy(bytes, 0, gapped, 0, 128);
        System.arraycopy(bytes, 128, gapped, 136, bytes.length - 128);
        Files.write(shp, gapped);
        Path shx = dir.resolve("gap.shx");
        byte[] index = Files.readAllBytes(shx);
        java.nio.ByteBuffer.wrap(index).putInt(108, 136 / 2);
        Files.write(shx, index);
        List<ShapefileFeature> all = readAll(shp);
        assertEquals(new Coordinate(2, 2), all.get(1).geometry().getCoordinate());
    }

    @Test
    void aShorterDbfLeavesTheLastFeaturesWithoutAttributesAndSaysSo() throws IOException {
        Path shp = dir.resolve("short.shp");
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(1, 1), HandBuilt.point(2, 2)), false);
        Files.write(dir.resolve("short.dbf"), HandBuilt.dbf(0, StandardCharsets.US_ASCII,
                List.of(new HandBuilt.Field("CODE", 'C', 8, 0)), List.<String[]>of(new String[] {"A"})));
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertEquals("A", r.next().attributes().get("CODE"));
            assertTrue(r.next().attributes().isEmpty());
            assertTrue(r.warnings().stream().anyMatch(w -> w.key().equals("shp.warn.dbfShorter")));
        }
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(1, 1), HandBuilt.point(2, 2)), true);
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertTrue(r.warnings().stream().anyMatch(w -> w.key().equals("shp.warn.countMismatch")),
                    "with a .shx the counts are compared when the file is opened");
        }
    }

    @Test
    void deletedRowsAreSkipped() throws IOException {
        Path shp = dir.resolve("del.shp");
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(1, 1), HandBuilt.point(2, 2)), true);
        Files.write(dir.resolve("del.dbf"), HandBuilt.dbf(0, StandardCharsets.US_ASCII,
                List.of(new HandBuilt.Field("CODE", 'C', 8, 0)),
                List.of(new String[] {"*", "gone"}, new String[] {"kept"})));
        List<ShapefileFeature> all = readAll(shp);
        assertEquals(1, all.size());
        assertEquals(2, all.get(0).recordNumber());
        assertEquals("kept", all.get(0).attributes().get("CODE"));
    }

    @Test
    void aTruncatedShpNamesFileAndRecord() throws IOException {
        Path shp = dir.resolve("cut.shp");
        HandBuilt.shapefile(shp, 5, List.of(parts(5, SHELL), parts(5, APART)), true);
        byte[] bytes = Files.readAllBytes(shp);
        Files.write(shp, Arrays.copyOf(bytes, bytes.length - 30));
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertInstanceOf(Polygon.class, r.next().geometry());
            UserException e = assertThrows(UserException.class, r::next);
            assertEquals("shp.error.truncated", e.key());
            assertEquals(2, e.args()[1], "record number");
            String text = e.getMessage(Messages.ENGLISH);
            assertTrue(text.contains("cut.shp") && text.contains("record 2"), text);
        }
        Files.delete(dir.resolve("cut.shx"));
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            r.next();
            UserException e = assertThrows(UserException.class, r::hasNext);
            assertEquals("shp.error.truncated", e.key(), "read in sequence, the cut is found too");
            assertEquals(2, e.args()[1]);
        }
    }

    @Test
    void aTruncatedDbfNamesFileAndRecord() throws IOException {
        Path shp = dir.resolve("cutdbf.shp");
        HandBuilt.shapefile(shp, 1, List.of(HandBuilt.point(1, 1), HandBuilt.point(2, 2)), true);
        byte[] dbf = HandBuilt.dbf(0, StandardCharsets.US_ASCII, List.of(new HandBuilt.Field("CODE", 'C', 8, 0)),
                List.of(new String[] {"A"}, new String[] {"B"}));
        Files.write(dir.resolve("cutdbf.dbf"), Arrays.copyOf(dbf, dbf.length - 6));
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            r.next();
            UserException e = assertThrows(UserException.class, r::next);
            assertEquals("dbf.error.truncated", e.key());
            assertEquals(2, e.args()[1]);
        }
    }

    @Test
    void impossibleCountsAndPartIndexesAreReportedNotThrownAsBufferErrors() throws IOException {
        byte[] content = parts(5, SHELL, HOLE);
        java.nio.ByteBuffer.wrap(content).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(48, 99);
        Path shp = dir.resolve("badpart.shp");
        HandBuilt.shapefile(shp, 5, List.of(content), true);
        UserException e = assertThrows(UserException.class, () -> readAll(shp));
        assertEquals("shp.error.badPartIndex", e.key());

        byte[] huge = parts(5, SHELL);
        java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 1_000_000);
        Path shp2 = dir.resolve("huge.shp");
        HandBuilt.shapefile(shp2, 5, List.of(huge), true);
        assertEquals("shp.error.recordTooShort", assertThrows(UserException.class, () -> readAll(shp2)).key());
    }

    @Test
    void notAShapefile() throws IOException {
        Path shp = dir.resolve("text.shp");
        Files.writeString(shp, "id,name\n".repeat(20));
        UserException e = assertThrows(UserException.class, () -> ShapefileReader.open(shp));
        assertEquals("shp.error.notShapefile", e.key());
        Path missing = dir.resolve("missing.shp");
        assertEquals("shp.error.notFound", assertThrows(UserException.class, () -> ShapefileReader.open(missing)).key());
    }

    @Test
    void readsTheGbkFixtureThroughItsLanguageDriverByte() throws Exception {
        Path shp = Fixtures.copyGbkFixture(dir);
        try (ShapefileReader r = ShapefileReader.open(shp)) {
            assertEquals(DbfEncoding.Source.LANGUAGE_DRIVER, r.encoding().source());
            ShapefileFeature first = r.next();
            assertEquals("铜仁市环境监测站", first.attributes().get("NAME"));
            assertEquals("碧江区", first.attributes().get("DISTRICT"));
            Point p = (Point) first.geometry();
            assertEquals(109.1916, p.getX());
            Geometry last = null;
            while (r.hasNext()) {
                ShapefileFeature f = r.next();
                last = f.geometry();
                if (f.recordNumber() == 3) {
                    assertEquals("松桃苗族自治县", f.attributes().get("DISTRICT"));
                }
            }
            assertEquals(28.1543, last.getCoordinate().y);
        }
    }
}
