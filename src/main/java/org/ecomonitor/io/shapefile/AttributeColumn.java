package org.ecomonitor.io.shapefile;

import java.util.Objects;

/**
 * A typed attribute column of a layer to write. The name may be long or Chinese; {@link ShapefileWriter} shortens
 * it to a unique DBF field name of at most 10 bytes. Width and decimals are the DBF's: bytes for text, characters for
 * numbers.
 */
public record AttributeColumn(String name, AttributeType type, int width, int decimals) {

    /** The widest text field of dBASE III. */
    public static final int MAX_TEXT_WIDTH = 254;

    public AttributeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Text of at most {@code width} bytes in the table's encoding (a Chinese character takes 3 in UTF-8). */
    public static AttributeColumn text(String name, int width) {
        return new AttributeColumn(name, AttributeType.TEXT, width, 0);
    }

    /** Text of at most 254 bytes. */
    public static AttributeColumn text(String name) {
        return text(name, MAX_TEXT_WIDTH);
    }

    /** Whole numbers up to 18 digits (N 18.0), read back as Long. */
    public static AttributeColumn integer(String name) {
        return new AttributeColumn(name, AttributeType.INTEGER, DbfField.MAX_INTEGER_WIDTH, 0);
    }

    /** Real numbers as N 24.15, the layout GDAL uses for doubles. */
    public static AttributeColumn real(String name) {
        return real(name, 24, 15);
    }

    public static AttributeColumn real(String name, int width, int decimals) {
        return new AttributeColumn(name, AttributeType.REAL, width, decimals);
    }

    /** Dates (D, yyyyMMdd). */
    public static AttributeColumn date(String name) {
        return new AttributeColumn(name, AttributeType.DATE, 8, 0);
    }

    /** True/false (L). */
    public static AttributeColumn logical(String name) {
        return new AttributeColumn(name, AttributeType.LOGICAL, 1, 0);
    }

    /** The DBF field for this column under the given field name. */
    DbfField toField(String fieldName) {
        return switch (type) {
            case TEXT -> DbfField.text(fieldName, width);
            case INTEGER -> DbfField.integer(fieldName, width);
            case REAL -> DbfField.real(fieldName, width, decimals);
            case DATE -> DbfField.date(fieldName);
            case LOGICAL -> DbfField.logical(fieldName);
        };
    }
}
