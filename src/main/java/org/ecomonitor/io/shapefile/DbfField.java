package org.ecomonitor.io.shapefile;

/**
 * One field descriptor of a dBASE table: a name of at most 10 bytes, a type letter, a width in bytes and a number of
 * decimals. Types read: C text, N and F numbers, L logical, D date (yyyyMMdd), I 32-bit integer, O and 8-byte B
 * doubles. Types written: C, N, F, L, D.
 */
public record DbfField(String name, char type, int length, int decimalCount) {

    /** The widest N field whose values still fit a {@code long} (18 digits and a sign would not). */
    static final int MAX_INTEGER_WIDTH = 18;

    public DbfField {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a DBF field needs a name");
        }
        if (length < 1 || decimalCount < 0) {
            throw new IllegalArgumentException("bad width " + length + "." + decimalCount + " for field " + name);
        }
    }

    public static DbfField text(String name, int width) {
        return new DbfField(name, 'C', width, 0);
    }

    public static DbfField integer(String name, int width) {
        return new DbfField(name, 'N', width, 0);
    }

    public static DbfField real(String name, int width, int decimals) {
        return new DbfField(name, 'N', width, decimals);
    }

    public static DbfField logical(String name) {
        return new DbfField(name, 'L', 1, 0);
    }

    public static DbfField date(String name) {
        return new DbfField(name, 'D', 8, 0);
    }

    /** The Java type of this field's values, or null for a type this package does not read (memo, binary ...). */
    public AttributeType attributeType() {
        return switch (Character.toUpperCase(type)) {
            case 'C' -> AttributeType.TEXT;
            case 'N' -> decimalCount == 0 && length <= MAX_INTEGER_WIDTH ? AttributeType.INTEGER : AttributeType.REAL;
            case 'F', 'O' -> AttributeType.REAL;
            case 'B' -> length == 8 ? AttributeType.REAL : null;
            case 'I' -> length == 4 ? AttributeType.INTEGER : null;
            case 'L' -> AttributeType.LOGICAL;
            case 'D' -> length == 8 ? AttributeType.DATE : null;
            default -> null;
        };
    }
}
