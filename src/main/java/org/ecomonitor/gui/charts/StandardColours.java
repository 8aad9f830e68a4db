package org.ecomonitor.gui.charts;

import javafx.scene.paint.Color;
import org.ecomonitor.analysis.standards.AirQualityIndex;
import org.ecomonitor.analysis.standards.AqiCategory;
import org.ecomonitor.analysis.standards.AqiItem;
import org.ecomonitor.analysis.standards.SurfaceWaterClass;
import org.ecomonitor.analysis.standards.SurfaceWaterStandard;
import org.ecomonitor.analysis.standards.WaterBody;

import java.util.Map;

/**
 * The colours of the standards' classes, as Chinese reports and maps show them: the HJ 633-2012 AQI categories
 * (the standard's own colours, read from its table) and the GB 3838-2002 water classes (GB 3838 names no
 * colours; this is the scheme of the national surface-water quality publication maps: Ⅰ light cyan, Ⅱ blue,
 * Ⅲ green, Ⅳ yellow, Ⅴ orange, 劣Ⅴ red).
 */
public final class StandardColours {

    private StandardColours() {
    }

    public static Color of(AqiCategory c) {
        return Color.rgb(c.red(), c.green(), c.blue());
    }

    public static Color of(SurfaceWaterClass c) {
        return switch (c) {
            case I -> Color.web("#ccffff");
            case II -> Color.web("#00ccff");
            case III -> Color.web("#00cc00");
            case IV -> Color.web("#ffff00");
            case V -> Color.web("#ff9b00");
            case WORSE_THAN_V -> Color.web("#ff0000");
        };
    }

    /** The AQI item a parameter's daily value is judged by (O3: the daily maximum 8-hour mean), or null. */
    public static AqiItem dailyAqiItem(String parameter) {
        return switch (parameter) {
            case "a34004" -> AqiItem.PM25_24H;
            case "a34002" -> AqiItem.PM10_24H;
            case "a21026" -> AqiItem.SO2_24H;
            case "a21004" -> AqiItem.NO2_24H;
            case "a21005" -> AqiItem.CO_24H;
            case "a05024" -> AqiItem.O3_8H;
            default -> null;
        };
    }

    /** The AQI category of one item's daily value (its individual index, IAQI). */
    public static AqiCategory category(AqiItem item, double value) {
        return AirQualityIndex.daily(Map.of(item, value)).category();
    }

    /** True when GB 3838-2002 classes this parameter in rivers. */
    public static boolean hasWaterClass(String parameter) {
        return SurfaceWaterStandard.get().item(parameter, WaterBody.RIVER) != null;
    }

    /** The GB 3838-2002 class (river limits) of one value of a parameter, or null when the table has no class for it. */
    public static SurfaceWaterClass waterClass(String parameter, double value) {
        var item = SurfaceWaterStandard.get().item(parameter, WaterBody.RIVER);
        return item == null || Double.isNaN(value) ? null : item.classify(value);
    }
}
