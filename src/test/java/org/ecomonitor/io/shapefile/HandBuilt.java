package org.ecomonitor.io.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shapefile and dBASE bytes assembled by hand from the specifications, so reader tests do not depend on the
 * writer under test. Record contents are built field by field; files get correct headers (the bounding box is left
 * zero: readers must not need it).
 */
final class HandBuilt {

    private HandBuilt() {
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] nullShape() {
        return le(4).putInt(0).array();
    }

    static byte[] point(double x, double y) {
        return le(20).putInt(1).putDouble(x).putDouble(y).array();
    }

    /** PointZ with M (36 bytes) or, when {@code m} is null, without it (28 bytes, also met in the wild). */
    static byte[] pointZ(double x, double y, double z, Double m) {
        ByteBuffer b = le(m == null ? 28 : 36).putInt(11).putDouble(x).putDouble(y).putDouble(z);
        if (m != null) {
            b.putDouble(m);
        }
        return b.array();
    }

    static byte[] multiPoint(double... xy) {
        int n = xy.length / 2;
        ByteBuffer b = le(40 + 16 * n).putInt(8).putDouble(0).putDouble(0).putDouble(0).putDouble(0).putInt(n);
        for (double v : xy) {
            b.putDouble(v);
        }
        return b.array();
    }

    /**
     * A PolyLine (3), Polygon (5) or their Z (13, 15) or M (23, 25) variants, one part per array of x,y pairs.
     * Z types get z = 100 + point index; Z and M types get M values 7.
     */
    static byte[] parts(int type, double[]... parts) {
        boolean z = type == 13 || type == 15;
        boolean m = z || type == 23 || type == 25;
        int n = 0;
        for (double[] p : parts) {
            n += p.length / 2;
        }
        int size = 44 + 4 * parts.length + 16 * n + (z ? 16 + 8 * n : 0) + (m ? 16 + 8 * n : 0);
        ByteBuffer b = le(size).putInt(type).putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        b.putInt(parts.length).putInt(n);
        int start = 0;
        for (double[] p : parts) {
            b.putInt(start);
            start += p.length / 2;
        }
        for (double[] p : parts) {
            for (double v : p) {
                b.putDouble(v);
            }
        }
        if (z) {
            b.putDouble(100).putDouble(100 + n - 1);
            for (int i = 0; i < n; i++) {
                b.putDouble(100 + i);
            }
        }
        if (m) {
            b.putDouble(7).putDouble(7);
            for (int i = 0; i < n; i++) {
                b.putDouble(7);
            }
        }
        return b.array();
    }

    /** Writes {@code shp} and, if asked, its .shx, for records with the given contents. */
    static void shapefile(Path shp, int type, List<byte[]> contents, boolean shx) throws IOException {
        int length = 100;
        for (byte[] c : contents) {
            length += 8 + c.length;
        }
        ByteBuffer main = ByteBuffer.allocate(length);
        ByteBuffer index = ByteBuffer.allocate(100 + 8 * contents.size());
        header(main, type, length);
        header(index, type, index.capacity());
        int offset = 100;
        int number = 1;
        for (byte[] c : contents) {
            main.order(ByteOrder.BIG_ENDIAN).putInt(number++).putInt(c.length / 2).put(c);
            index.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(c.length / 2);
            offset += 8 + c.length;
        }
        Files.write(shp, main.array());
        if (shx) {
            Files.write(shp.resolveSibling(SiblingFiles.baseName(shp) + ".shx"), index.array());
        }
    }

    private static void header(ByteBuffer b, int type, int length) {
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(length / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(type);
        for (int i = 0; i < 8; i++) {
            b.putDouble(0);
        }
    }

    /** A field descriptor for {@link #dbf}. */
    record Field(String name, char type, int length, int decimals) {
    }

    /**
     * A dBASE III table: the language driver byte as given, rows as text (numbers right-aligned, the rest left), text
     * encoded with {@code charset}; a row whose first cell is "*" is marked deleted (that cell is not a value).
     */
    static byte[] dbf(int ldid, Charset charset, List<Field> fields, List<String[]> rows) {
        int recordLength = 1;
        for (Field f : fields) {
            recordLength += f.length;
        }
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer b = le(headerLength + recordLength * rows.size() + 1);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1).putInt(rows.size());
        b.putShort((short) headerLength).putShort((short) recordLength);
        b.position(29);
        b.put((byte) ldid);
        b.position(32);
        for (Field f : fields) {
            int at = b.position();
            b.put(f.name.getBytes(charset));
            b.position(at + 11);
            b.put((byte) f.type);
            b.position(at + 16);
            b.put((byte) f.length).put((byte) f.decimals);
            b.position(at + 32);
        }
        b.put((byte) 0x0D);
        for (String[] row : rows) {
            boolean deleted = row.length > fields.size();
            b.put((byte) (deleted ? '*' : ' '));
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                String value = row[i + (deleted ? 1 : 0)];
                byte[] text = value == null ? new byte[0] : value.getBytes(charset);
                byte[] cell = new byte[f.length];
                java.util.Arrays.fill(cell, (byte) ' ');
                boolean right = f.type == 'N' || f.type == 'F';
                System.arraycopy(text, 0, cell, right ? f.length - text.length : 0, text.length);
                b.put(cell);
            }
        }
        b.put((byte) 0x1A);
        return b.array();
    }
}
