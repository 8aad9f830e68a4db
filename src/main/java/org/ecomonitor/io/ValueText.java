package org.ecomonitor.io;

/**
 * Reads the value cells of monitoring tables: plain decimals, the blanks and dashes that mean "not measured",
 * and values below the detection limit written the Chinese way ("0.01L") or with a sign ("<0.01"), which become
 * half the limit as the assessment rules (地表水环境质量评价办法) prescribe for statistics.
 */
final class ValueText {

    /** A cell that means "no value here". */
    static final double MISSING = Double.NaN;
    /** A cell that is not a number at all. */
    static final double NOT_A_NUMBER = Double.NEGATIVE_INFINITY;

    private ValueText() {
    }

    static boolean isMissing(String s) {
        if (s == null) {
            return true;
        }
        String t = s.trim();
        return t.isEmpty() || t.equals("-") || t.equals("--") || t.equals("—") || t.equals("——") || t.equals("/")
                || t.equalsIgnoreCase("na") || t.equalsIgnoreCase("n/a") || t.equalsIgnoreCase("null")
                || t.equalsIgnoreCase("nan");
    }

    private static boolean isPlainNumber(String s, int n) {
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == '.' || (i == 0 && c == '-'))) {
                return false;
            }
        }
        return digits > 0;
    }

    /** True for "0.01L", "<0.01", "ND". */
    static boolean isBelowDetection(String s) {
        String t = s.trim();
        return (t.endsWith("L") && t.length() > 1 && Character.isDigit(t.charAt(t.length() - 2))) || t.startsWith("<");
    }

    /**
     * The value of a cell: a number, {@link #MISSING} (NaN), or {@link #NOT_A_NUMBER} (-infinity). Values below
     * the detection limit give half the limit.
     */
    static double parse(String s) {
        int n = s == null ? 0 : s.length();
        if (n > 0 && n < 20 && isPlainNumber(s, n)) {
            // the common case of millions of cells: digits with an optional sign and decimal point
            return Double.parseDouble(s);
        }
        if (isMissing(s)) {
            return MISSING;
        }
        String t = s.trim();
        double factor = 1;
        if (isBelowDetection(t)) {
            t = t.startsWith("<") ? t.substring(1).trim() : t.substring(0, t.length() - 1);
            factor = 0.5;
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return NOT_A_NUMBER;
            }
            return v * factor;
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }
}
