package org.ecomonitor.io.hj212;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.ecomonitor.io.hj212.Hj212CrcTest.EXAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Packet structure of HJ 212-2017: header, length, data segment, CRC. */
class Hj212PacketTest {

    @Test
    void parsesTheStandardsExample() {
        Hj212Packet p = Hj212Packet.parse(EXAMPLE);
        assertEquals("20160801085857223", p.qn());
        assertEquals("32", p.st());
        assertEquals("1062", p.cn());
        assertEquals("100000", p.pw());
        assertEquals("010000A8900016F000169DC0", p.mn());
        assertEquals("5", p.flag());
        assertEquals("RtdInterval=30", p.cp());
        assertEquals(List.of(Map.of("RtdInterval", "30")), p.cpGroups());
        assertEquals(List.of("QN", "ST", "CN", "PW", "MN", "Flag"), List.copyOf(p.fields().keySet()));
    }

    @Test
    void buildsTheStandardsExampleByteForByte() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("QN", "20160801085857223");
        fields.put("ST", "32");
        fields.put("CN", "1062");
        fields.put("PW", "100000");
        fields.put("MN", "010000A8900016F000169DC0");
        fields.put("Flag", "5");
        assertEquals(EXAMPLE, Hj212Packet.of(fields, "RtdInterval=30").format());
    }

    @Test
    void lineEndingsAndLowerCaseCrcAreTolerated() {
        String bare = EXAMPLE.trim();
        assertEquals("1062", Hj212Packet.parse(bare).cn());
        assertEquals("1062", Hj212Packet.parse(bare + "\n").cn());
        assertEquals("1062", Hj212Packet.parse(bare.replace("1C80", "1c80")).cn());
    }

    @Test
    void aLineThatIsNoPacketHasABadHeader() {
        for (String line : List.of("QN=20160801085857223;ST=32", "##01x1QN=1;CP=&&&&FFFF", "##01", "")) {
            Hj212FormatException e = assertThrows(Hj212FormatException.class, () -> Hj212Packet.parse(line), line);
            assertEquals(Hj212Reason.BAD_HEADER, e.reason(), line);
        }
    }

    @Test
    void aWrongLengthSaysBothLengths() {
        Hj212FormatException e = assertThrows(Hj212FormatException.class,
                () -> Hj212Packet.parse(EXAMPLE.replace("##0101", "##0100")));
        assertEquals(Hj212Reason.LENGTH_MISMATCH, e.reason());
        assertEquals("0100", e.args()[0]);
        assertEquals(101, e.args()[1]);
        Hj212FormatException cut = assertThrows(Hj212FormatException.class,
                () -> Hj212Packet.parse(EXAMPLE.replace("PW=100000;", "PW=1000;")));
        assertEquals(Hj212Reason.LENGTH_MISMATCH, cut.reason());
        assertEquals(99, cut.args()[1]);
    }

    @Test
    void aWrongCrcSaysExpectedAndFound() {
        Hj212FormatException e = assertThrows(Hj212FormatException.class,
                () -> Hj212Packet.parse(EXAMPLE.replace("1C80", "1C81")));
        assertEquals(Hj212Reason.CRC_MISMATCH, e.reason());
        assertEquals("1C80", e.args()[0], "expected");
        assertEquals("1C81", e.args()[1], "found");
        Hj212FormatException flipped = assertThrows(Hj212FormatException.class,
                () -> Hj212Packet.parse(EXAMPLE.replace("ST=32", "ST=33")));
        assertEquals(Hj212Reason.CRC_MISMATCH, flipped.reason(), "one changed byte, same length");
    }

    @Test
    void aDataSegmentWithoutCpIsRejected() {
        String data = "QN=1;ST=22;CN=2061;MN=1";
        String line = "##" + String.format("%04d", data.length()) + data + Hj212Crc.of(data);
        assertEquals(Hj212Reason.BAD_DATA_SEGMENT,
                assertThrows(Hj212FormatException.class, () -> Hj212Packet.parse(line)).reason());
    }

    @Test
    void cpGroupsAndItems() {
        Hj212Packet p = Hj212Packet.of(Map.of("CN", "2011"),
                "DataTime=20240601090000;a34004-Rtd=35.2,a34004-Flag=N;a21026-Rtd=8,a21026-Flag=N");
        List<Map<String, String>> groups = p.cpGroups();
        assertEquals(3, groups.size());
        assertEquals("20240601090000", groups.get(0).get("DataTime"));
        assertEquals(List.of("a34004-Rtd", "a34004-Flag"), List.copyOf(groups.get(1).keySet()));
        assertEquals("8", groups.get(2).get("a21026-Rtd"));
        assertEquals(p, Hj212Packet.parse(p.format()), "what is built parses back");
    }
}
