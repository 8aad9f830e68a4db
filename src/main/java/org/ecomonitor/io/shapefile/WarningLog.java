package org.ecomonitor.io.shapefile;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects warnings for one file, keeping the first {@value #KEPT} of them and counting the rest, so a file with a
 * million broken values does not fill memory with a million warnings.
 */
final class WarningLog {

    static final int KEPT = 100;

    private final List<ShapefileWarning> kept = new ArrayList<>();
    private long omitted;

    void add(String key, Object... args) {
        if (kept.size() < KEPT) {
            kept.add(ShapefileWarning.of(key, args));
        } else {
            omitted++;
        }
    }

    /** The kept warnings, followed by one that counts those omitted, if any. */
    List<ShapefileWarning> list() {
        List<ShapefileWarning> all = new ArrayList<>(kept);
        if (omitted > 0) {
            all.add(ShapefileWarning.of("shp.warn.omitted", omitted));
        }
        return List.copyOf(all);
    }
}
