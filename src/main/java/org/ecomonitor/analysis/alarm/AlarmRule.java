package org.ecomonitor.analysis.alarm;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.StationKind;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One editable alarm rule, a plain record that serialises to JSON as it is (enums by name). Which fields count
 * depends on the kind:
 * <ul>
 * <li>{@link AlarmKind#LIMIT_EXCEEDED}: {@code threshold} (the limit), {@code below} (true when lower values are
 * bad, as dissolved oxygen), {@code limitSource} (for example "GB 3095-2012 二级" or a permit number);</li>
 * <li>{@link AlarmKind#CONSECUTIVE_EXCEEDANCES}: the same and {@code count} N;</li>
 * <li>{@link AlarmKind#RATE_OF_CHANGE}: {@code threshold}, the largest allowed change per hour, and
 * {@code hours}, the longest spacing of two readings still compared (0: any);</li>
 * <li>{@link AlarmKind#FLAT_LINE}: {@code hours} N and {@code threshold}, the tolerance (0: exactly equal);</li>
 * <li>{@link AlarmKind#DATA_GAP}: {@code hours} N;</li>
 * <li>{@link AlarmKind#FLAGGED_DATA}: {@code flags}.</li>
 * </ul>
 *
 * @param id          unique id of the rule
 * @param kind        what it watches
 * @param parameter   parameter code, or "*" for every parameter (each on its own; for a data gap: the station
 *                    as a whole)
 * @param stationKind the kind of station it applies to, or null for all kinds
 * @param station     the station code it applies to, or null for all stations of the kind
 * @param threshold   limit, rate or tolerance (see above)
 * @param below       for limits: true when values below the limit are bad
 * @param count       for consecutive exceedances: N
 * @param hours       for flat lines and gaps: N hours; for rates: longest spacing compared
 * @param flags       for flagged data: the flags that raise an alarm
 * @param limitSource where the limit comes from, shown in the message
 * @param enabled     false to keep a rule without using it
 */
public record AlarmRule(String id, AlarmKind kind, String parameter, StationKind stationKind, String station,
                        double threshold, boolean below, int count, double hours, Set<Flag> flags,
                        String limitSource, boolean enabled) {

    public static final String ANY_PARAMETER = "*";

    public AlarmRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        parameter = parameter == null || parameter.isBlank() ? ANY_PARAMETER : parameter;
        flags = flags == null || flags.isEmpty()
                ? EnumSet.of(Flag.F, Flag.M, Flag.D, Flag.C, Flag.T, Flag.B) : EnumSet.copyOf(flags);
        limitSource = limitSource == null ? "" : limitSource;
    }

    public static AlarmRule limit(String id, String parameter, double limit, String source) {
        return new AlarmRule(id, AlarmKind.LIMIT_EXCEEDED, parameter, null, null, limit, false, 1, 0, null, source,
                true);
    }

    public static AlarmRule consecutive(String id, String parameter, double limit, int n, String source) {
        return new AlarmRule(id, AlarmKind.CONSECUTIVE_EXCEEDANCES, parameter, null, null, limit, false, n, 0, null,
                source, true);
    }

    public static AlarmRule rateOfChange(String id, String parameter, double perHour) {
        return new AlarmRule(id, AlarmKind.RATE_OF_CHANGE, parameter, null, null, perHour, false, 1, 0, null, null,
                true);
    }

    public static AlarmRule flatLine(String id, String parameter, double hours) {
        return new AlarmRule(id, AlarmKind.FLAT_LINE, parameter, null, null, 0, false, 1, hours, null, null, true);
    }

    public static AlarmRule dataGap(String id, String parameter, double hours) {
        return new AlarmRule(id, AlarmKind.DATA_GAP, parameter, null, null, 0, false, 1, hours, null, null, true);
    }

    public static AlarmRule flagged(String id, String parameter, Set<Flag> flags) {
        return new AlarmRule(id, AlarmKind.FLAGGED_DATA, parameter, null, null, 0, false, 1, 0, flags, null, true);
    }

    /** The same rule limited to one kind of station. */
    public AlarmRule forStationKind(StationKind k) {
        return new AlarmRule(id, kind, parameter, k, station, threshold, below, count, hours, flags, limitSource,
                enabled);
    }

    /** The same rule limited to one station. */
    public AlarmRule forStation(String code) {
        return new AlarmRule(id, kind, parameter, stationKind, code, threshold, below, count, hours, flags,
                limitSource, enabled);
    }

    /** The same limit rule for a parameter whose low values are bad (dissolved oxygen). */
    public AlarmRule belowLimit() {
        return new AlarmRule(id, kind, parameter, stationKind, station, threshold, true, count, hours, flags,
                limitSource, enabled);
    }

    /** The same rule with a new tolerance (flat line) or threshold. */
    public AlarmRule withThreshold(double t) {
        return new AlarmRule(id, kind, parameter, stationKind, station, t, below, count, hours, flags, limitSource,
                enabled);
    }

    public AlarmRule withEnabled(boolean on) {
        return new AlarmRule(id, kind, parameter, stationKind, station, threshold, below, count, hours, flags,
                limitSource, on);
    }

    public boolean anyParameter() {
        return ANY_PARAMETER.equals(parameter);
    }

    /** Throws a {@link UserException} naming the rule when its fields do not fit its kind. */
    public AlarmRule validate() {
        switch (kind) {
            case LIMIT_EXCEEDED, CONSECUTIVE_EXCEEDANCES -> {
                if (anyParameter()) {
                    throw new UserException("alarm.error.parameter", id);
                }
                if (!Double.isFinite(threshold)) {
                    throw new UserException("alarm.error.threshold", id, threshold);
                }
                if (kind == AlarmKind.CONSECUTIVE_EXCEEDANCES && count < 1) {
                    throw new UserException("alarm.error.count", id, count);
                }
            }
            case RATE_OF_CHANGE -> {
                if (!(threshold > 0)) {
                    throw new UserException("alarm.error.threshold", id, threshold);
                }
            }
            case FLAT_LINE, DATA_GAP -> {
                if (!(hours > 0)) {
                    throw new UserException("alarm.error.hours", id, hours);
                }
                if (!(threshold >= 0)) {
                    throw new UserException("alarm.error.threshold", id, threshold);
                }
            }
            case FLAGGED_DATA -> {
            }
        }
        return this;
    }
}
