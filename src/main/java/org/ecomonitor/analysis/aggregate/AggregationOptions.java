package org.ecomonitor.analysis.aggregate;

import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Station;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How readings are aggregated: the local clock that defines days, which HJ 212 flags count, and the validity
 * rules.
 *
 * @param zone     the station's zone (days are local days)
 * @param accepted flags whose readings enter aggregates; by default only {@link Flag#N}
 * @param rules    validity rules
 */
public record AggregationOptions(ZoneId zone, Set<Flag> accepted, ValidityRules rules) {

    public AggregationOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rules, "rules");
        accepted = accepted == null || accepted.isEmpty() ? EnumSet.of(Flag.N) : EnumSet.copyOf(accepted);
    }

    /** Normal readings only, GB 3095-2012 rules, Asia/Shanghai. */
    public static AggregationOptions defaults() {
        return of(Station.DEFAULT_ZONE);
    }

    /** Normal readings only, GB 3095-2012 rules, the given zone. */
    public static AggregationOptions of(ZoneId zone) {
        return new AggregationOptions(zone, EnumSet.of(Flag.N), ValidityRules.GB3095_2012);
    }

    /** The same options with flagged readings (F M S D C T B) counted too. */
    public AggregationOptions includingFlagged() {
        return new AggregationOptions(zone, EnumSet.allOf(Flag.class), rules);
    }

    public AggregationOptions withRules(ValidityRules newRules) {
        return new AggregationOptions(zone, accepted, newRules);
    }

    public boolean accepts(Flag flag) {
        return accepted.contains(flag);
    }
}
