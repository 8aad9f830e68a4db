package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.UserException;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a dBASE III/IV table (the .dbf of a shapefile) one record at a time; memory does not grow with the file.
 * <p>
 * Values: C as String (trailing blanks removed, blank as null), N and F as Long (no decimals, at most 18 wide) or
 * Double, L as Boolean, D as LocalDate, I as Long, O and 8-byte B as Double. Memo and other types are left out of
 * {@link #fields()} with a warning. Text is decoded as {@link DbfTextDecoder} describes: the .cpg beside the table,
 * else the language driver byte, else a look at the text itself; {@link #encoding()} says which and why.
 * Blank numbers and dates, and numbers written as all '*' (shapelib's NULL), become null; unreadable ones become
 * null too and are reported in {@link #warnings()}.
 * A table shorter than its header promises fails with a {@link UserException} naming the file and the record.
 */
public final class DbfReader implements Iterator<DbfRecord>, Closeable {

    private static final int SAMPLE_RECORDS = 5000;

    private final Path file;
    private final FileChannel channel;
    private final ChannelWindow window;
    private final WarningLog warnings;
    private final int recordCount;
    private final int headerLength;
    private final int recordLength;
    private final int languageDriver;
    private final LocalDate lastUpdate;
    private final List<RawField> raw;
    private final List<DbfField> fields;
    private final DbfTextDecoder text;
    private final byte[] buffer;
    private int next;

    /** Opens a table, reading its encoding from a .cpg beside it if there is one. */
    public static DbfReader open(Path dbf) {
        return open(dbf, null);
    }

    /** Opens a table with the caller's charset, whatever the file declares (null: as {@link #open(Path)}). */
    public static DbfReader open(Path dbf, Charset charset) {
        return new DbfReader(dbf, charset, new WarningLog());
    }

    DbfReader(Path file, Charset chosen, WarningLog warnings) {
        this.file = file;
        this.warnings = warnings;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new UserException(e, "shp.error.notFound", file);
        } catch (IOException e) {
            throw new UserException(e, "shp.error.io", file, e.getMessage());
        }
        try {
            window = new ChannelWindow(channel);
            ByteBuffer h = window.read(0, 32, ByteOrder.LITTLE_ENDIAN);
            if (h == null) {
                throw new UserException("dbf.error.notDbf", file, window.size());
            }
            int version = h.get(0) & 0xFF;
            if ((version & 0x07) == 0x04) {
                throw new UserException("dbf.error.dbase7", file, String.format("0x%02X", version));
            }
            lastUpdate = date(1900 + (h.get(1) & 0xFF), h.get(2), h.get(3));
            long count = Integer.toUnsignedLong(h.getInt(4));
            headerLength = h.getShort(8) & 0xFFFF;
            recordLength = h.getShort(10) & 0xFFFF;
            languageDriver = h.get(29) & 0xFF;
            if (count > Integer.MAX_VALUE || headerLength < 33 || recordLength < 1 || headerLength > window.size()) {
                throw new UserException("dbf.error.badHeader", file, count, headerLength, recordLength,
                        window.size());
            }
            recordCount = (int) count;
            raw = readDescriptors();
            buffer = new byte[recordLength];
            DbfEncoding encoding = chosen != null
                    ? new DbfEncoding(chosen, DbfEncoding.Source.CHOSEN, null)
                    : chooseEncoding();
            text = new DbfTextDecoder(encoding, file, warnings);
            fields = nameFields();
        } catch (IOException e) {
            closeQuietly();
            throw new UserException(e, "shp.error.io", file, e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private List<RawField> readDescriptors() throws IOException {
        List<RawField> list = new ArrayList<>();
        int offset = 1;
        for (int at = 32; at + 32 <= headerLength; at += 32) {
            ByteBuffer d = window.read(at, 32, ByteOrder.LITTLE_ENDIAN);
            if (d.get(0) == 0x0D) {
                break;
            }
            byte[] name = new byte[11];
            d.get(0, name);
            int nameLength = 0;
            while (nameLength < 11 && name[nameLength] != 0) {
                nameLength++;
            }
            char type = (char) (d.get(11) & 0xFF);
            int length = d.get(16) & 0xFF;
            int decimals = d.get(17) & 0xFF;
            if (Character.toUpperCase(type) == 'C') {
                length += 256 * decimals; // FoxPro and shapelib: long text fields keep the high byte in "decimals"
                decimals = 0;
            }
            list.add(new RawField(Arrays.copyOf(name, nameLength), type, length, decimals, offset));
            offset += length;
        }
        if (offset > recordLength) {
            throw new UserException("dbf.error.fieldsTooWide", file, offset, recordLength);
        }
        return list;
    }

    private DbfEncoding chooseEncoding() throws IOException {
        String cpgText = null;
        Path cpg = SiblingFiles.find(file, "cpg");
        if (cpg != null) {
            cpgText = new String(Files.readAllBytes(cpg), StandardCharsets.ISO_8859_1);
        }
        DbfTextDecoder.Sample sample = new DbfTextDecoder.Sample();
        for (RawField f : raw) {
            sample.add(f.name, 0, f.name.length);
        }
        int n = Math.min(recordCount, SAMPLE_RECORDS);
        for (int r = 0; r < n && !sample.isFull(); r++) {
            ByteBuffer b = window.read(headerLength + (long) r * recordLength, recordLength, ByteOrder.LITTLE_ENDIAN);
            if (b == null) {
                break; // a truncated table is reported when the record is read
            }
            b.get(0, buffer);
            for (RawField f : raw) {
                if (Character.toUpperCase(f.type) == 'C') {
                    sample.add(buffer, f.offset, trimmedLength(buffer, f.offset, f.length));
                }
            }
        }
        Charset declared = cpgText == null ? null : DbfCodePage.fromCpg(cpgText);
        return DbfTextDecoder.choose(declared, cpgText, languageDriver, sample, file, warnings);
    }

    private List<DbfField> nameFields() {
        List<DbfField> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RawField f : raw) {
            String name = text.decode(f.name, 0, f.name.length, 0, "").trim();
            if (name.isEmpty()) {
                name = "FIELD" + (raw.indexOf(f) + 1);
            }
            String unique = name;
            for (int i = 2; !seen.add(unique.toUpperCase(Locale.ROOT)); i++) {
                unique = name + "_" + i;
            }
            if (!unique.equals(name)) {
                warnings.add("dbf.warn.duplicateField", file, name, unique);
            }
            DbfField field = f.length < 1 ? null : new DbfField(unique, f.type, f.length, f.decimals);
            if (field == null || field.attributeType() == null) {
                warnings.add("dbf.warn.fieldNotRead", file, unique, String.valueOf(f.type));
            } else {
                f.field = field;
                list.add(field);
            }
        }
        return List.copyOf(list);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The fields whose values are read, in table order. */
    public List<DbfField> fields() {
        return fields;
    }

    /** The number of records the header declares, deleted ones included. */
    public int recordCount() {
        return recordCount;
    }

    /** The charset used for text now and why (it changes if the text proves the first choice wrong). */
    public DbfEncoding encoding() {
        return text.encoding();
    }

    /** The language driver byte (header byte 29). */
    public int languageDriver() {
        return languageDriver;
    }

    /** The date of the last update from the header, or null when it is not a valid date. */
    public LocalDate lastUpdate() {
        return lastUpdate;
    }

    /** What was repaired, guessed or skipped so far. */
    public List<ShapefileWarning> warnings() {
        return warnings.list();
    }

    @Override
    public boolean hasNext() {
        return next < recordCount;
    }

    @Override
    public DbfRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int number = ++next;
        ByteBuffer b;
        try {
            b = window.read(headerLength + (long) (number - 1) * recordLength, recordLength, ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UserException(e, "shp.error.io", file, e.getMessage());
        }
        if (b == null || (b.get(0) == 0x1A && number <= recordCount)) {
            throw new UserException("dbf.error.truncated", file, number, recordCount, window.size());
        }
        b.get(0, buffer);
        Map<String, Object> values = new LinkedHashMap<>();
        for (RawField f : raw) {
            if (f.field != null) {
                values.put(f.field.name(), value(f, number));
            }
        }
        return new DbfRecord(number, buffer[0] == '*', Collections.unmodifiableMap(values));
    }

    private Object value(RawField f, int record) {
        DbfField field = f.field;
        switch (Character.toUpperCase(field.type())) {
            case 'I':
                return (long) ByteBuffer.wrap(buffer, f.offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            case 'O', 'B':
                return ByteBuffer.wrap(buffer, f.offset, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
            default:
                break;
        }
        int length = trimmedLength(buffer, f.offset, f.length);
        int start = f.offset;
        if (field.attributeType() != AttributeType.TEXT) {
            while (start < f.offset + length && (buffer[start] == ' ' || buffer[start] == 0)) {
                start++;
            }
        }
        int end = f.offset + length;
        if (start == end) {
            return null;
        }
        if (field.attributeType() == AttributeType.TEXT) {
            return text.decode(buffer, start, end - start, record, field.name());
        }
        String s = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        return switch (field.attributeType()) {
            case INTEGER -> integer(s, record, field);
            case REAL -> real(s, record, field);
            case LOGICAL -> logical(s);
            case DATE -> date(s, record, field);
            case TEXT -> throw new IllegalStateException();
        };
    }

    private Long integer(String s, int record, DbfField field) {
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            Double d = real(s, record, field);
            if (d == null) {
                return null;
            }
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                return d.longValue();
            }
            warnings.add("dbf.warn.notInteger", file, record, field.name(), s);
            return null;
        }
    }

    private Double real(String s, int record, DbfField field) {
        String t = s.indexOf('.') < 0 ? s.replace(',', '.') : s;
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        if (!t.chars().allMatch(c -> c == '*')) { // all '*': NULL for shapelib and pyshp
            warnings.add("dbf.warn.badNumber", file, record, field.name(), s);
        }
        return null;
    }

    private static Boolean logical(String s) {
        return switch (Character.toUpperCase(s.charAt(0))) {
            case 'T', 'Y' -> Boolean.TRUE;
            case 'F', 'N' -> Boolean.FALSE;
            default -> null; // '?' is dBASE's "not initialised"
        };
    }

    private LocalDate date(String s, int record, DbfField field) {
        if (s.matches("0+")) {
            return null;
        }
        LocalDate d = null;
        if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
            d = date(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        }
        if (d == null) {
            warnings.add("dbf.warn.badDate", file, record, field.name(), s);
        }
        return d;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The length without trailing blanks and NULs. */
    private static int trimmedLength(byte[] b, int offset, int length) {
        int n = length;
        while (n > 0 && (b[offset + n - 1] == ' ' || b[offset + n - 1] == 0)) {
            n--;
        }
        return n;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the first failure is the one to report
        }
    }

    /** A descriptor as stored, its name still bytes until the charset is known. */
    private static final class RawField {
        final byte[] name;
        final char type;
        final int length;
        final int decimals;
        final int offset;
        DbfField field;

        RawField(byte[] name, char type, int length, int decimals, int offset) {
            this.name = name;
            this.type = type;
            this.length = length;
            this.decimals = decimals;
            this.offset = offset;
        }
    }
}
