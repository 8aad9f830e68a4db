package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.UserException;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a dBASE III table record by record. Field types C, N, F, L and D; values as {@link AttributeType} lists
 * them (any Number for N and F, any object's text for C); null is written blank ('?' for L). The language driver
 * byte says GBK (0x4D) for Chinese code pages and nothing (0x00) otherwise, leaving the encoding to the .cpg.
 * <p>
 * Numbers are written with the field's decimals, or with fewer or in exponent form when the integer part needs the
 * room and no digit of the double is lost. Nothing is cut: a text wider than its field, a character the charset
 * cannot encode, or a number that does not fit fails with a {@link UserException} naming file, record and field. {@link #close()} completes the
 * header (record count) and the end-of-file mark.
 */
public final class DbfWriter implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final List<DbfField> fields;
    private final Charset charset;
    private final CharsetEncoder encoder;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final byte[] record;
    private final int headerLength;
    private int count;
    private boolean closed;

    /** Creates (or replaces) {@code dbf} with the given fields; names must be unique and at most 10 bytes. */
    public static DbfWriter create(Path dbf, List<DbfField> fields, Charset charset) {
        return new DbfWriter(dbf, fields, charset);
    }

    private DbfWriter(Path file, List<DbfField> fields, Charset charset) {
        this.file = file;
        this.fields = List.copyOf(fields);
        this.charset = charset;
        this.encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        check(this.fields, charset);
        int length = 1;
        for (DbfField f : this.fields) {
            length += f.length();
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("records of " + length + " bytes exceed the dBASE limit of 65535");
        }
        record = new byte[length];
        headerLength = 32 + 32 * this.fields.size() + 1;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            buffer.put(header());
        } catch (IOException e) {
            throw new UserException(e, "shp.error.write", file, e.getMessage());
        }
    }

    private static void check(List<DbfField> fields, Charset charset) {
        Set<String> names = new HashSet<>();
        for (DbfField f : fields) {
            int bytes = f.name().getBytes(charset).length;
            if (bytes > DbfFieldNames.MAX_BYTES || !names.add(f.name().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("field name '" + f.name() + "' is longer than 10 bytes or repeated");
            }
            boolean ok = switch (f.type()) {
                case 'C' -> f.length() <= AttributeColumn.MAX_TEXT_WIDTH;
                case 'N', 'F' -> f.length() <= AttributeColumn.MAX_TEXT_WIDTH && f.decimalCount() <= 15
                        && (f.decimalCount() == 0 || f.decimalCount() <= f.length() - 2);
                case 'L' -> f.length() == 1;
                case 'D' -> f.length() == 8;
                default -> false;
            };
            if (!ok) {
                throw new IllegalArgumentException("cannot write field " + f);
            }
        }
    }

    private ByteBuffer header() {
        ByteBuffer h = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        h.put((byte) 0x03);
        h.put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth());
        h.putInt(count);
        h.putShort((short) headerLength);
        h.putShort((short) record.length);
        h.position(29);
        h.put((byte) DbfCodePage.languageDriverFor(charset));
        h.position(32);
        for (DbfField f : fields) {
            int at = h.position();
            h.put(f.name().getBytes(charset));
            h.position(at + 11);
            h.put((byte) f.type());
            h.position(at + 16);
            h.put((byte) f.length());
            h.put((byte) f.decimalCount());
            h.position(at + 32);
        }
        h.put((byte) 0x0D);
        return h.flip();
    }

    public List<DbfField> fields() {
        return fields;
    }

    /** Records written so far. */
    public int recordCount() {
        return count;
    }

    /** Appends a record; {@code values} in field order, null for blank. */
    public void write(List<?> values) {
        if (values.size() != fields.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + fields.size() + " fields");
        }
        int number = count + 1;
        Arrays.fill(record, (byte) ' ');
        int at = 1;
        for (int i = 0; i < fields.size(); i++) {
            DbfField f = fields.get(i);
            byte[] bytes = format(f, values.get(i), number);
            if (bytes.length > f.length()) {
                throw new UserException("dbf.error.valueTooLong", file, number, f.name(), bytes.length, f.length());
            }
            int pad = f.type() == 'C' || f.type() == 'L' || f.type() == 'D' ? 0 : f.length() - bytes.length;
            System.arraycopy(bytes, 0, record, at + pad, bytes.length);
            at += f.length();
        }
        put(record);
        count++;
    }

    private byte[] format(DbfField f, Object value, int number) {
        if (value == null) {
            return f.type() == 'L' ? new byte[] {'?'} : new byte[0];
        }
        String text = switch (f.type()) {
            case 'C' -> value.toString();
            case 'N', 'F' -> {
                String n = number(f, value, number);
                if (n == null) {
                    throw new UserException("dbf.error.numberTooWide", file, number, f.name(), value.toString(),
                            f.length());
                }
                yield n;
            }
            case 'L' -> ((Boolean) logical(f, value)) ? "T" : "F";
            case 'D' -> date(f, value);
            default -> throw new IllegalStateException();
        };
        if (f.type() != 'C') {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        try {
            ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new UserException(e, "dbf.error.unmappable", file, number, f.name(), charset.name());
        }
    }

    private String number(DbfField f, Object value, int number) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("field " + f.name() + " takes numbers, not " + value.getClass());
        }
        BigDecimal exact;
        boolean integral = n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
        if (integral && f.decimalCount() == 0) {
            String s = Long.toString(n.longValue());
            return s.length() <= f.length() ? s : null;
        } else if (integral) {
            exact = BigDecimal.valueOf(n.longValue());
        } else if (n instanceof BigInteger bi) {
            exact = new BigDecimal(bi);
        } else if (n instanceof BigDecimal bd) {
            exact = bd;
        } else {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return "";
            }
            exact = BigDecimal.valueOf(d);
        }
        if (f.decimalCount() == 0 && exact.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("field " + f.name() + " takes whole numbers, not " + value);
        }
        String plain = exact.setScale(f.decimalCount(), RoundingMode.HALF_EVEN).toPlainString();
        if (plain.length() <= f.length()) {
            return plain;
        }
        if (f.decimalCount() > 0) {
            // fewer decimals, then exponent form, as long as the double read back is the value as declared
            double target = Double.parseDouble(plain);
            for (int decimals = f.decimalCount() - 1; decimals >= 0; decimals--) {
                String s = exact.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
                if (s.length() <= f.length()) {
                    return keep(s, target);
                }
            }
            for (int digits = f.length() - 7; digits >= 1; digits--) {
                String s = String.format(Locale.ROOT, "%." + digits + "E", exact);
                if (s.length() <= f.length()) {
                    return keep(s, target);
                }
            }
        }
        return null;
    }

    /** {@code s} when it reads back as {@code target} (to a unit in the last place), else null. */
    private static String keep(String s, double target) {
        return Math.abs(Double.parseDouble(s) - target) <= Math.ulp(target) ? s : null;
    }

    private static Object logical(DbfField f, Object value) {
        if (!(value instanceof Boolean)) {
            throw new IllegalArgumentException("field " + f.name() + " takes Boolean, not " + value.getClass());
        }
        return value;
    }

    private static String date(DbfField f, Object value) {
        if (!(value instanceof LocalDate d) || d.getYear() < 0 || d.getYear() > 9999) {
            throw new IllegalArgumentException("field " + f.name() + " takes LocalDate (years 0-9999), not " + value);
        }
        return String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private void put(byte[] bytes) {
        try {
            if (buffer.remaining() < bytes.length) {
                flush();
            }
            if (bytes.length > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(bytes));
            } else {
                buffer.put(bytes);
            }
        } catch (IOException e) {
            throw new UserException(e, "shp.error.write", file, e.getMessage());
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Writes the end-of-file mark and the final record count, and closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            put(new byte[] {0x1A});
            flush();
            ByteBuffer h = header();
            while (h.hasRemaining()) {
                channel.write(h, h.position());
            }
        } catch (IOException e) {
            throw new UserException(e, "shp.error.write", file, e.getMessage());
        }
    }
}
