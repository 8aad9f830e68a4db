package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.UserException;
import org.locationtech.jts.geom.Geometry;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an ESRI shapefile (.shp, .shx, .dbf, .cpg and, when the CRS has a WKT, .prj) feature by feature, in
 * constant memory. The .dbf is UTF-8 with a .cpg saying "UTF-8" unless another charset is asked for. Column names
 * become unique DBF field names of at most 10 bytes ({@link #fieldNames()}; renamings are also warnings).
 * <p>
 * Files are written under temporary names beside the target and only {@link #finish()} puts them in place (removing
 * the old shapefile's parts and stale spatial indexes), so a failed export leaves no half-written shapefile:
 * {@link #close()} without {@link #finish()} deletes the temporary files.
 * <pre>
 * try (ShapefileWriter w = ShapefileWriter.create(path, ShapeType.POLYGON, columns, ShapefileCrs.ofEpsg(4490))) {
 *     for (...) w.write(geometry, Map.of("name", "碧江区", "area", 1006.2));
 *     w.finish();
 * }
 * </pre>
 */
public final class ShapefileWriter implements Closeable {

    /** Parts of a shapefile that must not survive beside a new one: data, index, CRS, encoding, spatial indexes. */
    private static final List<String> PARTS = List.of("shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx");
    private static final long MAX_SIZE = Integer.MAX_VALUE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final ShapeType type;
    private final List<AttributeColumn> columns;
    private final Map<String, String> fieldNames;
    private final ShapefileCrs crs;
    private final Charset charset;
    private final ShapeEncoder encoder;
    private final WarningLog warnings = new WarningLog();
    private final Map<String, Path> temporary = new LinkedHashMap<>();
    private final FileChannel shp;
    private final FileChannel shx;
    private final DbfWriter dbf;
    private final ByteBuffer shpBuffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
    private final ByteBuffer shxBuffer = ByteBuffer.allocate(1 << 13).order(ByteOrder.BIG_ENDIAN);
    private long shpLength = ShapefileHeader.LENGTH;
    private int count;
    private boolean failed;
    private boolean finished;

    /** A UTF-8 shapefile. {@code crs} may be null or {@link ShapefileCrs#NONE} (then no .prj). */
    public static ShapefileWriter create(Path shp, ShapeType type, List<AttributeColumn> columns, ShapefileCrs crs) {
        return create(shp, type, columns, crs, StandardCharsets.UTF_8);
    }

    /** A shapefile whose .dbf text is in {@code dbfCharset} (GBK for old ArcGIS versions, say). */
    public static ShapefileWriter create(Path shp, ShapeType type, List<AttributeColumn> columns, ShapefileCrs crs,
                                         Charset dbfCharset) {
        return new ShapefileWriter(shp, type, columns, crs, dbfCharset);
    }

    private ShapefileWriter(Path target, ShapeType type, List<AttributeColumn> columns, ShapefileCrs crs,
                            Charset charset) {
        if (type == ShapeType.NULL || type == ShapeType.MULTIPATCH || (type.hasM() && !type.hasZ())) {
            throw new IllegalArgumentException("cannot write shape type " + type);
        }
        this.target = target.toAbsolutePath();
        this.type = type;
        this.columns = List.copyOf(columns);
        this.crs = crs == null ? ShapefileCrs.NONE : crs;
        this.charset = charset;
        this.encoder = new ShapeEncoder(type);
        List<String> names = new ArrayList<>();
        for (AttributeColumn c : this.columns) {
            names.add(c.name());
        }
        List<String> shortNames = DbfFieldNames.of(names, charset);
        Map<String, String> map = new LinkedHashMap<>();
        List<DbfField> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (map.put(names.get(i), shortNames.get(i)) != null) {
                throw new IllegalArgumentException("two columns are called " + names.get(i));
            }
            if (!names.get(i).equals(shortNames.get(i))) {
                warnings.add("shp.warn.fieldRenamed", names.get(i), shortNames.get(i));
            }
            fields.add(this.columns.get(i).toField(shortNames.get(i)));
        }
        this.fieldNames = Collections.unmodifiableMap(map);
        try {
            shp = FileChannel.open(temp("shp"), StandardOpenOption.WRITE);
            shx = FileChannel.open(temp("shx"), StandardOpenOption.WRITE);
            shp.position(ShapefileHeader.LENGTH);
            shx.position(ShapefileHeader.LENGTH);
            dbf = DbfWriter.create(temp("dbf"), fields, charset);
        } catch (IOException | RuntimeException e) {
            discard();
            if (e instanceof IOException io) {
                throw new UserException(io, "shp.error.write", target, io.getMessage());
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * A new empty file beside the target. Not {@code Files.createTempFile}: its owner-only permissions would stay
     * with the finished shapefile; this one gets the folder's usual permissions.
     */
    private Path temp(String extension) throws IOException {
        Path dir = target.getParent();
        while (true) {
            Path t = dir.resolve(SiblingFiles.baseName(target) + "." + Long.toHexString(RANDOM.nextLong()) + "."
                    + extension + ".part");
            try {
                Files.createFile(t);
                temporary.put(extension, t);
                return t;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /** Column name to the DBF field name it was written under. */
    public Map<String, String> fieldNames() {
        return fieldNames;
    }

    public int recordCount() {
        return count;
    }

    /** Renamed fields and a missing .prj, so far. */
    public List<ShapefileWarning> warnings() {
        return warnings.list();
    }

    /**
     * Appends a feature. {@code attributes} maps column names to values of the column's {@link AttributeType}
     * (missing names are written blank). A null or empty geometry is written as a Null shape.
     *
     * @throws UserException when the geometry does not fit the shape type or a value does not fit its column
     */
    public void write(Geometry geometry, Map<String, ?> attributes) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        int number = count + 1;
        try {
            ByteBuffer content = encoder.encode(geometry);
            if (content == null) {
                throw new UserException("shp.error.geometryType", target, number, geometry.getGeometryType(),
                        type.name());
            }
            int contentLength = content.remaining();
            if (shpLength + 8 + contentLength > MAX_SIZE) {
                throw new UserException("shp.error.tooLarge", target, number);
            }
            List<Object> values = new ArrayList<>(columns.size());
            for (AttributeColumn c : columns) {
                values.add(attributes == null ? null : attributes.get(c.name()));
            }
            dbf.write(values);
            if (shpBuffer.remaining() < 8 + contentLength) {
                flush(shp, shpBuffer);
            }
            if (shpBuffer.remaining() < 8 + contentLength) {
                writeFully(shp, ByteBuffer.allocate(8).putInt(number).putInt(contentLength / 2).flip());
                writeFully(shp, content);
            } else {
                shpBuffer.putInt(number).putInt(contentLength / 2).put(content);
            }
            if (shxBuffer.remaining() < 8) {
                flush(shx, shxBuffer);
            }
            shxBuffer.putInt((int) (shpLength / 2)).putInt(contentLength / 2);
            shpLength += 8 + contentLength;
            count = number;
        } catch (IOException e) {
            failed = true;
            throw new UserException(e, "shp.error.write", target, e.getMessage());
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Completes the headers and puts the files in place of any shapefile of the same name. */
    public void finish() {
        if (failed) {
            throw new IllegalStateException("a write failed; the shapefile is incomplete");
        }
        if (finished) {
            return;
        }
        try {
            flush(shp, shpBuffer);
            flush(shx, shxBuffer);
            ShapefileHeader header = new ShapefileHeader(type, shpLength, encoder.bounds(), encoder.zMin(),
                    encoder.zMax(), 0, 0);
            writeHeader(shp, header);
            writeHeader(shx, new ShapefileHeader(type, ShapefileHeader.LENGTH + 8L * count, encoder.bounds(),
                    encoder.zMin(), encoder.zMax(), 0, 0));
            shp.close();
            shx.close();
            dbf.close();
            Files.writeString(temp("cpg"), DbfCodePage.cpgFor(charset), StandardCharsets.US_ASCII);
            if (crs.wkt() != null) {
                Files.writeString(temp("prj"), crs.wkt(), StandardCharsets.UTF_8);
            } else if (crs.epsg().isPresent()) {
                warnings.add("shp.warn.noPrj", target, crs.epsg().getAsInt());
            }
            for (String extension : PARTS) {
                for (Path old : SiblingFiles.all(target, extension)) {
                    Files.delete(old);
                }
            }
            String base = SiblingFiles.baseName(target);
            boolean upper = target.getFileName().toString().endsWith(".SHP");
            for (Map.Entry<String, Path> t : temporary.entrySet()) {
                String extension = upper ? t.getKey().toUpperCase(Locale.ROOT) : t.getKey();
                move(t.getValue(), target.resolveSibling(base + "." + extension));
            }
            temporary.clear();
            finished = true;
        } catch (IOException e) {
            failed = true;
            throw new UserException(e, "shp.error.write", target, e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeHeader(FileChannel channel, ShapefileHeader header) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(ShapefileHeader.LENGTH);
        header.write(b);
        b.flip();
        while (b.hasRemaining()) {
            channel.write(b, b.position());
        }
    }

    private static void flush(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        writeFully(channel, buffer);
        buffer.clear();
    }

    private static void writeFully(FileChannel channel, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Without {@link #finish()}: deletes the temporary files, leaving any older shapefile untouched. */
    @Override
    public void close() {
        if (!finished) {
            discard();
        }
    }

    private void discard() {
        for (Closeable c : new Closeable[] {shp, shx}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException ignored) {
                // being thrown away
            }
        }
        if (dbf != null) {
            try {
                dbf.close();
            } catch (RuntimeException ignored) {
                // being thrown away
            }
        }
        for (Path t : temporary.values()) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException ignored) {
                // a stray .part file is harmless
            }
        }
        temporary.clear();
    }
}
