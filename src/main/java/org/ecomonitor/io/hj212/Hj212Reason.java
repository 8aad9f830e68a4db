package org.ecomonitor.io.hj212;

/** Why a packet, or one pollutant of it, was not read. Each has a message key {@code hj212.reject.<name>}. */
public enum Hj212Reason {
    /** the line does not start with "##" and a four-digit length, or is too short to hold a packet */
    BAD_HEADER,
    /** the length in the header is not the data segment's length in bytes */
    LENGTH_MISMATCH,
    /** the CRC at the end is not the CRC of the data segment (or not four hex digits) */
    CRC_MISMATCH,
    /** the data segment is not "key=value;..." with a final CP=&&...&& */
    BAD_DATA_SEGMENT,
    /** no MN (device id) */
    MISSING_MN,
    /** a CN that carries no monitoring data (only 2011, 2051, 2061 and 2031 do) */
    UNKNOWN_CN,
    /** no DataTime, or one that is not a valid yyyyMMddHHmmss */
    BAD_DATA_TIME,
    /** a value that is not a number (one pollutant) */
    NON_NUMERIC_VALUE,
    /** a data flag other than N, F, M, S, D, C, T, B (one pollutant) */
    UNKNOWN_FLAG,
    /** a pollutant without any value (Rtd, Avg, Min, Max, Cou) */
    NO_VALUE;

    /** The bundle key of the message that explains it. */
    public String key() {
        return "hj212.reject." + switch (this) {
            case BAD_HEADER -> "badHeader";
            case LENGTH_MISMATCH -> "lengthMismatch";
            case CRC_MISMATCH -> "crcMismatch";
            case BAD_DATA_SEGMENT -> "badDataSegment";
            case MISSING_MN -> "missingMn";
            case UNKNOWN_CN -> "unknownCn";
            case BAD_DATA_TIME -> "badDataTime";
            case NON_NUMERIC_VALUE -> "nonNumericValue";
            case UNKNOWN_FLAG -> "unknownFlag";
            case NO_VALUE -> "noValue";
        };
    }
}
