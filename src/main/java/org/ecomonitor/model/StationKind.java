package org.ecomonitor.model;

import java.util.Locale;

/**
 * The kinds of monitoring points a city network holds (the Tongren plan's networks). The code is what the
 * store and the files carry; display names come from the resource bundles under the key {@code kind.<code>}.
 */
public enum StationKind {
    AIR("air", "22"),
    SURFACE_WATER("surface_water", "21"),
    DRINKING_WATER("drinking_water", "21"),
    GROUNDWATER("groundwater", "24"),
    SOIL("soil", "25"),
    NOISE("noise", "23"),
    RADIATION("radiation", null),
    POLLUTION_SOURCE("pollution_source", "31"),
    ECOLOGY("ecology", null);

    private final String code;
    private final String hj212SystemCode;

    StationKind(String code, String hj212SystemCode) {
        this.code = code;
        this.hj212SystemCode = hj212SystemCode;
    }

    /** The stable code stored in the GeoPackage and written in files, for example {@code surface_water}. */
    public String code() {
        return code;
    }

    /** The HJ 212-2017 system code (ST) of this kind's online monitoring, or null when the standard has none. */
    public String hj212SystemCode() {
        return hj212SystemCode;
    }

    /** The resource-bundle key of the display name. */
    public String messageKey() {
        return "kind." + code;
    }

    /**
     * Parses a kind from its code, its enum name or a common Chinese or English label
     * ("空气", "地表水", "water section" ...). Returns null when nothing matches.
     */
    public static StationKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (StationKind k : values()) {
            if (k.code.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t)) {
                return k;
            }
        }
        return switch (t) {
            case "空气", "环境空气", "空气站", "ambient_air", "air_station" -> AIR;
            case "地表水", "地表水断面", "断面", "water", "water_section", "river_section", "surface" -> SURFACE_WATER;
            case "饮用水", "饮用水源", "饮用水水源地", "水源地", "drinking", "drinking_water_source" -> DRINKING_WATER;
            case "地下水", "groundwater_well", "well" -> GROUNDWATER;
            case "土壤", "土壤点位", "soil_point" -> SOIL;
            case "噪声", "声环境", "noise_point" -> NOISE;
            case "辐射", "辐射站", "radiation_station" -> RADIATION;
            case "污染源", "重点污染源", "pollution", "source", "enterprise" -> POLLUTION_SOURCE;
            case "生态", "eco" -> ECOLOGY;
            default -> null;
        };
    }
}
