package org.ecomonitor.io.hj212;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Progress;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns HJ 212-2017 packets, one per line (CR LF or LF), into {@link Hj212Measurement}s: per packet the MN, and per
 * pollutant the DataTime (local Beijing time), the value of the data kind (Rtd for CN 2011, Avg for 2051, 2061 and
 * 2031), Min, Max, Cou and the data flag (N, F, M, S, D, C, T, B; N when absent).
 * <p>
 * Nothing is dropped silently: every line that is not read gives an {@link Hj212Rejection} with its reason (bad
 * header, length mismatch, CRC mismatch with expected and found values, a CN without monitoring data, missing MN,
 * bad or missing DataTime); a pollutant with a non-numeric value, an unknown flag or no value at all is rejected on
 * its own while the packet's other pollutants are read. Blank lines are skipped. Streaming: memory does not grow with
 * the input. Stateless and thread-safe.
 */
public final class Hj212Parser {

    /** HJ 212 times are Beijing time. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Lines longer than this cannot be packets (four length digits: at most 9999 bytes of data). */
    static final int MAX_LINE = 10_010;

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** What one line gave. */
    public record LineResult(List<Hj212Measurement> measurements, List<Hj212Rejection> rejections) {
    }

    /** Counts of a whole input: lines read (blank ones included), measurements read, rejections made. */
    public record Summary(int lines, int measurements, int rejections) {
    }

    /** Reads one line (a packet with or without its CR LF); a blank line gives nothing. */
    public LineResult parseLine(String source, int line, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseLine(source, line, b, 0, b.length);
    }

    /** Reads one line from its bytes as received. */
    public LineResult parseLine(String source, int line, byte[] bytes, int offset, int length) {
        List<Hj212Measurement> accepted = new ArrayList<>();
        List<Hj212Rejection> rejected = new ArrayList<>();
        if (isBlank(bytes, offset, length)) {
            return new LineResult(accepted, rejected);
        }
        try {
            Hj212Packet packet = Hj212Packet.parse(bytes, offset, length);
            accepted.addAll(measurements(packet, source, line, rejected::add));
        } catch (Hj212FormatException e) {
            rejected.add(new Hj212Rejection(source, line, null, e, start(bytes, offset, length)));
        }
        return new LineResult(accepted, rejected);
    }

    /**
     * The measurements of a packet; pollutants that cannot be read go to {@code rejected}.
     *
     * @throws Hj212FormatException when the packet as a whole cannot be read (MN, CN, DataTime)
     */
    public List<Hj212Measurement> measurements(Hj212Packet packet, String source, int line,
                                               Consumer<Hj212Rejection> rejected) {
        String mn = packet.mn();
        if (mn == null || mn.isBlank()) {
            throw new Hj212FormatException(Hj212Reason.MISSING_MN);
        }
        Hj212DataKind kind = Hj212DataKind.ofCn(packet.cn());
        if (kind == null) {
            throw new Hj212FormatException(Hj212Reason.UNKNOWN_CN, String.valueOf(packet.cn()));
        }
        String dataTimeText = null;
        Map<String, Map<String, String>> byPollutant = new LinkedHashMap<>();
        for (Map<String, String> group : packet.cpGroups()) {
            for (Map.Entry<String, String> item : group.entrySet()) {
                String key = item.getKey();
                int dash = key.indexOf('-');
                if (key.equals("DataTime")) {
                    dataTimeText = item.getValue();
                } else if (dash > 0) {
                    byPollutant.computeIfAbsent(key.substring(0, dash), k -> new LinkedHashMap<>())
                            .put(key.substring(dash + 1), item.getValue());
                }
            }
        }
        LocalDateTime dataTime = dataTime(dataTimeText);
        List<Hj212Measurement> result = new ArrayList<>(byPollutant.size());
        for (Map.Entry<String, Map<String, String>> p : byPollutant.entrySet()) {
            try {
                result.add(measurement(packet, kind, p.getKey(), p.getValue(), dataTime, line));
            } catch (Hj212FormatException e) {
                rejected.accept(new Hj212Rejection(source, line, p.getKey(), e, items(p.getKey(), p.getValue())));
            }
        }
        return result;
    }

    private static Hj212Measurement measurement(Hj212Packet packet, Hj212DataKind kind, String pollutant,
                                                Map<String, String> fields, LocalDateTime dataTime, int line) {
        double value = number(pollutant, kind.valueField(), fields);
        double min = number(pollutant, "Min", fields);
        double max = number(pollutant, "Max", fields);
        double cou = number(pollutant, "Cou", fields);
        if (Double.isNaN(value) && Double.isNaN(min) && Double.isNaN(max) && Double.isNaN(cou)) {
            throw new Hj212FormatException(Hj212Reason.NO_VALUE, pollutant, kind.valueField());
        }
        String flagText = fields.get("Flag");
        Flag flag = Flag.parse(flagText);
        if (flag == null) {
            throw new Hj212FormatException(Hj212Reason.UNKNOWN_FLAG, pollutant, flagText);
        }
        return new Hj212Measurement(packet.mn(), packet.st(), kind, pollutant, dataTime, value, min, max, cou, flag,
                fields, line);
    }

    /** The field as a number; NaN when absent or empty. */
    private static double number(String pollutant, String field, Map<String, String> fields) {
        String text = fields.get(field);
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) {
            throw new Hj212FormatException(Hj212Reason.NON_NUMERIC_VALUE, pollutant, field, text);
        }
        return Double.parseDouble(t);
    }

    private static LocalDateTime dataTime(String text) {
        if (text == null) {
            throw new Hj212FormatException(Hj212Reason.BAD_DATA_TIME, "");
        }
        try {
            return LocalDateTime.parse(text.trim(), DATA_TIME);
        } catch (DateTimeParseException e) {
            throw new Hj212FormatException(Hj212Reason.BAD_DATA_TIME, text);
        }
    }

    /**
     * Reads every line of a stream, handing each measurement and each rejection over as it comes.
     *
     * @param source the name to give in rejections (the file name, say)
     */
    public Summary parse(InputStream in, String source, Consumer<Hj212Measurement> accepted,
                         Consumer<Hj212Rejection> rejected) throws IOException {
        return parse(in, source, accepted, rejected, Progress.NONE);
    }

    /** As {@link #parse(InputStream, String, Consumer, Consumer)}, reporting bytes read and honouring cancel. */
    public Summary parse(InputStream in, String source, Consumer<Hj212Measurement> accepted,
                         Consumer<Hj212Rejection> rejected, Progress progress) throws IOException {
        InputStream input = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int lines = 0;
        int measurements = 0;
        int rejections = 0;
        long read = 0;
        boolean tooLong = false;
        for (int c = input.read(); ; c = input.read()) {
            if (c >= 0) {
                read++;
            }
            if (c == '\n' || (c < 0 && (line.size() > 0 || tooLong))) {
                lines++;
                LineResult r;
                if (tooLong) {
                    Hj212FormatException e = new Hj212FormatException(Hj212Reason.BAD_HEADER,
                            new String(line.toByteArray(), 0, Math.min(40, line.size()), StandardCharsets.ISO_8859_1)
                                    + "...");
                    r = new LineResult(List.of(), List.of(new Hj212Rejection(source, lines, null, e, "")));
                } else {
                    byte[] b = line.toByteArray();
                    r = parseLine(source, lines, b, 0, b.length);
                }
                r.measurements().forEach(accepted);
                r.rejections().forEach(rejected);
                measurements += r.measurements().size();
                rejections += r.rejections().size();
                line.reset();
                tooLong = false;
                if (lines % 1000 == 0) {
                    progress.update(read);
                    progress.checkCancelled();
                }
            } else if (c >= 0) {
                if (line.size() < MAX_LINE) {
                    line.write(c);
                } else {
                    tooLong = true;
                }
            }
            if (c < 0) {
                break;
            }
        }
        progress.update(read);
        return new Summary(lines, measurements, rejections);
    }

    /** Reads a file of packets, one per line. */
    public Summary parse(Path file, Consumer<Hj212Measurement> accepted, Consumer<Hj212Rejection> rejected,
                         Progress progress) {
        try (InputStream in = Files.newInputStream(file)) {
            progress.start(file.getFileName().toString(), Files.size(file));
            return parse(in, file.getFileName().toString(), accepted, rejected, progress);
        } catch (NoSuchFileException e) {
            throw new UserException(e, "hj212.error.notFound", file);
        } catch (IOException e) {
            throw new UserException(e, "hj212.error.io", file, e.getMessage());
        }
    }

    /** The pollutant's items as sent: "a34004-Avg=35.2,a34004-Flag=N". */
    private static String items(String pollutant, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            b.append(b.isEmpty() ? "" : ",").append(pollutant).append('-').append(f.getKey()).append('=')
                    .append(f.getValue());
        }
        return b.toString();
    }

    private static boolean isBlank(byte[] b, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String start(byte[] b, int offset, int length) {
        String s = new String(b, offset, Math.min(length, 200), StandardCharsets.ISO_8859_1).trim();
        return length > 200 ? s + "..." : s;
    }
}
