package org.ecomonitor.analysis.alarm;

import org.ecomonitor.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * One alarm: what happened, where, from when to when, and its message as a bundle key with arguments.
 *
 * @param station    station code
 * @param parameter  parameter code ("*" for the station as a whole)
 * @param ruleId     the rule that raised it
 * @param kind       the rule's kind
 * @param start      UTC epoch ms of the first reading concerned (of the last reading before a gap)
 * @param end        UTC epoch ms of the last reading concerned (of the reading after a gap, or the evaluation
 *                   time for a gap still open)
 * @param value      the telling value: the extreme value, the rate per hour, the repeated value, the gap in hours
 *                   or the number of flagged readings
 * @param messageKey bundle key of the message
 * @param args       the message's arguments
 */
public record Alarm(String station, String parameter, String ruleId, AlarmKind kind, long start, long end,
                    double value, String messageKey, List<Object> args) {

    public Alarm {
        args = List.copyOf(args);
    }

    public String message(Locale locale) {
        return Messages.get(locale, messageKey, args.toArray());
    }
}
