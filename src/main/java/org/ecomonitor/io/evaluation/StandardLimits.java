package org.ecomonitor.io.evaluation;

import org.ecomonitor.analysis.standards.AqiBreakpoints;
import org.ecomonitor.analysis.standards.AqiItem;
import org.ecomonitor.analysis.standards.SurfaceWaterClass;
import org.ecomonitor.analysis.standards.SurfaceWaterItem;
import org.ecomonitor.analysis.standards.SurfaceWaterStandard;
import org.ecomonitor.analysis.standards.WaterBody;

/**
 * The limit a chart draws and an early warning compares with, by parameter, read from the standards' tables:
 * for air the GB 3095-2012 class II 24-hour limit (HJ 633's IAQI-100 breakpoint; 8-hour for O3), for surface
 * water the GB 3838-2002 class III limit (river rules). NaN when the tables have none.
 */
public final class StandardLimits {

    private StandardLimits() {
    }

    public static double of(String parameter) {
        AqiItem air = switch (parameter) {
            case "a34004" -> AqiItem.PM25_24H;
            case "a34002" -> AqiItem.PM10_24H;
            case "a21026" -> AqiItem.SO2_24H;
            case "a21004" -> AqiItem.NO2_24H;
            case "a21005" -> AqiItem.CO_24H;
            case "a05024" -> AqiItem.O3_8H;
            default -> null;
        };
        if (air != null) {
            return AqiBreakpoints.get().breakpoints(air)[2];
        }
        SurfaceWaterItem item = SurfaceWaterStandard.get().item(parameter, WaterBody.RIVER);
        if (item != null && item.rule() != SurfaceWaterItem.Rule.RANGE) {
            return item.limit(SurfaceWaterClass.III);
        }
        return Double.NaN;
    }
}
