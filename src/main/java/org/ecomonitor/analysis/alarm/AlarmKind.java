package org.ecomonitor.analysis.alarm;

/** What an alarm rule watches. Display: bundle keys {@code alarm.kind.<name>}. */
public enum AlarmKind {
    /** a value beyond a limit (a standard's or a discharge permit's) */
    LIMIT_EXCEEDED,
    /** N valid readings in a row beyond a limit */
    CONSECUTIVE_EXCEEDANCES,
    /** a change between consecutive readings faster than a rate per hour */
    RATE_OF_CHANGE,
    /** the same value (within a tolerance) for N hours: a stuck instrument */
    FLAT_LINE,
    /** no reading for N hours */
    DATA_GAP,
    /** readings flagged abnormal by the instrument (HJ 212 flags F M D C T B by default) */
    FLAGGED_DATA;

    public String messageKey() {
        return "alarm.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
