package org.ecomonitor.io.hj212;

import java.nio.charset.StandardCharsets;

/**
 * The CRC-16 of HJ 212-2017 over a packet's data segment. It is not CRC-16/MODBUS: each byte is folded in as
 * {@code crc = (crc >> 8) ^ b} before the eight shifts with polynomial 0xA001, starting from 0xFFFF; it is written as
 * four upper-case hex digits. The standard's own example packet has CRC 1C80. O(n) in the segment length.
 */
public final class Hj212Crc {

    private Hj212Crc() {
    }

    public static int crc16(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >> 8) ^ (data[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean lsb = (crc & 1) != 0;
                crc >>= 1;
                if (lsb) {
                    crc ^= 0xA001;
                }
            }
        }
        return crc;
    }

    public static int crc16(byte[] data) {
        return crc16(data, 0, data.length);
    }

    /** The four hex digits for a data segment given as text (HJ 212 packets are ASCII; UTF-8 otherwise). */
    public static String of(String dataSegment) {
        return hex(crc16(dataSegment.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code crc} as four upper-case hex digits. */
    public static String hex(int crc) {
        return String.format("%04X", crc & 0xFFFF);
    }
}
