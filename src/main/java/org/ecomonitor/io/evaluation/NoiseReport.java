package org.ecomonitor.io.evaluation;

import org.ecomonitor.analysis.standards.EquivalentLevel;
import org.ecomonitor.analysis.standards.NoiseGrading;
import org.ecomonitor.analysis.standards.NoiseLimits;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.analysis.standards.NoiseZone;
import org.ecomonitor.model.Reading;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * GB 3096-2008 and HJ 640-2012 evaluation of the noise points over a period: each point's day (06-22) and night
 * (22-06) equivalent level (energy mean of its Leq readings in the period) against its functional zone's limit,
 * and the HJ 640 grades of the regional grid (mean of the valid grid points) and of road traffic (mean weighted by
 * road length). A point's zone comes from its attribute {@code 声环境功能区}, {@code zone_class} or {@code zone}.
 */
public final class NoiseReport {

    /** One point: Leq and limit per period (NaN when it has no reading in that period). */
    public record Point(Station station, NoiseZone zone, double dayLeq, double nightLeq) {
        public boolean exceeds(NoisePeriod period) {
            double leq = period == NoisePeriod.DAY ? dayLeq : nightLeq;
            return zone != null && !Double.isNaN(leq) && leq > zone.limit(period);
        }
    }

    /** The whole evaluation. */
    public record Result(List<Point> points, NoiseGrading.Result regionalDay, NoiseGrading.Result regionalNight,
                         NoiseGrading.Result roadDay, NoiseGrading.Result roadNight) {
    }

    private NoiseReport() {
    }

    public static Result of(ProjectStore store, Period period) {
        List<Point> points = new ArrayList<>();
        List<Double> gridDay = new ArrayList<>();
        List<Double> gridNight = new ArrayList<>();
        List<double[]> roadDay = new ArrayList<>();
        List<double[]> roadNight = new ArrayList<>();
        for (Station s : store.stations().ofKind(StationKind.NOISE)) {
            List<Double> day = new ArrayList<>();
            List<Double> night = new ArrayList<>();
            for (Reading r : StationReadings.of(store, s, "leq", period)) {
                if (!r.flag().isValid()) {
                    continue;
                }
                int hour = LocalDateTime.ofInstant(Instant.ofEpochMilli(r.instant()), s.zone()).getHour();
                (NoisePeriod.ofHour(hour) == NoisePeriod.DAY ? day : night).add(r.value());
            }
            if (day.isEmpty() && night.isEmpty()) {
                continue;
            }
            double d = day.isEmpty() ? Double.NaN : EquivalentLevel.of(day.stream().mapToDouble(Double::doubleValue).toArray());
            double n = night.isEmpty() ? Double.NaN : EquivalentLevel.of(night.stream().mapToDouble(Double::doubleValue).toArray());
            points.add(new Point(s, zoneOf(s), d, n));
            String survey = s.attribute("survey");
            if ("road_traffic".equals(survey)) {
                double length = lengthOf(s);
                if (!Double.isNaN(d)) {
                    roadDay.add(new double[]{d, length});
                }
                if (!Double.isNaN(n)) {
                    roadNight.add(new double[]{n, length});
                }
            } else if ("regional".equals(survey)) {
                if (!Double.isNaN(d)) {
                    gridDay.add(d);
                }
                if (!Double.isNaN(n)) {
                    gridNight.add(n);
                }
            }
        }
        return new Result(points, regional(NoisePeriod.DAY, gridDay), regional(NoisePeriod.NIGHT, gridNight),
                road(NoisePeriod.DAY, roadDay), road(NoisePeriod.NIGHT, roadNight));
    }

    private static NoiseGrading.Result regional(NoisePeriod p, List<Double> levels) {
        return levels.isEmpty() ? null : NoiseGrading.regional(p, levels.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static NoiseGrading.Result road(NoisePeriod p, List<double[]> levels) {
        if (levels.isEmpty()) {
            return null;
        }
        return NoiseGrading.roadTraffic(p, levels.stream().mapToDouble(x -> x[0]).toArray(),
                levels.stream().mapToDouble(x -> x[1]).toArray());
    }

    static NoiseZone zoneOf(Station s) {
        for (String key : new String[]{"声环境功能区", "zone_class", "zone", "功能区"}) {
            String z = s.attribute(key);
            if (z != null && !z.isBlank()) {
                try {
                    return NoiseLimits.zone(z.trim().replace("类", "").toLowerCase(java.util.Locale.ROOT));
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static double lengthOf(Station s) {
        for (var e : s.attributes().entrySet()) {
            String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (k.contains("length") || k.contains("长度")) {
                try {
                    return Double.parseDouble(e.getValue());
                } catch (NumberFormatException ignored) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
