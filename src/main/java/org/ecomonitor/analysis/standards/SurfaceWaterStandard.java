package org.ecomonitor.analysis.standards;

import org.ecomonitor.i18n.UserException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GB 3838-2002 Table 1 (basic items, classes I–V) loaded from {@code gb3838_2002_surface_water.csv}. Items
 * are found by our key or HJ 212 code; for lakes and reservoirs "tp" means the lake row, and total nitrogen
 * exists only for them. Loaded once, immutable, thread-safe.
 */
public final class SurfaceWaterStandard {

    static final String FILE = "gb3838_2002_surface_water.csv";
    private static volatile SurfaceWaterStandard instance;

    private final Map<String, SurfaceWaterItem> byKey;

    private SurfaceWaterStandard(Map<String, SurfaceWaterItem> byKey) {
        this.byKey = byKey;
    }

    public static SurfaceWaterStandard get() {
        SurfaceWaterStandard s = instance;
        if (s == null) {
            s = load();
            instance = s;
        }
        return s;
    }

    private static SurfaceWaterStandard load() {
        Map<String, SurfaceWaterItem> items = new LinkedHashMap<>();
        String[] classes = {"class_I", "class_II", "class_III", "class_IV", "class_V"};
        for (StandardTable.Row row : StandardTable.load(FILE).rows) {
            SurfaceWaterItem.Rule rule = switch (row.text("rule")) {
                case "max" -> SurfaceWaterItem.Rule.MAX;
                case "min" -> SurfaceWaterItem.Rule.MIN;
                case "range" -> SurfaceWaterItem.Rule.RANGE;
                default -> throw new UserException("standards.error.value", FILE, row.line(), "rule", row.text("rule"));
            };
            double[] limits = new double[5];
            double[] lower = rule == SurfaceWaterItem.Rule.RANGE ? new double[5] : null;
            for (int i = 0; i < 5; i++) {
                if (rule == SurfaceWaterItem.Rule.RANGE) {
                    String[] range = row.text(classes[i]).split("-");
                    if (range.length != 2) {
                        throw new UserException("standards.error.value", FILE, row.line(), classes[i],
                                row.text(classes[i]));
                    }
                    lower[i] = Double.parseDouble(range[0].trim());
                    limits[i] = Double.parseDouble(range[1].trim());
                } else {
                    limits[i] = row.number(classes[i]);
                }
            }
            SurfaceWaterItem item = new SurfaceWaterItem(row.text("item_key"), row.text("hj212_code"),
                    row.text("name_zh"), row.text("name_en"), row.text("unit"), rule, limits, lower,
                    row.text("applies_to"));
            items.put(item.key(), item);
        }
        return new SurfaceWaterStandard(Collections.unmodifiableMap(items));
    }

    /** All rows of the table, in its order. */
    public List<SurfaceWaterItem> items() {
        return new ArrayList<>(byKey.values());
    }

    /**
     * The item that applies to {@code body} for a key ("tp", "nh3n" ...) or HJ 212 code ("w21011" ...), or null
     * when the table has none for it (total nitrogen in a river, water temperature, conductivity ...).
     */
    public SurfaceWaterItem item(String keyOrCode, WaterBody body) {
        String k = keyOrCode.trim().toLowerCase(Locale.ROOT);
        for (SurfaceWaterItem item : byKey.values()) {
            if (item.hj212().equalsIgnoreCase(k) && applies(item, body)) {
                return item;
            }
        }
        if (body == WaterBody.LAKE_RESERVOIR && byKey.containsKey(k + "_lake")) {
            return byKey.get(k + "_lake");
        }
        SurfaceWaterItem item = byKey.get(k);
        return item != null && applies(item, body) ? item : null;
    }

    private static boolean applies(SurfaceWaterItem item, WaterBody body) {
        return switch (item.appliesTo()) {
            case "river" -> body == WaterBody.RIVER;
            case "lake" -> body == WaterBody.LAKE_RESERVOIR;
            default -> true;
        };
    }
}
