package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.UserException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Iterator;

/**
 * Reads an ESRI shapefile record by record: geometry from the .shp, attributes from the .dbf, CRS from the .prj,
 * text encoding from the .cpg; siblings are found whatever the case of their extensions. Memory does not grow with
 * the file. Geometries carry the EPSG code as SRID when the .prj is identified (0 otherwise).
 * <p>
 * Records are located through the .shx when there is one (a .shp may hold gaps), else read one after another.
 * Records deleted in the .dbf are skipped. A missing .dbf or .shx, different record counts and repairs made while
 * decoding are reported in {@link #warnings()}; a truncated or damaged file fails with a {@link UserException}
 * naming the file and the record.
 * <pre>
 * try (ShapefileReader r = ShapefileReader.open(path)) {
 *     while (r.hasNext()) { ShapefileFeature f = r.next(); ... }
 * }
 * </pre>
 */
public final class ShapefileReader implements Iterator<ShapefileFeature>, Closeable {

    private final Path file;
    private final FileChannel shp;
    private final ChannelWindow shpWindow;
    private final ShapefileHeader header;
    private final FileChannel shx;
    private final ChannelWindow shxWindow;
    private final int shxCount;
    private final DbfReader dbf;
    private final ShapefileCrs crs;
    private final WarningLog warnings = new WarningLog();
    private final ShapeDecoder decoder;
    private final long end;

    private int read;
    private long position = ShapefileHeader.LENGTH;
    private ShapefileFeature pending;

    /** Opens a shapefile given its .shp, decoding text as the files declare (or as detected). */
    public static ShapefileReader open(Path shp) {
        return new ShapefileReader(shp, null);
    }

    /** Opens a shapefile, decoding the .dbf text with the caller's charset whatever the files say. */
    public static ShapefileReader open(Path shp, Charset dbfCharset) {
        return new ShapefileReader(shp, dbfCharset);
    }

    private ShapefileReader(Path file, Charset dbfCharset) {
        this.file = file;
        FileChannel shxChannel = null;
        DbfReader table = null;
        try {
            shp = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new UserException(e, "shp.error.notFound", file);
        } catch (IOException e) {
            throw new UserException(e, "shp.error.io", file, e.getMessage());
        }
        try {
            shpWindow = new ChannelWindow(shp);
            ByteBuffer h = shpWindow.read(0, ShapefileHeader.LENGTH, ByteOrder.BIG_ENDIAN);
            if (h == null) {
                throw new UserException("shp.error.headerTruncated", file, shpWindow.size());
            }
            header = ShapefileHeader.read(h, file);
            if (header.shapeType() == ShapeType.MULTIPATCH) {
                throw new UserException("shp.error.multipatch", file);
            }
            end = Math.min(header.fileLength(), shpWindow.size());
            crs = readPrj();
            int srid = crs.epsg().orElse(0);
            decoder = new ShapeDecoder(new GeometryFactory(new PrecisionModel(), srid), file, warnings);

            Path shxPath = SiblingFiles.find(file, "shx");
            int count = -1;
            if (shxPath == null) {
                warnings.add("shp.warn.noShx", file);
            } else {
                shxChannel = FileChannel.open(shxPath, StandardOpenOption.READ);
                count = shxCount(shxPath, shxChannel);
                if (count < 0) {
                    shxChannel.close();
                    shxChannel = null;
                }
            }
            shx = shxChannel;
            shxWindow = shx == null ? null : new ChannelWindow(shx);
            shxCount = count;

            Path dbfPath = SiblingFiles.find(file, "dbf");
            if (dbfPath == null) {
                warnings.add("shp.warn.noDbf", file);
            } else {
                table = new DbfReader(dbfPath, dbfCharset, warnings);
                if (shxCount >= 0 && table.recordCount() != shxCount) {
                    warnings.add("shp.warn.countMismatch", file, shxCount, dbfPath, table.recordCount());
                }
            }
            dbf = table;
        } catch (IOException e) {
            closeAll(shp, shxChannel, table);
            throw new UserException(e, "shp.error.io", file, e.getMessage());
        } catch (RuntimeException e) {
            closeAll(shp, shxChannel, table);
            throw e;
        }
    }

    /** The number of records in a valid .shx, or -1 (with a warning) when it cannot be used. */
    private int shxCount(Path shxPath, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer h = new ChannelWindow(channel).read(0, ShapefileHeader.LENGTH, ByteOrder.BIG_ENDIAN);
        try {
            if (h == null) {
                throw new UserException("shp.error.headerTruncated", shxPath, size);
            }
            ShapefileHeader.read(h, shxPath);
        } catch (UserException e) {
            warnings.add("shp.warn.badShx", shxPath, e.getMessage());
            return -1;
        }
        return (int) ((size - ShapefileHeader.LENGTH) / 8);
    }

    private ShapefileCrs readPrj() throws IOException {
        Path prj = SiblingFiles.find(file, "prj");
        if (prj == null) {
            return ShapefileCrs.NONE;
        }
        ShapefileCrs found = PrjParser.parse(new String(Files.readAllBytes(prj), StandardCharsets.UTF_8));
        if (!found.isIdentified()) {
            warnings.add("shp.warn.unknownPrj", prj, found.name() == null ? "?" : found.name());
        }
        return found;
    }

    /** The .shp read. */
    public Path file() {
        return file;
    }

    public ShapefileHeader header() {
        return header;
    }

    /** The file's shape type (records may also be Null shapes). */
    public ShapeType shapeType() {
        return header.shapeType();
    }

    /** The bounding box from the header. */
    public Envelope bounds() {
        return new Envelope(header.bounds());
    }

    /** Records in the .shx, else in the .dbf, else -1 when unknown (for progress bars; deleted ones included). */
    public int recordCount() {
        if (shxCount >= 0) {
            return shxCount;
        }
        return dbf != null ? dbf.recordCount() : -1;
    }

    /** The attribute fields, empty without .dbf. */
    public List<DbfField> fields() {
        return dbf == null ? List.of() : dbf.fields();
    }

    /** How the .dbf text is decoded, or null without .dbf. */
    public DbfEncoding encoding() {
        return dbf == null ? null : dbf.encoding();
    }

    /** The CRS from the .prj ({@link ShapefileCrs#NONE} without one). */
    public ShapefileCrs crs() {
        return crs;
    }

    /** What was repaired, guessed or skipped so far, .dbf included. */
    public List<ShapefileWarning> warnings() {
        return warnings.list();
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (!moreRecords()) {
                return false;
            }
            ShapefileFeature f = readRecord();
            if (f != null) {
                pending = f;
            }
        }
        return true;
    }

    @Override
    public ShapefileFeature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ShapefileFeature f = pending;
        pending = null;
        return f;
    }

    private boolean moreRecords() {
        if (shx != null) {
            return read < shxCount;
        }
        if (position < end) {
            return true;
        }
        if (header.fileLength() > shpWindow.size()) {
            throw new UserException("shp.error.truncated", file, read + 1, header.fileLength(), shpWindow.size());
        }
        return false;
    }

    /** Reads the next record; null when it is deleted in the .dbf. */
    private ShapefileFeature readRecord() {
        int number = ++read;
        try {
            if (shx != null) {
                ByteBuffer entry = shxWindow.read(ShapefileHeader.LENGTH + 8L * (number - 1), 8,
                        ByteOrder.BIG_ENDIAN);
                position = 2L * Integer.toUnsignedLong(entry.getInt(0));
            }
            ByteBuffer recordHeader = shpWindow.read(position, 8, ByteOrder.BIG_ENDIAN);
            if (recordHeader == null) {
                throw new UserException("shp.error.truncated", file, number, position + 8, shpWindow.size());
            }
            int words = recordHeader.getInt(4);
            if (words < 2) {
                throw new UserException("shp.error.badRecordLength", file, number, words, position);
            }
            ByteBuffer content = shpWindow.read(position + 8, 2 * words, ByteOrder.LITTLE_ENDIAN);
            if (content == null) {
                throw new UserException("shp.error.truncated", file, number, position + 8 + 2L * words,
                        shpWindow.size());
            }
            position += 8 + 2L * words;
            Geometry geometry = decoder.decode(content, number);
            Map<String, Object> attributes = Map.of();
            if (dbf != null && !dbf.hasNext() && number == dbf.recordCount() + 1 && shxCount < 0) {
                warnings.add("shp.warn.dbfShorter", file, dbf.recordCount(), number);
            }
            if (dbf != null && dbf.hasNext()) {
                DbfRecord row = dbf.next();
                if (row.deleted()) {
                    warnings.add("shp.warn.deletedRecord", file, number);
                    return null;
                }
                attributes = row.values();
            }
            return new ShapefileFeature(number, geometry, attributes);
        } catch (IOException e) {
            throw new UserException(e, "shp.error.io", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        closeAll(shp, shx, dbf);
    }

    private static void closeAll(FileChannel main, FileChannel index, DbfReader table) {
        for (FileChannel c : new FileChannel[] {main, index}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException ignored) {
                // read-only files: nothing is lost
            }
        }
        if (table != null) {
            table.close();
        }
    }
}
