package org.ecomonitor.analysis.layout;

/** The part a point plays in a layout. */
public enum PointStatus {
    /** An existing point that stays (a fixed point of the design). */
    EXISTING("existing"),
    /** A point the layout adds. */
    NEW("new"),
    /** An existing point the network reduction proposes to give up. */
    REMOVE("remove");

    private final String code;

    PointStatus(String code) {
        this.code = code;
    }

    /** The value written to the status column of exports and store layers. */
    public String code() {
        return code;
    }
}
