package org.ecomonitor.io.evaluation;

import org.ecomonitor.analysis.standards.SurfaceWaterClass;
import org.ecomonitor.analysis.standards.SurfaceWaterEvaluation;
import org.ecomonitor.analysis.standards.SurfaceWaterStandard;
import org.ecomonitor.analysis.standards.WaterBody;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.ReadingSeries;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GB 3838-2002 single-factor evaluation of every surface-water section and drinking-water source over a
 * period: each sample's class, and the section's class from the period means of its items (the worst item
 * decides; 劣V beyond V), with the items exceeding class III and their multiples. Lakes and reservoirs
 * (attribute {@code waterbody=lake}) get the lake rules for total phosphorus and nitrogen. Flagged readings
 * (flags other than N) are left out.
 */
public final class WaterQualityReport {

    /** One section's result. */
    public record Section(Station station, WaterBody body, int samples, SurfaceWaterEvaluation.Result period,
                          List<SurfaceWaterClass> sampleClasses) {
    }

    private WaterQualityReport() {
    }

    public static List<Section> of(ProjectStore store, Period period, String stationCode) {
        List<Section> out = new ArrayList<>();
        List<Station> stations = new ArrayList<>(store.stations().ofKind(StationKind.SURFACE_WATER));
        stations.addAll(store.stations().ofKind(StationKind.DRINKING_WATER));
        Map<String, Parameter> parameters = store.parameters().all();
        for (Station s : stations) {
            if (stationCode != null && !stationCode.equals(s.code())) {
                continue;
            }
            WaterBody body = isLake(s) ? WaterBody.LAKE_RESERVOIR : WaterBody.RIVER;
            Map<Long, Map<String, Double>> samples = new TreeMap<>();
            for (Parameter p : parameters.values()) {
                if (SurfaceWaterStandard.get().item(p.code(), body) == null) {
                    continue;
                }
                ReadingSeries r = store.readings().series(s.code(), p.code(), period.startMillis(s.zone()), period.endMillis(s.zone()));
                for (int i = 0; i < r.size(); i++) {
                    if (r.flags()[i].isValid() && !Double.isNaN(r.values()[i])) {
                        samples.computeIfAbsent(r.instants()[i], k -> new TreeMap<>()).put(p.code(), r.values()[i]);
                    }
                }
            }
            if (samples.isEmpty()) {
                continue;
            }
            SurfaceWaterEvaluation evaluation = SurfaceWaterEvaluation.of(body);
            List<SurfaceWaterClass> classes = new ArrayList<>();
            for (Map<String, Double> sample : samples.values()) {
                classes.add(evaluation.evaluate(sample).waterClass());
            }
            out.add(new Section(s, body, samples.size(), evaluation.evaluatePeriod(new ArrayList<>(samples.values())), classes));
        }
        return out;
    }

    static boolean isLake(Station s) {
        String w = s.attribute("waterbody");
        return w != null && (w.equalsIgnoreCase("lake") || w.equalsIgnoreCase("reservoir") || w.contains("湖") || w.contains("库"));
    }
}
