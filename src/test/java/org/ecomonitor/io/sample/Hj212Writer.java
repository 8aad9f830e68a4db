package org.ecomonitor.io.sample;

import org.ecomonitor.model.Flag;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Writes HJ 212-2017 packets for the sample's logs (test scope: the sample writer's helper). */
final class Hj212Writer {

    record Item(String parameter, double value, Flag flag) {
    }

    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Our parameter codes to HJ 212 pollutant codes (src_hg has none in our catalogue and is written as is). */
    private static final Map<String, String> HJ212 = Map.of("src_cod", "w01018", "src_nh3n", "w21003", "src_so2", "a21026",
            "src_nox", "a21002", "src_dust", "a34013");

    private Hj212Writer() {
    }

    static String hourly(String mn, LocalDateTime time, List<Item> items) {
        return packet("22", "2061", mn, time, items, "Avg");
    }

    static String daily(String mn, String st, LocalDateTime time, List<Item> items) {
        return packet(st, "2031", mn, time, items, "Avg");
    }

    private static String packet(String st, String cn, String mn, LocalDateTime time, List<Item> items, String field) {
        StringBuilder cp = new StringBuilder("DataTime=").append(DATA_TIME.format(time));
        for (Item i : items) {
            String code = HJ212.getOrDefault(i.parameter(), i.parameter());
            cp.append(';').append(code).append('-').append(field).append('=').append(TongrenSampleWriter.fmt(i.value()))
                    .append(',').append(code).append("-Flag=").append(i.flag().name());
        }
        String data = "QN=" + QN.format(time) + ";ST=" + st + ";CN=" + cn + ";PW=123456;MN=" + mn + ";Flag=4;CP=&&" + cp + "&&";
        int length = data.getBytes(StandardCharsets.US_ASCII).length;
        return String.format("##%04d%s%04X\r\n", length, data, crc(data.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The CRC of HJ 212-2017 as the standard gives it. */
    static int crc(byte[] data) {
        int crc = 0xFFFF;
        for (byte b : data) {
            crc = (crc >> 8) ^ (b & 0xFF);
            for (int i = 0; i < 8; i++) {
                boolean lsb = (crc & 1) != 0;
                crc >>= 1;
                if (lsb) {
                    crc ^= 0xA001;
                }
            }
        }
        return crc;
    }
}
