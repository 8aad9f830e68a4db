package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextAndTimeTest {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    static long cst(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi).atZone(CST).toInstant().toEpochMilli();
    }

    @Test
    void encodingsAreDetected() {
        byte[] zh = "站点,值\n碧江,1\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, TextEncoding.detect(zh, true).charset());
        byte[] gbk = "站点,值\n碧江,1\n".getBytes(TextEncoding.GB18030);
        assertEquals(TextEncoding.GB18030, TextEncoding.detect(gbk, true).charset());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertEquals(3, TextEncoding.detect(bom, true).bomLength());
    }

    @Test
    void aFileThatTurnsGbkAfterTheFirstMegabyteFailsLoudlyWithItsLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("station,parameter,time,value\n".getBytes(StandardCharsets.UTF_8));
        int lines = 1;
        while (b.size() < 1_100_000) {
            b.write("A1,PM2.5,2024-01-01 00:00,35\n".getBytes(StandardCharsets.UTF_8));
            lines++;
        }
        b.write("碧江,PM2.5,2024-01-01 00:00,35\n".getBytes(TextEncoding.GB18030));
        Path f = dir.resolve("mixed.csv");
        Files.write(f, b.toByteArray());
        int gbkLine = lines + 1;
        try (CsvTable t = new CsvTable(f, null)) {
            UserException e = assertThrows(UserException.class, () -> {
                for (TableSource.Row r : t) {
                    assertEquals(35, r.cells().length > 3 ? Integer.parseInt(r.cell(3)) : 35);
                }
            });
            assertEquals("io.encoding_broken", e.key());
            long reported = ((Number) e.args()[1]).longValue();
            assertEquals(gbkLine, reported, 1, "the line of the undecodable bytes");
        }
    }

    @Test
    void csvQuotesSeparatorsAndEmbeddedLineBreaks() throws IOException {
        Path f = dir.resolve("q.csv");
        Files.writeString(f, "name;note\n\"a;b\";\"say \"\"hi\"\"\"\n\n\"multi\nline\";x\nlast;y\n");
        try (CsvTable t = new CsvTable(f, null)) {
            var it = t.iterator();
            TableSource.Row r1 = it.next();
            assertEquals("a;b", r1.cell(0));
            assertEquals("say \"hi\"", r1.cell(1));
            assertEquals(2, r1.line());
            TableSource.Row r2 = it.next();
            assertEquals("multi\nline", r2.cell(0));
            assertEquals(4, r2.line());
            assertEquals(6, it.next().line());
        }
    }

    @Test
    void timesInTheFormsMonitoringFilesUse() {
        long eight = cst(2024, 1, 1, 8, 0);
        assertEquals(eight, TimeParser.parse("2024-01-01 08:00", CST));
        assertEquals(eight, TimeParser.parse("2024-01-01 08:00:00", CST));
        assertEquals(eight, TimeParser.parse("2024/1/1 8:00", CST));
        assertEquals(eight, TimeParser.parse("20240101080000", CST));
        assertEquals(eight, TimeParser.parse("2024年1月1日 8时", CST));
        assertEquals(eight, TimeParser.parse("2024-01-01T08:00:00+08:00", CST));
        assertEquals(eight, TimeParser.parse("2024-01-01T00:00:00Z", CST));
        assertEquals(cst(2024, 1, 1, 0, 0), TimeParser.parse("2024-01-01", CST));
        assertEquals(cst(2024, 2, 1, 0, 0), TimeParser.parse("2024-01-31 24:00", CST), "24:00 is the next midnight");
        assertEquals(cst(2024, 1, 31, 13, 30), TimeParser.parse("2024-01-31 13:30", CST));
        assertEquals(LocalDateTime.of(2024, 1, 1, 8, 0).toInstant(ZoneOffset.UTC).toEpochMilli(),
                TimeParser.parse("2024-01-01 08:00", ZoneOffset.UTC));
        assertEquals(Long.MIN_VALUE, TimeParser.parse("2024-13-01", CST));
        assertEquals(Long.MIN_VALUE, TimeParser.parse("yesterday", CST));
        assertEquals(Long.MIN_VALUE, TimeParser.parse("2024-02-30 00:00", CST));
        assertEquals(Long.MIN_VALUE, TimeParser.parse("", CST));
    }

    @Test
    void valueCells() {
        assertEquals(1.5, ValueText.parse(" 1.5 "));
        assertEquals(0.005, ValueText.parse("0.01L"));
        assertEquals(0.005, ValueText.parse("<0.01"));
        assertEquals(Double.NaN, ValueText.parse("—"));
        assertEquals(Double.NaN, ValueText.parse(""));
        assertEquals(ValueText.NOT_A_NUMBER, ValueText.parse("abc"));
        assertEquals(ValueText.NOT_A_NUMBER, ValueText.parse("Infinity"));
    }
}
