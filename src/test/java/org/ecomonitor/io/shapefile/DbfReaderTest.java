package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dBASE values and, above all, text encodings: Chinese names come out right or the user is told. */
class DbfReaderTest {

    static final Charset GBK = Charset.forName("GBK");
    static final List<HandBuilt.Field> NAMES = List.of(new HandBuilt.Field("NAME", 'C', 40, 0),
            new HandBuilt.Field("DISTRICT", 'C', 20, 0));
    static final List<String[]> TONGREN = List.of(new String[] {"铜仁市环境监测站", "碧江区"},
            new String[] {"万山区空气自动站", "万山区"});

    @TempDir
    Path dir;

    private Path table(String name, int ldid, Charset charset, List<HandBuilt.Field> fields, List<String[]> rows,
                       String cpg) throws IOException {
        Path dbf = dir.resolve(name + ".dbf");
        Files.write(dbf, HandBuilt.dbf(ldid, charset, fields, rows));
        if (cpg != null) {
            Files.writeString(dir.resolve(name + ".cpg"), cpg, StandardCharsets.US_ASCII);
        }
        return dbf;
    }

    private static List<DbfRecord> all(DbfReader r) {
        List<DbfRecord> list = new ArrayList<>();
        r.forEachRemaining(list::add);
        return list;
    }

    private static boolean warned(DbfReader r, String key) {
        return r.warnings().stream().anyMatch(w -> w.key().equals(key));
    }

    @Test
    void gbkFixtureWithoutCpgIsReadThroughLanguageDriver0x4D() throws IOException {
        Fixtures.copyGbkFixture(dir);
        try (DbfReader r = DbfReader.open(dir.resolve("tongren_stations_gbk.dbf"))) {
            assertEquals(0x4D, r.languageDriver());
            assertEquals(DbfEncoding.Source.LANGUAGE_DRIVER, r.encoding().source());
            assertEquals("GB18030", r.encoding().charset().name());
            List<DbfRecord> rows = all(r);
            assertEquals("铜仁市环境监测站", rows.get(0).values().get("NAME"));
            assertEquals("碧江区", rows.get(0).values().get("DISTRICT"));
            assertEquals("520602", rows.get(0).values().get("ADCODE"));
            assertEquals(1L, rows.get(0).values().get("LEVEL"));
            assertEquals(31.25, rows.get(0).values().get("PM25"));
            assertEquals(LocalDate.of(2015, 1, 1), rows.get(0).values().get("SINCE"));
            assertEquals("松桃苗族自治县监测站", rows.get(2).values().get("NAME"));
            assertNull(rows.get(2).values().get("PM25"), "blank number");
            assertNull(rows.get(2).values().get("SINCE"), "blank date");
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        }
    }

    @Test
    void gbkFixtureWithACpgSayingGbkAndNoLanguageDriver() throws IOException {
        Path dbf = dir.resolve("tongren_stations_gbk.dbf");
        Fixtures.copyGbkFixture(dir);
        byte[] bytes = Files.readAllBytes(dbf);
        bytes[29] = 0;
        Files.write(dbf, bytes);
        Files.writeString(dir.resolve("tongren_stations_gbk.cpg"), "GBK");
        try (DbfReader r = DbfReader.open(dbf)) {
            assertEquals(DbfEncoding.Source.CPG, r.encoding().source());
            assertEquals("碧江区", r.next().values().get("DISTRICT"));
            assertTrue(r.encoding().describe(Messages.ENGLISH).contains("GBK"), r.encoding().describe(Messages.ENGLISH));
        }
    }

    @Test
    void cpgNamesForChineseCodePages() {
        for (String cpg : List.of("GBK", "gbk", "CP936", "936", "ANSI 936", "GB2312", "GB18030", "54936", "\uFEFFGBK\r\n")) {
            assertEquals("GB18030", DbfCodePage.fromCpg(cpg).name(), cpg);
        }
        for (String cpg : List.of("UTF-8", "utf8", "65001")) {
            assertEquals(StandardCharsets.UTF_8, DbfCodePage.fromCpg(cpg), cpg);
        }
        assertEquals("windows-1252", DbfCodePage.fromCpg("ANSI 1252").name());
        assertEquals("ISO-8859-1", DbfCodePage.fromCpg("88591").name());
        assertNull(DbfCodePage.fromCpg("no such code page"));
        assertNull(DbfCodePage.fromLanguageDriver(0x57), "ANSI: the writer's code page, unknowable");
        assertNull(DbfCodePage.fromLanguageDriver(0x00));
    }

    @Test
    void utf8WithCpg() throws IOException {
        try (DbfReader r = DbfReader.open(table("u", 0, StandardCharsets.UTF_8, NAMES, TONGREN, "UTF-8"))) {
            assertEquals(DbfEncoding.Source.CPG, r.encoding().source());
            assertEquals(StandardCharsets.UTF_8, r.encoding().charset());
            assertEquals("万山区", all(r).get(1).values().get("DISTRICT"));
            assertTrue(r.warnings().isEmpty());
        }
    }

    @Test
    void nothingDeclaredAndValidUtf8IsDetectedAsUtf8() throws IOException {
        try (DbfReader r = DbfReader.open(table("u0", 0, StandardCharsets.UTF_8, NAMES, TONGREN, null))) {
            assertEquals(DbfEncoding.Source.DETECTED, r.encoding().source());
            assertEquals("碧江区", r.next().values().get("DISTRICT"));
        }
    }

    @Test
    void nothingDeclaredAndShortUtf8ThatAlsoDecodesAsGbkIsStillUtf8() throws IOException {
        // "碧江" in UTF-8 is six bytes that GBK decodes "cleanly" into three wrong characters
        List<String[]> rows = List.<String[]>of(new String[] {"碧江", "A"});
        try (DbfReader r = DbfReader.open(table("short", 0, StandardCharsets.UTF_8, NAMES, rows, null))) {
            assertEquals("碧江", r.next().values().get("NAME"));
        }
    }

    @Test
    void nothingDeclaredAndGbkIsReadAsGbkByDefault() throws IOException {
        try (DbfReader r = DbfReader.open(table("g0", 0, GBK, NAMES, TONGREN, null))) {
            assertEquals(DbfEncoding.Source.DEFAULT, r.encoding().source());
            assertEquals("铜仁市环境监测站", r.next().values().get("NAME"));
        }
    }

    @Test
    void ansiLanguageDriverIsTreatedAsUndeclared() throws IOException {
        try (DbfReader r = DbfReader.open(table("ansi", 0x57, GBK, NAMES, TONGREN, null))) {
            assertEquals(DbfEncoding.Source.DEFAULT, r.encoding().source());
            assertEquals("0x57", r.encoding().declaration());
            assertEquals("碧江区", r.next().values().get("DISTRICT"));
        }
        try (DbfReader r = DbfReader.open(table("ansiu", 0x57, StandardCharsets.UTF_8, NAMES, TONGREN, null))) {
            assertEquals(DbfEncoding.Source.DETECTED, r.encoding().source());
            assertEquals("碧江区", r.next().values().get("DISTRICT"));
        }
    }

    @Test
    void cpgSayingGbkOverUtf8TextIsCorrectedWithAWarning() throws IOException {
        try (DbfReader r = DbfReader.open(table("lie1", 0x4D, StandardCharsets.UTF_8, NAMES, TONGREN, "GBK"))) {
            assertEquals(DbfEncoding.Source.CORRECTED, r.encoding().source());
            assertEquals(StandardCharsets.UTF_8, r.encoding().charset());
            assertEquals("铜仁市环境监测站", r.next().values().get("NAME"));
            assertTrue(warned(r, "dbf.warn.encodingCorrected"));
        }
    }

    @Test
    void cpgSayingUtf8OverGbkTextIsCorrectedWithAWarning() throws IOException {
        try (DbfReader r = DbfReader.open(table("lie2", 0, GBK, NAMES, TONGREN, "UTF-8"))) {
            assertEquals(DbfEncoding.Source.CORRECTED, r.encoding().source());
            assertEquals("GB18030", r.encoding().charset().name());
            assertEquals("碧江区", r.next().values().get("DISTRICT"));
            assertTrue(warned(r, "dbf.warn.encodingCorrected"));
            String text = r.warnings().get(0).message(Messages.ENGLISH);
            assertTrue(text.contains("lie2.dbf") && text.contains("UTF-8") && text.contains("GB18030"), text);
        }
    }

    @Test
    void aWesternLanguageDriverOverGbkTextIsCorrectedButWesternTextIsLeftAlone() throws IOException {
        try (DbfReader r = DbfReader.open(table("west", 0x03, GBK, NAMES, TONGREN, null))) {
            assertEquals(DbfEncoding.Source.CORRECTED, r.encoding().source());
            assertEquals("碧江区", r.next().values().get("DISTRICT"));
            assertTrue(warned(r, "dbf.warn.encodingCorrected"));
        }
        List<String[]> western = List.<String[]>of(new String[] {"Café Münster", "Zürich"},
                new String[] {"Señora Ærø", "Köln"});
        Charset cp1252 = Charset.forName("windows-1252");
        try (DbfReader r = DbfReader.open(table("west2", 0x03, cp1252, NAMES, western, null))) {
            assertEquals(DbfEncoding.Source.LANGUAGE_DRIVER, r.encoding().source());
            assertEquals("Café Münster", r.next().values().get("NAME"));
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        }
    }

    @Test
    void gbkTextBeyondTheSampleSwitchesTheDecoderWithAWarningNamingTheRecord() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            rows.add(new String[] {"station " + i, "x"});
        }
        rows.add(new String[] {"铜仁市环境监测站", "碧江区"});
        try (DbfReader r = DbfReader.open(table("late", 0, GBK, NAMES, rows, "UTF-8"))) {
            assertEquals(StandardCharsets.UTF_8, r.encoding().charset(), "the sample is all ASCII");
            DbfRecord last = all(r).get(6000);
            assertEquals("铜仁市环境监测站", last.values().get("NAME"));
            assertEquals("GB18030", r.encoding().charset().name());
            ShapefileWarning w = r.warnings().get(0);
            assertEquals("dbf.warn.encodingSwitched", w.key());
            assertEquals(6001, w.args().get(1));
        }
    }

    @Test
    void aCharacterCutInHalfByTheWriterIsDroppedWithAWarning() throws IOException {
        byte[] name = "碧江区".getBytes(GBK);
        byte[] cut = java.util.Arrays.copyOf(name, 5); // two characters and half of the third
        List<HandBuilt.Field> fields = List.of(new HandBuilt.Field("NAME", 'C', 5, 0));
        Path dbf = table("half", 0x4D, StandardCharsets.ISO_8859_1, fields,
                List.<String[]>of(new String[] {new String(cut, StandardCharsets.ISO_8859_1)}), null);
        try (DbfReader r = DbfReader.open(dbf)) {
            assertEquals("碧江", r.next().values().get("NAME"));
            assertEquals("GB18030", r.encoding().charset().name(), "not mistaken for another encoding");
            assertTrue(warned(r, "dbf.warn.brokenCharacter"));
        }
    }

    @Test
    void textThatFitsNoEncodingIsReplacedVisiblyWithAWarning() throws IOException {
        Path dbf = dir.resolve("bad.dbf");
        byte[] bytes = HandBuilt.dbf(0, StandardCharsets.ISO_8859_1, List.of(new HandBuilt.Field("NAME", 'C', 6, 0)),
                List.<String[]>of(new String[] {"ab\u00FF\u0030cd"}));
        Files.write(dbf, bytes);
        try (DbfReader r = DbfReader.open(dbf, StandardCharsets.UTF_8)) {
            assertEquals(DbfEncoding.Source.CHOSEN, r.encoding().source());
            String v = (String) r.next().values().get("NAME");
            assertTrue(v.contains("\uFFFD"), v);
            assertTrue(warned(r, "dbf.warn.undecodable"));
        }
    }

    @Test
    void chineseFieldNamesAreDecodedToo() throws IOException {
        List<HandBuilt.Field> fields = List.of(new HandBuilt.Field("名称", 'C', 30, 0),
                new HandBuilt.Field("区县", 'C', 20, 0));
        try (DbfReader r = DbfReader.open(table("cn", 0x4D, GBK, fields, TONGREN, null))) {
            assertEquals("名称", r.fields().get(0).name());
            assertEquals("碧江区", r.next().values().get("区县"));
        }
    }

    @Test
    void valuesOfEveryType() throws IOException {
        List<HandBuilt.Field> fields = List.of(new HandBuilt.Field("N0", 'N', 10, 0),
                new HandBuilt.Field("N2", 'N', 10, 2), new HandBuilt.Field("F", 'F', 12, 4),
                new HandBuilt.Field("L", 'L', 1, 0), new HandBuilt.Field("D", 'D', 8, 0),
                new HandBuilt.Field("WIDE", 'N', 20, 0));
        List<String[]> rows = List.of(
                new String[] {"-42", "3.14", "1.5e3", "T", "20240229", "12345678901234567890"},
                new String[] {"", "", "", "?", "", ""},
                new String[] {"*****", "abc", "1,5", "n", "20241301", "1"},
                new String[] {"7.0", "", "", "Y", "00000000", ""});
        try (DbfReader r = DbfReader.open(table("types", 0, StandardCharsets.US_ASCII, fields, rows, null))) {
            assertEquals(AttributeType.INTEGER, r.fields().get(0).attributeType());
            assertEquals(AttributeType.REAL, r.fields().get(1).attributeType());
            assertEquals(AttributeType.REAL, r.fields().get(5).attributeType(), "too wide for a long");
            List<DbfRecord> all = all(r);
            Map<String, Object> a = all.get(0).values();
            assertEquals(-42L, a.get("N0"));
            assertEquals(3.14, a.get("N2"));
            assertEquals(1500.0, a.get("F"));
            assertEquals(Boolean.TRUE, a.get("L"));
            assertEquals(LocalDate.of(2024, 2, 29), a.get("D"));
            assertEquals(1.2345678901234567e19, a.get("WIDE"));
            all.get(1).values().values().forEach(v -> assertNull(v, "blank is null"));
            Map<String, Object> c = all.get(2).values();
            assertNull(c.get("N0"));
            assertNull(c.get("N2"));
            assertEquals(1.5, c.get("F"), "a decimal comma is understood");
            assertEquals(Boolean.FALSE, c.get("L"));
            assertNull(c.get("D"));
            assertEquals(7L, all.get(3).values().get("N0"));
            assertNull(all.get(3).values().get("D"));
            assertEquals(1, r.warnings().stream().filter(w -> w.key().equals("dbf.warn.badNumber")).count(),
                    "abc is reported; ***** is shapelib's NULL and is not");
            assertTrue(warned(r, "dbf.warn.badDate"));
        }
    }

    @Test
    void binaryIntegerAndDoubleFields() throws IOException {
        List<HandBuilt.Field> fields = List.of(new HandBuilt.Field("I", 'I', 4, 0),
                new HandBuilt.Field("O", 'O', 8, 0), new HandBuilt.Field("M", 'M', 10, 0));
        Path dbf = table("bin", 0, StandardCharsets.ISO_8859_1, fields,
                List.<String[]>of(new String[] {"", "", "         1"}), null);
        byte[] bytes = Files.readAllBytes(dbf);
        int record = 32 + 32 * 3 + 1;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(record + 1, -7).putDouble(record + 5, 2.5);
        Files.write(dbf, bytes);
        try (DbfReader r = DbfReader.open(dbf)) {
            assertEquals(2, r.fields().size(), "the memo field is left out");
            assertTrue(warned(r, "dbf.warn.fieldNotRead"));
            Map<String, Object> v = r.next().values();
            assertEquals(-7L, v.get("I"));
            assertEquals(2.5, v.get("O"));
            assertFalse(v.containsKey("M"));
        }
    }
}
