package org.ecomonitor.cli;

import org.ecomonitor.analysis.standards.AirQualityIndex;
import org.ecomonitor.analysis.standards.AqiItem;
import org.ecomonitor.analysis.standards.NoiseGrading;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.analysis.standards.SoilStandard;
import org.ecomonitor.analysis.standards.SurfaceWaterEvaluation;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.evaluation.AirQualityReport;
import org.ecomonitor.io.evaluation.CsvEvaluation;
import org.ecomonitor.io.evaluation.NoiseReport;
import org.ecomonitor.io.evaluation.Period;
import org.ecomonitor.io.evaluation.SoilReport;
import org.ecomonitor.io.evaluation.WaterQualityReport;
import org.ecomonitor.store.ProjectStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code evaluate water|air|noise|soil --store S.gpkg [--period P] [--station CODE]} or {@code --csv FILE}:
 * GB 3838 water classes, HJ 633 AQI, GB 3096 / HJ 640 noise, GB 15618 soil risk classes.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate readings against the national standards: water (GB 3838-2002), air (HJ 633-2012), "
                + "noise (GB 3096-2008, HJ 640-2012), soil (GB 15618-2018).")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "water|air|noise|soil") String what;
    @Option(names = "--store") Path store;
    @Option(names = "--csv", description = "Evaluate the rows of a CSV file instead (one sample per row).") Path csv;
    @Option(names = "--period", description = "2024, 2024-05, 2024-Q2 or 2024-03-01..2024-06-01 (default: everything)") String period;
    @Option(names = "--station", description = "Only this station (water, air).") String station;
    @Option(names = "--daily", description = "Air: list every day.") boolean daily;
    @Option(names = "--lake", description = "--csv water: lake or reservoir rules (TP, TN).") boolean lake;
    @Option(names = "--json") boolean json;

    @Override
    public Integer call() {
        String kind = what.toLowerCase(Locale.ROOT);
        if (!List.of("water", "air", "noise", "soil").contains(kind)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "evaluate water, air, noise or soil");
        }
        if ((store == null) == (csv == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --store or --csv");
        }
        Object result;
        if (csv != null) {
            result = switch (kind) {
                case "water" -> CsvEvaluation.water(csv, lake).stream().map(r -> water(r.label(), null, r.result(), 1, null)).toList();
                case "air" -> CsvEvaluation.air(csv).stream().map(r -> airDay(r.label(), r.aqi())).toList();
                case "soil" -> CsvEvaluation.soil(csv).stream().map(EvaluateCommand::soil).toList();
                default -> CsvEvaluation.noise(csv).stream().map(EvaluateCommand::noisePoint).toList();
            };
        } else {
            try (ProjectStore s = ProjectStore.open(store)) {
                Period p = Period.parse(period);
                result = switch (kind) {
                    case "water" -> WaterQualityReport.of(s, p, station).stream()
                            .map(x -> water(x.station().code(), x.station().name(), x.period(), x.samples(),
                                    x.sampleClasses().stream().map(c -> c == null ? null : c.label(Messages.locale())).toList()))
                            .toList();
                    case "air" -> AirQualityReport.of(s, p, station).stream().map(this::airStation).toList();
                    case "soil" -> SoilReport.of(s, p).stream().map(EvaluateCommand::soil).toList();
                    default -> noise(NoiseReport.of(s, p));
                };
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, Map.of("evaluation", kind, "period", period == null ? "" : period, "results", result));
        } else {
            print(out, result, "");
        }
        out.flush();
        return 0;
    }

    // ---------------------------------------------------------------- water

    private static Map<String, Object> water(String code, String name, SurfaceWaterEvaluation.Result r, int samples,
                                             List<String> sampleClasses) {
        Locale l = Messages.locale();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("station", code);
        if (name != null) {
            m.put("name", name);
        }
        m.put("samples", samples);
        m.put("class", r.waterClass() == null ? null : r.waterClass().label(l));
        m.put("decisive", r.decisive().stream().map(i -> i.item().name(l)).toList());
        List<Map<String, Object>> ex = new ArrayList<>();
        for (SurfaceWaterEvaluation.ItemResult i : r.exceeding()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("item", i.item().name(l));
            e.put("value", round(i.value(), 4));
            e.put("class", i.waterClass().label(l));
            e.put("multiple", Double.isNaN(i.exceedanceMultiple()) ? null : round(i.exceedanceMultiple(), 2));
            ex.add(e);
        }
        m.put("exceeding_class_III", ex);
        if (sampleClasses != null) {
            m.put("sample_classes", sampleClasses);
        }
        return m;
    }

    // ---------------------------------------------------------------- air

    private Map<String, Object> airStation(AirQualityReport.StationDays sd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("station", sd.station().code());
        m.put("name", sd.station().name());
        m.put("days", sd.days().size());
        int[] levels = sd.daysPerLevel();
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (var c : org.ecomonitor.analysis.standards.AqiCategory.all()) {
            byCategory.put(c.name(Messages.locale()), levels[c.level()]);
        }
        m.put("days_by_category", byCategory);
        m.put("exceedance_days", sd.exceedanceDays());
        AirQualityReport.Day worst = sd.days().stream().max((a, b) -> Integer.compare(a.aqi().aqi(), b.aqi().aqi())).orElseThrow();
        m.put("max_aqi", worst.aqi().aqi());
        m.put("max_aqi_date", worst.date().toString());
        if (daily) {
            m.put("daily", sd.days().stream().map(d -> airDay(d.date().toString(), d.aqi())).toList());
        }
        return m;
    }

    private static Map<String, Object> airDay(String label, AirQualityIndex a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", label);
        m.put("aqi", a.aqi());
        m.put("category", a.category().name(Messages.locale()));
        m.put("colour", a.category().hex());
        m.put("primary", a.primary().stream().map(AqiItem::label).toList());
        return m;
    }

    // ---------------------------------------------------------------- soil

    private static Map<String, Object> soil(SoilReport.Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("station", p.station().code());
        m.put("ph", p.ph());
        m.put("land_use", p.landUse().name().toLowerCase(Locale.ROOT));
        m.put("class", Messages.get(p.worst().messageKey()));
        List<Map<String, Object>> over = new ArrayList<>();
        for (SoilStandard.Assessment a : p.elements()) {
            if (a.value() > a.screening()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("element", a.element());
                e.put("value", a.value());
                e.put("screening", a.screening());
                e.put("intervention", Double.isNaN(a.intervention()) ? null : a.intervention());
                over.add(e);
            }
        }
        m.put("above_screening", over);
        return m;
    }

    // ---------------------------------------------------------------- noise

    private static Map<String, Object> noise(NoiseReport.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("regional_day", grade(r.regionalDay()));
        m.put("regional_night", grade(r.regionalNight()));
        m.put("road_traffic_day", grade(r.roadDay()));
        m.put("road_traffic_night", grade(r.roadNight()));
        long dayOver = r.points().stream().filter(p -> p.exceeds(NoisePeriod.DAY)).count();
        long nightOver = r.points().stream().filter(p -> p.exceeds(NoisePeriod.NIGHT)).count();
        m.put("points", r.points().size());
        m.put("points_over_day_limit", dayOver);
        m.put("points_over_night_limit", nightOver);
        m.put("points_detail", r.points().stream().map(EvaluateCommand::noisePoint).toList());
        return m;
    }

    private static Map<String, Object> grade(NoiseGrading.Result g) {
        if (g == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_leq", round(g.mean(), 1));
        m.put("grade", g.grade().number());
        m.put("grade_text", g.grade().label(Messages.locale()));
        m.put("points", g.points());
        m.put("enough_points", g.enoughPoints());
        return m;
    }

    private static Map<String, Object> noisePoint(NoiseReport.Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("station", p.station().code());
        m.put("zone", p.zone() == null ? null : p.zone().code());
        m.put("day_leq", Double.isNaN(p.dayLeq()) ? null : round(p.dayLeq(), 1));
        m.put("day_limit", p.zone() == null ? null : p.zone().limit(NoisePeriod.DAY));
        m.put("day_exceeds", p.exceeds(NoisePeriod.DAY));
        m.put("night_leq", Double.isNaN(p.nightLeq()) ? null : round(p.nightLeq(), 1));
        m.put("night_limit", p.zone() == null ? null : p.zone().limit(NoisePeriod.NIGHT));
        m.put("night_exceeds", p.exceeds(NoisePeriod.NIGHT));
        return m;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Prints nested maps and lists as an indented outline. */
    private static void print(PrintWriter out, Object o, String indent) {
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map<?, ?> || (v instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof String))) {
                    out.println(indent + e.getKey() + ":");
                    print(out, v, indent + "  ");
                } else {
                    out.println(indent + e.getKey() + ": " + (v == null ? "-" : v));
                }
            }
        } else if (o instanceof List<?> l) {
            for (Object x : l) {
                if (x instanceof Map<?, ?> m && !m.isEmpty()) {
                    Object first = m.values().iterator().next();
                    out.println(indent + "- " + first);
                    print(out, x, indent + "    ");
                } else {
                    out.println(indent + "- " + x);
                }
            }
        } else {
            out.println(indent + o);
        }
    }
}
