package org.ecomonitor.io.hj212;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HJ 212-2017 packet: {@code ##}, the data segment's length in bytes as four decimal digits, the data segment,
 * its CRC ({@link Hj212Crc}) as four hex digits, CR LF. The data segment is {@code key=value;} fields (QN, ST, CN, PW,
 * MN, Flag, PNUM, PNO ...) followed by {@code CP=&&...&&}, the command parameters: groups separated by {@code ;},
 * items inside a group by {@code ,}, each item {@code key=value}.
 * <p>
 * {@link #parse} checks the header, the length and the CRC, in that order, and throws a
 * {@link Hj212FormatException} saying which failed and with what numbers. Length and CRC are computed on the bytes
 * as received; the fields are ASCII by the standard (a data segment that is not valid UTF-8 is kept one character per
 * byte). {@link #format} writes UTF-8. Immutable.
 */
public final class Hj212Packet {

    private static final String CP_START = "CP=&&";
    private static final String CP_END = "&&";

    private final String dataSegment;
    private final Map<String, String> fields;
    private final String cp;

    private Hj212Packet(String dataSegment, Map<String, String> fields, String cp) {
        this.dataSegment = dataSegment;
        this.fields = Collections.unmodifiableMap(fields);
        this.cp = cp;
    }

    /** Parses one packet; surrounding blanks and the final CR LF (or LF) are ignored. */
    public static Hj212Packet parse(String packet) {
        byte[] b = packet.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    /** Parses one packet from bytes as received; surrounding blanks, a UTF-8 BOM and CR LF are ignored. */
    public static Hj212Packet parse(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        if (end - start >= 3 && (bytes[start] & 0xFF) == 0xEF && (bytes[start + 1] & 0xFF) == 0xBB
                && (bytes[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        while (start < end && isBlank(bytes[start])) {
            start++;
        }
        while (end > start && isBlank(bytes[end - 1])) {
            end--;
        }
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        if (text.length() < 10 || !text.startsWith("##") || !isDigits(text.substring(2, 6))) {
            throw new Hj212FormatException(Hj212Reason.BAD_HEADER, abbreviate(text));
        }
        int declared = Integer.parseInt(text.substring(2, 6));
        int actual = text.length() - 10;
        if (declared != actual) {
            throw new Hj212FormatException(Hj212Reason.LENGTH_MISMATCH, text.substring(2, 6), actual);
        }
        String found = text.substring(text.length() - 4);
        String expected = Hj212Crc.hex(Hj212Crc.crc16(bytes, start + 6, actual));
        if (!expected.equalsIgnoreCase(found)) {
            throw new Hj212FormatException(Hj212Reason.CRC_MISMATCH, expected, found);
        }
        return ofDataSegment(decode(bytes, start + 6, actual));
    }

    /** UTF-8 when the bytes are valid UTF-8 (always so for ASCII), else one character per byte. */
    private static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Parses a data segment (without header and CRC). */
    static Hj212Packet ofDataSegment(String segment) {
        int cpAt = segment.indexOf(CP_START);
        if (cpAt < 0 || !segment.endsWith(CP_END) || segment.length() < cpAt + CP_START.length() + CP_END.length()) {
            throw new Hj212FormatException(Hj212Reason.BAD_DATA_SEGMENT, "CP=&&...&&");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : segment.substring(0, cpAt).split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new Hj212FormatException(Hj212Reason.BAD_DATA_SEGMENT, part);
            }
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String cp = segment.substring(cpAt + CP_START.length(), segment.length() - CP_END.length());
        return new Hj212Packet(segment, fields, cp);
    }

    /**
     * Builds a packet from its fields in order (QN, ST, CN, PW, MN, Flag ...) and the text that goes between
     * {@code CP=&&} and {@code &&}.
     */
    public static Hj212Packet of(Map<String, String> fields, String cp) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getKey().isEmpty() || f.getKey().contains("=") || f.getKey().contains(";")
                    || f.getValue().contains(";")) {
                throw new IllegalArgumentException("field " + f.getKey() + "=" + f.getValue());
            }
            b.append(f.getKey()).append('=').append(f.getValue()).append(';');
        }
        b.append(CP_START).append(cp).append(CP_END);
        String segment = b.toString();
        if (segment.getBytes(StandardCharsets.UTF_8).length > 9999) {
            throw new IllegalArgumentException("data segment longer than 9999 bytes: split the packet (PNUM/PNO)");
        }
        return new Hj212Packet(segment, new LinkedHashMap<>(fields), cp);
    }

    /** The packet as sent: header, data segment, CRC and CR LF. */
    public String format() {
        int length = dataSegment.getBytes(StandardCharsets.UTF_8).length;
        return "##" + String.format("%04d", length) + dataSegment + Hj212Crc.of(dataSegment) + "\r\n";
    }

    public String dataSegment() {
        return dataSegment;
    }

    /** The fields before CP, in packet order. */
    public Map<String, String> fields() {
        return fields;
    }

    /** A field's value, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    public String qn() {
        return field("QN");
    }

    public String st() {
        return field("ST");
    }

    public String cn() {
        return field("CN");
    }

    public String pw() {
        return field("PW");
    }

    public String mn() {
        return field("MN");
    }

    public String flag() {
        return field("Flag");
    }

    public String pnum() {
        return field("PNUM");
    }

    public String pno() {
        return field("PNO");
    }

    /** The text between {@code CP=&&} and {@code &&}. */
    public String cp() {
        return cp;
    }

    /** The CP's groups (split at ';'), each an ordered map of its items (split at ','; "key=value"). */
    public List<Map<String, String>> cpGroups() {
        List<Map<String, String>> groups = new ArrayList<>();
        for (String group : cp.split(";")) {
            if (group.isEmpty()) {
                continue;
            }
            Map<String, String> items = new LinkedHashMap<>();
            for (String item : group.split(",")) {
                if (item.isEmpty()) {
                    continue;
                }
                int eq = item.indexOf('=');
                if (eq < 0) {
                    items.put(item, "");
                } else {
                    items.put(item.substring(0, eq), item.substring(eq + 1));
                }
            }
            groups.add(Collections.unmodifiableMap(items));
        }
        return Collections.unmodifiableList(groups);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hj212Packet p && p.dataSegment.equals(dataSegment);
    }

    @Override
    public int hashCode() {
        return dataSegment.hashCode();
    }

    @Override
    public String toString() {
        return format().trim();
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0;
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
