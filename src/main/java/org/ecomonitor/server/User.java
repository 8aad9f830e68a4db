package org.ecomonitor.server;

import java.util.Set;

/**
 * A server user: name, role, and the counties (six-digit adcodes) whose stations and readings they may see and
 * change; an empty set means all counties.
 */
public record User(long id, String name, Role role, Set<String> counties, boolean disabled, long createdMs) {

    public User {
        counties = Set.copyOf(counties);
    }

    public boolean allCounties() {
        return counties.isEmpty();
    }

    /** True when a row of this adcode lies in the user's counties (rows without an adcode only for all-county users). */
    public boolean covers(String adcode) {
        return counties.isEmpty() || (adcode != null && counties.contains(adcode));
    }
}
