package org.ecomonitor.io.shapefile;

/**
 * The shape types of the ESRI Shapefile Technical Description (1998) with their codes. Every record of a file
 * has the file's type or {@link #NULL}. Z types carry a Z value per vertex (and optionally M); M types carry M.
 * {@link #MULTIPATCH} is recognised so it can be refused by name.
 */
public enum ShapeType {
    NULL(0, Family.NULL, false, false),
    POINT(1, Family.POINT, false, false),
    POLYLINE(3, Family.POLYLINE, false, false),
    POLYGON(5, Family.POLYGON, false, false),
    MULTIPOINT(8, Family.MULTIPOINT, false, false),
    POINTZ(11, Family.POINT, true, true),
    POLYLINEZ(13, Family.POLYLINE, true, true),
    POLYGONZ(15, Family.POLYGON, true, true),
    MULTIPOINTZ(18, Family.MULTIPOINT, true, true),
    POINTM(21, Family.POINT, false, true),
    POLYLINEM(23, Family.POLYLINE, false, true),
    POLYGONM(25, Family.POLYGON, false, true),
    MULTIPOINTM(28, Family.MULTIPOINT, false, true),
    MULTIPATCH(31, Family.MULTIPATCH, true, true);

    /** What a record's geometry is, whatever its Z and M. */
    public enum Family { NULL, POINT, POLYLINE, POLYGON, MULTIPOINT, MULTIPATCH }

    private final int code;
    private final Family family;
    private final boolean hasZ;
    private final boolean hasM;

    ShapeType(int code, Family family, boolean hasZ, boolean hasM) {
        this.code = code;
        this.family = family;
        this.hasZ = hasZ;
        this.hasM = hasM;
    }

    /** The integer stored in file headers and records. */
    public int code() {
        return code;
    }

    public Family family() {
        return family;
    }

    /** True for the Z types (which may also carry M). */
    public boolean hasZ() {
        return hasZ;
    }

    /** True for the M types and the Z types (in Z types the M block is optional). */
    public boolean hasM() {
        return hasM;
    }

    /** The type of the given code, or null when the code is not one of the specification. */
    public static ShapeType ofCode(int code) {
        for (ShapeType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
