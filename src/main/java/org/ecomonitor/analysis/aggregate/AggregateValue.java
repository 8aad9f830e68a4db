package org.ecomonitor.analysis.aggregate;

import org.ecomonitor.i18n.Messages;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * One aggregate of a station's parameter over a period of its local clock: a mean (or a daily maximum of 8-hour
 * means), or NaN with the reason it is missing. Missing aggregates are never averaged into longer periods.
 *
 * @param start    first local instant of the period (inclusive)
 * @param end      end of the period (exclusive)
 * @param value    the aggregate, NaN when missing
 * @param count    number of accepted values in the period
 * @param required number the validity rule requires
 * @param reason   {@link MissingReason#NONE} when valid
 */
public record AggregateValue(LocalDateTime start, LocalDateTime end, double value, int count, int required,
                             MissingReason reason) {

    public AggregateValue {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        if (reason != MissingReason.NONE) {
            value = Double.NaN;
        }
    }

    public static AggregateValue of(LocalDateTime start, LocalDateTime end, double value, int count, int required) {
        MissingReason reason = count == 0 ? MissingReason.NO_DATA
                : count < required ? MissingReason.TOO_FEW_VALUES : MissingReason.NONE;
        return new AggregateValue(start, end, value, count, required, reason);
    }

    public boolean isValid() {
        return reason == MissingReason.NONE;
    }

    /** Why it is missing, in the given language ("" when valid). */
    public String describeMissing(Locale locale) {
        return isValid() ? "" : Messages.get(locale, reason.messageKey(), String.valueOf(count),
                String.valueOf(required));
    }
}
