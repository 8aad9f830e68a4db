package org.ecomonitor.io.hj212;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Flag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From packet lines to measurements, with a precise reason for everything not read. */
class Hj212ParserTest {

    private final Hj212Parser parser = new Hj212Parser();

    /** A packet assembled by hand around a data segment: header, length, CRC, CR LF. */
    static String packet(String data) {
        return "##" + String.format("%04d", data.length()) + data + Hj212Crc.of(data) + "\r\n";
    }

    /** An hourly (CN 2061) ambient-air packet of a Tongren station with the six AQI pollutants. */
    static final String HOURLY = packet("QN=20240601100005123;ST=22;CN=2061;PW=123456;MN=88888880000001;Flag=4;"
            + "CP=&&DataTime=20240601090000;"
            + "a34004-Min=20.1,a34004-Avg=35.2,a34004-Max=50.3,a34004-Flag=N;"
            + "a34002-Min=40,a34002-Avg=61,a34002-Max=88,a34002-Flag=N;"
            + "a21026-Min=5,a21026-Avg=8,a21026-Max=12,a21026-Flag=N;"
            + "a21004-Min=15,a21004-Avg=24,a21004-Max=31,a21004-Flag=N;"
            + "a21005-Min=0.5,a21005-Avg=0.8,a21005-Max=1.1,a21005-Flag=N;"
            + "a05024-Min=80,a05024-Avg=102,a05024-Max=130,a05024-Flag=M&&");

    private static Map<String, Hj212Measurement> byPollutant(List<Hj212Measurement> list) {
        return list.stream().collect(Collectors.toMap(Hj212Measurement::pollutant, Function.identity()));
    }

    @Test
    void hourlyPacketGivesAvgMinMaxAndFlagOfEveryPollutant() {
        Hj212Parser.LineResult r = parser.parseLine("tongren.log", 1, HOURLY);
        assertEquals(List.of(), r.rejections());
        assertEquals(6, r.measurements().size());
        Map<String, Hj212Measurement> m = byPollutant(r.measurements());
        Hj212Measurement pm25 = m.get("a34004");
        assertEquals("88888880000001", pm25.mn());
        assertEquals("22", pm25.st());
        assertEquals(Hj212DataKind.HOUR, pm25.kind());
        assertEquals(LocalDateTime.of(2024, 6, 1, 9, 0), pm25.dataTime());
        assertEquals(Instant.parse("2024-06-01T01:00:00Z"), pm25.instant(), "Beijing time is UTC+8");
        assertEquals(35.2, pm25.value());
        assertEquals(20.1, pm25.min());
        assertEquals(50.3, pm25.max());
        assertTrue(Double.isNaN(pm25.cou()));
        assertEquals(Flag.N, pm25.flag());
        assertEquals(61, m.get("a34002").value());
        assertEquals(8, m.get("a21026").value());
        assertEquals(24, m.get("a21004").value());
        assertEquals(0.8, m.get("a21005").value());
        assertEquals(102, m.get("a05024").value());
        assertEquals(Flag.M, m.get("a05024").flag(), "O3 analyser in maintenance");
    }

    @Test
    void realTimeDataUsesRtdAndDailyAndMinuteDataUseAvg() {
        String rtd = packet("QN=1;ST=21;CN=2011;PW=1;MN=W01;Flag=4;CP=&&DataTime=20240601091500;"
                + "w01001-Rtd=7.42,w01001-Flag=N;w21003-Rtd=0.35,w21003-Flag=D&&");
        Map<String, Hj212Measurement> m = byPollutant(parser.parseLine("s", 1, rtd).measurements());
        assertEquals(Hj212DataKind.REAL_TIME, m.get("w01001").kind());
        assertEquals(7.42, m.get("w01001").value());
        assertEquals(Flag.D, m.get("w21003").flag());
        for (String cn : List.of("2051", "2031")) {
            String avg = packet("QN=1;ST=32;CN=" + cn + ";PW=1;MN=S01;Flag=4;CP=&&DataTime=20240601000000;"
                    + "w01018-Cou=12.5,w01018-Min=20,w01018-Avg=31.5,w01018-Max=44&&");
            Hj212Measurement cod = parser.parseLine("s", 1, avg).measurements().get(0);
            assertEquals(31.5, cod.value(), cn);
            assertEquals(12.5, cod.cou(), cn);
            assertEquals(Flag.N, cod.flag(), "no flag sent: normal");
        }
    }

    @Test
    void aLogWithEveryKindOfDefectSaysWhatAndWhere() throws IOException {
        String good = HOURLY;
        String badCrc = HOURLY.replace("a34004-Avg=35.2", "a34004-Avg=35.3");
        String wrongLength = "##0999" + HOURLY.substring(6);
        String notData = Hj212CrcTest.EXAMPLE;
        String noMn = packet("QN=1;ST=22;CN=2061;PW=1;Flag=4;CP=&&DataTime=20240601090000;a34004-Avg=1&&");
        String badTime = packet("QN=1;ST=22;CN=2061;PW=1;MN=X;Flag=4;CP=&&DataTime=20240631090000;a34004-Avg=1&&");
        String badItems = packet("QN=1;ST=22;CN=2061;PW=1;MN=X;Flag=4;CP=&&DataTime=20240601100000;"
                + "a34004-Avg=abc,a34004-Flag=N;a34002-Avg=61,a34002-Flag=Q;a21026-Flag=N;a21004-Avg=24&&");
        String log = good + badCrc.replace("\r\n", "\n") + "\n" + wrongLength + notData + noMn + badTime
                + "garbage line\r\n" + badItems.trim();
        List<Hj212Measurement> accepted = new ArrayList<>();
        List<Hj212Rejection> rejected = new ArrayList<>();
        Hj212Parser.Summary s = parser.parse(new ByteArrayInputStream(log.getBytes(StandardCharsets.US_ASCII)),
                "tongren.log", accepted::add, rejected::add);

        assertEquals(9, s.lines(), "a blank line (3) is counted and skipped; the last has no line end");
        assertEquals(7, accepted.size(), "six from line 1, NO2 from line 9");
        assertEquals(rejected.size(), s.rejections());
        List<String> got = rejected.stream()
                .map(r -> r.line() + ":" + r.reason() + (r.pollutant() == null ? "" : ":" + r.pollutant())).toList();
        assertEquals(List.of("2:CRC_MISMATCH", "4:LENGTH_MISMATCH", "5:UNKNOWN_CN", "6:MISSING_MN",
                "7:BAD_DATA_TIME", "8:BAD_HEADER", "9:NON_NUMERIC_VALUE:a34004", "9:UNKNOWN_FLAG:a34002",
                "9:NO_VALUE:a21026"), got);
        Hj212Rejection crc = rejected.get(0);
        String text = crc.message(Messages.ENGLISH);
        assertTrue(text.startsWith("tongren.log, line 2: CRC mismatch"), text);
        assertEquals(Hj212Crc.of(badCrc.substring(6, badCrc.length() - 6)), crc.cause().args()[0], "expected");
        assertEquals(HOURLY.substring(HOURLY.length() - 6, HOURLY.length() - 2), crc.cause().args()[1], "found");
        assertTrue(rejected.get(1).message(Messages.ENGLISH).contains("0999"));
        assertTrue(rejected.get(4).message(Messages.ENGLISH).contains("20240631090000"));
        assertTrue(rejected.get(6).message(Messages.CHINESE).contains("a34004-Avg=“abc”不是数字"),
                rejected.get(6).message(Messages.CHINESE));
        assertEquals("a34004-Avg=abc,a34004-Flag=N", rejected.get(6).text(), "the rejected items as sent");
        assertEquals(9, accepted.get(6).line());
        assertEquals("a21004", accepted.get(6).pollutant());
    }

    @Test
    void blankLinesGiveNothing() {
        Hj212Parser.LineResult r = parser.parseLine("s", 3, "  \r\n");
        assertTrue(r.measurements().isEmpty() && r.rejections().isEmpty());
        assertNull(Flag.parse("Q"), "the model knows the eight HJ 212 flags only");
    }

    @Test
    void anOverlongLineIsOneRejection() throws IOException {
        String log = "#".repeat(Hj212Parser.MAX_LINE + 50) + "\n" + HOURLY;
        List<Hj212Rejection> rejected = new ArrayList<>();
        List<Hj212Measurement> accepted = new ArrayList<>();
        parser.parse(new ByteArrayInputStream(log.getBytes(StandardCharsets.US_ASCII)), "big", accepted::add,
                rejected::add);
        assertEquals(1, rejected.size());
        assertEquals(Hj212Reason.BAD_HEADER, rejected.get(0).reason());
        assertEquals(6, accepted.size());
        assertEquals(2, accepted.get(0).line());
    }
}
