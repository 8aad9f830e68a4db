package org.ecomonitor.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.analysis.alarm.Alarm;
import org.ecomonitor.analysis.alarm.AlarmEngine;
import org.ecomonitor.analysis.alarm.AlarmRule;
import org.ecomonitor.analysis.standards.AqiBreakpoints;
import org.ecomonitor.analysis.standards.AqiItem;
import org.ecomonitor.analysis.standards.SurfaceWaterClass;
import org.ecomonitor.analysis.standards.SurfaceWaterItem;
import org.ecomonitor.analysis.standards.SurfaceWaterStandard;
import org.ecomonitor.analysis.standards.WaterBody;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Reading;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises the project's alarms: the alarm rules (the project's own, or the defaults below) evaluated on the
 * readings an import or a sync brought, and stored in the project (an alarm seen again is extended, not doubled).
 * <p>
 * Default rules, with limits read from the standards' tables, never retyped:
 * <ul>
 *   <li>air: hours in a row above the GB 3095-2012 class II limit (the HJ 633 IAQI-100 breakpoint): 3 for the
 *       1-hour limits of SO2, NO2, CO and O3, 6 for the 24-hour limits of PM2.5 and PM10 applied to hourly values;
 *       PM2.5 rising by more than 100 µg/m³ from one hour to the next; any value unchanged for 24 hours (a stuck
 *       instrument; shorter windows fire on CO's 0.1 mg/m³ resolution every night); no data for 6 hours;
 *       readings flagged F, D, T or B (stopped, fault, over range, communication) — the routine C and M flags of
 *       calibration and maintenance are left out of the defaults, as they come every week;</li>
 *   <li>surface water and drinking-water sources: any GB 3838-2002 item worse than class III by the river limits
 *       (dissolved oxygen below its class III value);</li>
 *   <li>pollution sources: any value above the source's permit limit.</li>
 * </ul>
 */
public final class AlarmService {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far before an import's first reading the evaluation looks, to join runs across imports. */
    static final long LOOK_BACK = 48 * 3_600_000L;

    private final ProjectStore store;

    public AlarmService(ProjectStore store) {
        this.store = store;
    }

    /** The rules in force: the project's, or the defaults when it has none. */
    public List<AlarmRule> rules() {
        Map<String, String> stored = store.alarms().rules();
        if (stored.isEmpty()) {
            return defaults();
        }
        List<AlarmRule> rules = new ArrayList<>();
        for (Map.Entry<String, String> e : stored.entrySet()) {
            try {
                rules.add(JSON.readValue(e.getValue(), AlarmRule.class).validate());
            } catch (JsonProcessingException ex) {
                throw new UserException(ex, "alarm.rule_unreadable", e.getKey(), ex.getOriginalMessage());
            }
        }
        return rules;
    }

    /** Stores the rules as the project's own (validated first). */
    public void saveRules(List<AlarmRule> rules) {
        Map<String, String> defs = new LinkedHashMap<>();
        for (AlarmRule r : rules) {
            r.validate();
            try {
                defs.put(r.id(), JSON.writeValueAsString(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        store.inTransaction(() -> {
            store.alarms().replaceRules(defs);
            return null;
        });
    }

    public static String toJson(List<AlarmRule> rules) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<AlarmRule> fromJson(String json) {
        try {
            return List.of(JSON.readValue(json, AlarmRule[].class));
        } catch (JsonProcessingException e) {
            throw new UserException(e, "alarm.rule_unreadable", "-", e.getOriginalMessage());
        }
    }

    /** The default rules (see the class comment). */
    public static List<AlarmRule> defaults() {
        List<AlarmRule> rules = new ArrayList<>();
        AqiBreakpoints bp = AqiBreakpoints.get();
        String gb3095 = "GB 3095-2012 二级";
        Object[][] air = {{"a21026", AqiItem.SO2_1H}, {"a21004", AqiItem.NO2_1H}, {"a21005", AqiItem.CO_1H},
                {"a05024", AqiItem.O3_1H}, {"a34004", AqiItem.PM25_24H}, {"a34002", AqiItem.PM10_24H}};
        for (Object[] a : air) {
            AqiItem item = (AqiItem) a[1];
            double limit = bp.breakpoints(item)[2];
            // a 1-hour limit after 3 hours above it; a 24-hour limit applied to hourly values after 6
            int hours = item.breakpointRow().equals("24h") ? 6 : 3;
            rules.add(AlarmRule.consecutive("air-limit-" + a[0], (String) a[0], limit, hours, gb3095).forStationKind(StationKind.AIR));
        }
        rules.add(new AlarmRule("air-jump-a34004", org.ecomonitor.analysis.alarm.AlarmKind.RATE_OF_CHANGE, "a34004",
                StationKind.AIR, null, 100, false, 1, 1, null, null, true));
        rules.add(AlarmRule.flatLine("air-flat", AlarmRule.ANY_PARAMETER, 24).forStationKind(StationKind.AIR));
        rules.add(AlarmRule.dataGap("air-gap", AlarmRule.ANY_PARAMETER, 6).forStationKind(StationKind.AIR));
        rules.add(AlarmRule.flagged("air-flagged", AlarmRule.ANY_PARAMETER, EnumSet.of(Flag.F, Flag.D, Flag.T, Flag.B))
                .forStationKind(StationKind.AIR));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SurfaceWaterItem listed : SurfaceWaterStandard.get().items()) {
            String parameter = listed.hj212() != null && !listed.hj212().isBlank() ? listed.hj212() : listed.key();
            // river limits (lake-only items such as total nitrogen are left to the water evaluation)
            SurfaceWaterItem item = SurfaceWaterStandard.get().item(parameter, WaterBody.RIVER);
            if (item == null || item.rule() == SurfaceWaterItem.Rule.RANGE || !seen.add(parameter)) {
                continue;
            }
            double limit = item.limit(SurfaceWaterClass.III);
            boolean below = item.rule() == SurfaceWaterItem.Rule.MIN;
            for (StationKind k : List.of(StationKind.SURFACE_WATER, StationKind.DRINKING_WATER)) {
                AlarmRule r = AlarmRule.limit("water-III-" + item.key() + "-" + k.code(), parameter, limit, "GB 3838-2002 III")
                        .forStationKind(k);
                rules.add(below ? r.belowLimit() : r);
            }
        }
        return rules;
    }

    /**
     * Evaluates the rules on the readings of {@code stations} between {@code from} and {@code to} (UTC ms) and
     * stores the alarms; returns the new ones. Permit limits of pollution sources are added as rules per source.
     */
    public List<Alarm> evaluate(Map<String, long[]> stations, Map<String, java.util.Set<String>> parameters,
                                Progress progress) {
        List<AlarmRule> rules = rules();
        List<Alarm> fresh = new ArrayList<>();
        progress.start("alarms", stations.size());
        int done = 0;
        for (Map.Entry<String, long[]> e : stations.entrySet()) {
            progress.checkCancelled();
            Station s = store.stations().find(e.getKey()).orElse(null);
            if (s == null) {
                continue;
            }
            List<AlarmRule> applicable = new ArrayList<>(rules);
            if (s.kind() == StationKind.POLLUTION_SOURCE) {
                store.stations().permitLimits(s.code()).forEach((p, limit) ->
                        applicable.add(AlarmRule.limit("permit-" + p, p, limit, "排污许可证").forStation(s.code())));
            }
            long from = e.getValue()[0] - LOOK_BACK;
            long to = e.getValue()[1];
            List<Reading> readings = new ArrayList<>();
            for (String p : parameters.getOrDefault(s.code(), store.parameters().all().keySet())) {
                ReadingSeries r = store.readings().series(s.code(), p, from, to + 1);
                for (int i = 0; i < r.size(); i++) {
                    readings.add(new Reading(s.code(), p, r.instants()[i], r.values()[i], r.flags()[i], null));
                }
            }
            if (readings.isEmpty()) {
                continue;
            }
            // the window starts at the first reading there is: silence before a station's first reading is no gap
            long first = readings.stream().mapToLong(Reading::instant).min().orElse(from);
            for (Alarm a : AlarmEngine.evaluate(s, readings, applicable, first, to)) {
                boolean isNew = store.alarms().put(a.station(), a.parameter(), a.ruleId(), a.kind().name(), a.start(),
                        a.end(), a.value(), a.messageKey(), a.args().stream().map(String::valueOf).toList());
                if (isNew) {
                    fresh.add(a);
                }
            }
            progress.update(++done);
        }
        return fresh;
    }
}
