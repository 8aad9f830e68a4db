package org.ecomonitor.io.shapefile;

import org.ecomonitor.i18n.UserException;
import org.locationtech.jts.geom.Envelope;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The 100-byte header shared by .shp and .shx files: file code 9994 and file length (big-endian, length in
 * 16-bit words), version 1000, shape type and bounding box (little-endian). {@code fileLength} is in bytes here.
 * The bounding box of an empty file is all zeros.
 */
public record ShapefileHeader(ShapeType shapeType, long fileLength, Envelope bounds,
                              double zMin, double zMax, double mMin, double mMax) {

    public static final int LENGTH = 100;
    static final int FILE_CODE = 9994;
    static final int VERSION = 1000;

    /**
     * Reads a header from the next 100 bytes of {@code in}.
     *
     * @throws UserException when the file code is not 9994 or the shape type is not one of the specification
     */
    public static ShapefileHeader read(ByteBuffer in, Path file) {
        if (in.remaining() < LENGTH) {
            throw new UserException("shp.error.headerTruncated", file, in.remaining());
        }
        in.order(ByteOrder.BIG_ENDIAN);
        int start = in.position();
        int fileCode = in.getInt(start);
        if (fileCode != FILE_CODE) {
            throw new UserException("shp.error.notShapefile", file, fileCode);
        }
        long length = 2L * Integer.toUnsignedLong(in.getInt(start + 24));
        in.order(ByteOrder.LITTLE_ENDIAN);
        int typeCode = in.getInt(start + 32);
        ShapeType type = ShapeType.ofCode(typeCode);
        if (type == null) {
            throw new UserException("shp.error.unknownType", file, typeCode);
        }
        double xMin = in.getDouble(start + 36);
        double yMin = in.getDouble(start + 44);
        double xMax = in.getDouble(start + 52);
        double yMax = in.getDouble(start + 60);
        Envelope bounds = new Envelope(xMin, xMax, yMin, yMax);
        in.position(start + LENGTH);
        return new ShapefileHeader(type, length, bounds, in.getDouble(start + 68), in.getDouble(start + 76),
                in.getDouble(start + 84), in.getDouble(start + 92));
    }

    /** Writes this header as the next 100 bytes of {@code out}. */
    public void write(ByteBuffer out) {
        int start = out.position();
        out.order(ByteOrder.BIG_ENDIAN);
        out.putInt(FILE_CODE);
        for (int i = 0; i < 5; i++) {
            out.putInt(0);
        }
        out.putInt((int) (fileLength / 2));
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(VERSION);
        out.putInt(shapeType.code());
        boolean empty = bounds == null || bounds.isNull();
        out.putDouble(empty ? 0 : bounds.getMinX());
        out.putDouble(empty ? 0 : bounds.getMinY());
        out.putDouble(empty ? 0 : bounds.getMaxX());
        out.putDouble(empty ? 0 : bounds.getMaxY());
        out.putDouble(zMin);
        out.putDouble(zMax);
        out.putDouble(mMin);
        out.putDouble(mMax);
        out.position(start + LENGTH);
    }
}
