package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.UserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GB 3096-2008 Table 1 loaded from {@code gb3096_2008_noise_limits.csv}. Loaded once, immutable, thread-safe.
 */
public final class NoiseLimits {

    static final String FILE = "gb3096_2008_noise_limits.csv";
    private static volatile List<NoiseZone> zones;

    private NoiseLimits() {
    }

    public static List<NoiseZone> zones() {
        List<NoiseZone> z = zones;
        if (z == null) {
            List<NoiseZone> list = new ArrayList<>();
            for (StandardTable.Row row : StandardTable.load(FILE).rows) {
                list.add(new NoiseZone(row.text("zone_class"), row.text("description_zh"),
                        row.text("description_en"), row.number("day_limit_dBA"), row.number("night_limit_dBA")));
            }
            z = List.copyOf(list);
            zones = z;
        }
        return z;
    }

    /** The zone class by code ("0", "1", "2", "3", "4a", "4b"; also "4A", "1类", "class 2"). */
    public static NoiseZone zone(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT).replace("类", "").replace("class", "")
                .trim();
        for (NoiseZone z : zones()) {
            if (z.code().equals(c)) {
                return z;
            }
        }
        throw new UserException("noise.error.zone", code);
    }
}
