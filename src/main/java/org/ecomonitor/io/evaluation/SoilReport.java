package org.ecomonitor.io.evaluation;

import org.ecomonitor.analysis.standards.SoilLandUse;
import org.ecomonitor.analysis.standards.SoilRiskClass;
import org.ecomonitor.analysis.standards.SoilStandard;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GB 15618-2018 risk classes of every soil point (agricultural land): each element's latest value in the period
 * against the screening and intervention values for the point's pH (its latest soil_ph) and land use (attribute
 * 土地利用 / land_use: paddy 水田, orchard 果园, other); the point's class is its worst element's.
 */
public final class SoilReport {

    static final String[] ELEMENTS = {"cd", "hg", "as", "pb", "cr", "cu", "ni", "zn"};

    /** One point. */
    public record Point(Station station, double ph, SoilLandUse landUse, List<SoilStandard.Assessment> elements,
                        SoilRiskClass worst) {
    }

    private SoilReport() {
    }

    public static List<Point> of(ProjectStore store, Period period) {
        List<Point> out = new ArrayList<>();
        for (Station s : store.stations().ofKind(StationKind.SOIL)) {
            double ph = latest(store, s, "soil_ph", period);
            if (Double.isNaN(ph)) {
                continue;
            }
            SoilLandUse use = landUseOf(s);
            List<SoilStandard.Assessment> list = new ArrayList<>();
            SoilRiskClass worst = SoilRiskClass.BELOW_SCREENING;
            for (String e : ELEMENTS) {
                double v = latest(store, s, "soil_" + e, period);
                if (Double.isNaN(v)) {
                    continue;
                }
                SoilStandard.Assessment a = SoilStandard.assess(e, v, ph, use);
                list.add(a);
                if (rank(a.riskClass()) > rank(worst)) {
                    worst = a.riskClass();
                }
            }
            out.add(new Point(s, ph, use, list, worst));
        }
        return out;
    }

    /** Severity order: below screening, above screening (no intervention value), between, above intervention. */
    static int rank(SoilRiskClass c) {
        return switch (c) {
            case BELOW_SCREENING -> 0;
            case ABOVE_SCREENING -> 1;
            case BETWEEN -> 2;
            case ABOVE_INTERVENTION -> 3;
        };
    }

    private static double latest(ProjectStore store, Station s, String parameter, Period period) {
        ReadingSeries r = store.readings().series(s.code(), parameter, period.startMillis(s.zone()), period.endMillis(s.zone()));
        for (int i = r.size() - 1; i >= 0; i--) {
            if (r.flags()[i].isValid() && !Double.isNaN(r.values()[i])) {
                return r.values()[i];
            }
        }
        return Double.NaN;
    }

    static SoilLandUse landUseOf(Station s) {
        for (String key : new String[]{"土地利用", "land_use", "landuse", "土地利用类型"}) {
            String v = s.attribute(key);
            if (v != null) {
                String t = v.trim().toLowerCase(Locale.ROOT);
                if (t.contains("paddy") || t.contains("水田")) {
                    return SoilLandUse.PADDY;
                }
                if (t.contains("orchard") || t.contains("果园")) {
                    return SoilLandUse.ORCHARD;
                }
                return SoilLandUse.OTHER;
            }
        }
        return SoilLandUse.OTHER;
    }
}
