package org.ecomonitor.server;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a user may do. Everyone reads what lies in their counties; writing depends on the role:
 * <ul>
 *   <li>admin: everything (and manages users on the command line);</li>
 *   <li>analyst: stations, readings and records (other layers' features, planned points, alarm acknowledgements);</li>
 *   <li>planner: records only (layout designs and their planned points);</li>
 *   <li>field: stations, readings and records (surveys and acknowledgements from the field).</li>
 * </ul>
 */
public enum Role {
    ADMIN(EnumSet.allOf(Entity.class)),
    ANALYST(EnumSet.allOf(Entity.class)),
    PLANNER(EnumSet.of(Entity.RECORD)),
    FIELD(EnumSet.allOf(Entity.class));

    /** The kinds of synced rows. */
    public enum Entity { STATION, READING, RECORD }

    private final Set<Entity> writable;

    Role(Set<Entity> writable) {
        this.writable = writable;
    }

    public boolean mayWrite(Entity entity) {
        return writable.contains(entity);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a code (case-insensitive), or null. */
    public static Role parse(String code) {
        for (Role r : values()) {
            if (r.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return r;
            }
        }
        return null;
    }
}
