package org.ecomonitor.model;

/**
 * HJ 212-2017 data flags. Only {@link #N} (normal) enters statistics by default; the others are shown distinctly.
 */
public enum Flag {
    /** normal */
    N,
    /** instrument stopped */
    F,
    /** maintenance */
    M,
    /** manual input */
    S,
    /** fault */
    D,
    /** calibration */
    C,
    /** over range */
    T,
    /** communication abnormal */
    B;

    private static final Flag[] VALUES = values();

    /** True for the flag whose data count in statistics by default. */
    public boolean isValid() {
        return this == N;
    }

    /** Parses a one-letter flag (case-insensitive); null or blank means {@link #N}; an unknown letter returns null. */
    public static Flag parse(String text) {
        if (text == null || text.isBlank()) {
            return N;
        }
        String t = text.length() == 1 ? text : text.trim();
        if (t.length() != 1) {
            return null;
        }
        char c = Character.toUpperCase(t.charAt(0));
        for (Flag f : VALUES) {
            if (f.name().charAt(0) == c) {
                return f;
            }
        }
        return null;
    }
}
