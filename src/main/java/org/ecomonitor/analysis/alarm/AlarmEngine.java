package org.ecomonitor.analysis.alarm;

import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Reading;
import org.ecomonitor.model.Station;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates alarm rules over one station's readings in a time window, as a pure function (no store, no
 * clock): the same readings and rules always give the same alarms, in order of start. Limits, rates and flat
 * lines look at valid (flag N) readings; runs of exceeding readings become one alarm each; gaps look at every
 * reading whatever its flag (the station was talking). O(rules × n log n).
 */
public final class AlarmEngine {

    private static final double HOUR = 3_600_000.0;

    private AlarmEngine() {
    }

    /**
     * The alarms of a station's readings between {@code from} and {@code now} (UTC epoch ms); readings outside
     * the window are ignored. Rules that are disabled, or for another station or kind of station, are skipped.
     */
    public static List<Alarm> evaluate(Station station, List<Reading> readings, List<AlarmRule> rules, long from,
                                       long now) {
        Map<String, List<Reading>> byParameter = new TreeMap<>();
        List<Reading> all = new ArrayList<>();
        for (Reading r : readings) {
            if (!r.station().equals(station.code()) || r.instant() < from || r.instant() > now) {
                continue;
            }
            byParameter.computeIfAbsent(r.parameter(), k -> new ArrayList<>()).add(r);
            all.add(r);
        }
        byParameter.values().forEach(l -> l.sort(Comparator.comparingLong(Reading::instant)));
        all.sort(Comparator.comparingLong(Reading::instant));
        List<Alarm> alarms = new ArrayList<>();
        for (AlarmRule rule : rules) {
            if (!applies(rule, station)) {
                continue;
            }
            rule.validate();
            if (rule.kind() == AlarmKind.DATA_GAP && rule.anyParameter()) {
                gaps(station, AlarmRule.ANY_PARAMETER, all, rule, from, now, alarms);
            } else if (rule.anyParameter()) {
                byParameter.forEach((p, list) -> evaluate(station, p, list, rule, from, now, alarms));
            } else {
                evaluate(station, rule.parameter(), byParameter.getOrDefault(rule.parameter(), List.of()), rule,
                        from, now, alarms);
            }
        }
        alarms.sort(Comparator.comparingLong(Alarm::start).thenComparing(Alarm::ruleId));
        return alarms;
    }

    private static boolean applies(AlarmRule rule, Station station) {
        return rule.enabled() && (rule.stationKind() == null || rule.stationKind() == station.kind())
                && (rule.station() == null || rule.station().equals(station.code()));
    }

    private static void evaluate(Station s, String parameter, List<Reading> list, AlarmRule rule, long from,
                                 long now, List<Alarm> out) {
        switch (rule.kind()) {
            case LIMIT_EXCEEDED, CONSECUTIVE_EXCEEDANCES -> exceedances(s, parameter, valid(list), rule, out);
            case RATE_OF_CHANGE -> rates(s, parameter, valid(list), rule, out);
            case FLAT_LINE -> flatLines(s, parameter, valid(list), rule, out);
            case DATA_GAP -> gaps(s, parameter, list, rule, from, now, out);
            case FLAGGED_DATA -> flagged(s, parameter, list, rule, out);
        }
    }

    private static List<Reading> valid(List<Reading> list) {
        List<Reading> out = new ArrayList<>(list.size());
        for (Reading r : list) {
            if (r.flag().isValid() && !Double.isNaN(r.value())) {
                out.add(r);
            }
        }
        return out;
    }

    private static void exceedances(Station s, String p, List<Reading> list, AlarmRule rule, List<Alarm> out) {
        int need = rule.kind() == AlarmKind.CONSECUTIVE_EXCEEDANCES ? rule.count() : 1;
        int i = 0;
        while (i < list.size()) {
            if (!beyond(list.get(i).value(), rule)) {
                i++;
                continue;
            }
            int j = i;
            double extreme = list.get(i).value();
            while (j < list.size() && beyond(list.get(j).value(), rule)) {
                extreme = rule.below() ? Math.min(extreme, list.get(j).value()) : Math.max(extreme, list.get(j).value());
                j++;
            }
            int run = j - i;
            if (run >= need) {
                String key = rule.kind() == AlarmKind.CONSECUTIVE_EXCEEDANCES ? "alarm.consecutive"
                        : rule.below() ? "alarm.limit.below" : "alarm.limit.above";
                List<Object> args = rule.kind() == AlarmKind.CONSECUTIVE_EXCEEDANCES
                        ? List.of(s.code(), p, run, rule.threshold(), rule.limitSource(), extreme)
                        : List.of(s.code(), p, extreme, rule.threshold(), rule.limitSource(), run);
                out.add(new Alarm(s.code(), p, rule.id(), rule.kind(), list.get(i).instant(),
                        list.get(j - 1).instant(), extreme, key, args));
            }
            i = j;
        }
    }

    private static boolean beyond(double v, AlarmRule rule) {
        return rule.below() ? v < rule.threshold() : v > rule.threshold();
    }

    private static void rates(Station s, String p, List<Reading> list, AlarmRule rule, List<Alarm> out) {
        for (int i = 1; i < list.size(); i++) {
            Reading a = list.get(i - 1);
            Reading b = list.get(i);
            double dtHours = (b.instant() - a.instant()) / HOUR;
            if (dtHours <= 0 || (rule.hours() > 0 && dtHours > rule.hours())) {
                continue;
            }
            double rate = (b.value() - a.value()) / dtHours;
            if (Math.abs(rate) > rule.threshold()) {
                out.add(new Alarm(s.code(), p, rule.id(), rule.kind(), a.instant(), b.instant(), rate, "alarm.rate",
                        List.of(s.code(), p, rate, rule.threshold(), a.value(), b.value())));
            }
        }
    }

    private static void flatLines(Station s, String p, List<Reading> list, AlarmRule rule, List<Alarm> out) {
        int i = 0;
        while (i < list.size()) {
            double v0 = list.get(i).value();
            int j = i + 1;
            while (j < list.size() && Math.abs(list.get(j).value() - v0) <= rule.threshold()) {
                j++;
            }
            // a run of hourly values covers the hours from its first reading to the end of its last
            double spanHours = (list.get(j - 1).instant() - list.get(i).instant()) / HOUR + 1;
            if (j - i >= 2 && spanHours >= rule.hours()) {
                out.add(new Alarm(s.code(), p, rule.id(), rule.kind(), list.get(i).instant(),
                        list.get(j - 1).instant(), v0, "alarm.flat", List.of(s.code(), p, v0, spanHours, j - i)));
            }
            i = j;
        }
    }

    private static void gaps(Station s, String p, List<Reading> list, AlarmRule rule, long from, long now,
                             List<Alarm> out) {
        long previous = from;
        for (Reading r : list) {
            gap(s, p, rule, previous, r.instant(), false, out);
            previous = r.instant();
        }
        gap(s, p, rule, previous, now, true, out);
    }

    /** A silence from a to b; {@code open} when it lasts until the evaluation time. */
    private static void gap(Station s, String p, AlarmRule rule, long a, long b, boolean open, List<Alarm> out) {
        double hours = (b - a) / HOUR;
        if (hours > rule.hours()) {
            String key = (AlarmRule.ANY_PARAMETER.equals(p) ? "alarm.gap.station" : "alarm.gap")
                    + (open ? ".open" : "");
            out.add(new Alarm(s.code(), p, rule.id(), rule.kind(), a, b, hours, key,
                    List.of(s.code(), p, hours, rule.hours())));
        }
    }

    private static void flagged(Station s, String p, List<Reading> list, AlarmRule rule, List<Alarm> out) {
        int i = 0;
        while (i < list.size()) {
            Flag f = list.get(i).flag();
            if (!rule.flags().contains(f)) {
                i++;
                continue;
            }
            int j = i;
            while (j < list.size() && list.get(j).flag() == f) {
                j++;
            }
            out.add(new Alarm(s.code(), p, rule.id(), rule.kind(), list.get(i).instant(), list.get(j - 1).instant(),
                    j - i, "alarm.flagged", List.of(s.code(), p, j - i, f.name())));
            i = j;
        }
    }
}
