package org.ecomonitor.io.hj212;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CRC of HJ 212-2017, on the standard's own example. */
class Hj212CrcTest {

    /** The example packet of the standard (src/main/resources/org/ecomonitor/standards/hj212_2017_reference.md). */
    static final String EXAMPLE = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;"
            + "MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";

    static final String EXAMPLE_DATA = EXAMPLE.substring(6, EXAMPLE.length() - 6);

    @Test
    void theStandardsExampleGives1C80() {
        assertEquals(101, EXAMPLE_DATA.getBytes(StandardCharsets.US_ASCII).length, "length 0101");
        assertEquals(0x1C80, Hj212Crc.crc16(EXAMPLE_DATA.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("1C80", Hj212Crc.of(EXAMPLE_DATA));
    }

    @Test
    void theExampleIsTheOneOfTheShippedReference() throws java.io.IOException {
        try (var in = Hj212CrcTest.class.getResourceAsStream("/org/ecomonitor/standards/hj212_2017_reference.md")) {
            String reference = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, reference.contains(EXAMPLE.trim()), "the test vector is quoted from the reference");
        }
    }

    @Test
    void itIsNotModbus() {
        // CRC-16/MODBUS of "123456789" is 4B37; the HJ 212 variant folds bytes in differently
        String check = "123456789";
        int modbus = 0xFFFF;
        for (byte b : check.getBytes(StandardCharsets.US_ASCII)) {
            modbus ^= b & 0xFF;
            for (int i = 0; i < 8; i++) {
                modbus = (modbus & 1) != 0 ? (modbus >> 1) ^ 0xA001 : modbus >> 1;
            }
        }
        assertEquals(0x4B37, modbus);
        assertEquals(false, Hj212Crc.crc16(check.getBytes(StandardCharsets.US_ASCII)) == modbus);
    }

    @Test
    void hexIsFourUpperCaseDigits() {
        assertEquals("00AF", Hj212Crc.hex(0xAF));
        assertEquals("FFFF", Hj212Crc.of(""), "nothing folded in: the initial value");
    }
}
