package org.ecomonitor.io.evaluation;

import org.ecomonitor.analysis.standards.AirQualityIndex;
import org.ecomonitor.analysis.standards.AqiItem;
import org.ecomonitor.analysis.standards.NoiseLimits;
import org.ecomonitor.analysis.standards.NoisePeriod;
import org.ecomonitor.analysis.standards.SoilLandUse;
import org.ecomonitor.analysis.standards.SoilRiskClass;
import org.ecomonitor.analysis.standards.SoilStandard;
import org.ecomonitor.analysis.standards.SurfaceWaterEvaluation;
import org.ecomonitor.analysis.standards.WaterBody;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.CsvTable;
import org.ecomonitor.io.TableSource;
import org.ecomonitor.io.TimeParser;
import org.ecomonitor.model.Parameter;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ParameterCatalogue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Standards evaluation of a CSV file without a project: one sample per row, the items in columns named as the
 * importer knows them (Chinese or English names, HJ 212 codes). The first column labels the row.
 * Water: GB 3838 items; air: daily concentrations (PM2.5, PM10, SO2, NO2, CO, O3 as the daily maximum 8-hour
 * mean, O3_1h); soil: pH, land use and elements; noise: Leq with a time or a day/night column and a zone.
 */
public final class CsvEvaluation {

    private CsvEvaluation() {
    }

    public record WaterRow(String label, SurfaceWaterEvaluation.Result result) {
    }

    public record AirRow(String label, AirQualityIndex aqi) {
    }

    public static List<WaterRow> water(Path file, boolean lake) {
        List<WaterRow> out = new ArrayList<>();
        SurfaceWaterEvaluation ev = SurfaceWaterEvaluation.of(lake ? WaterBody.LAKE_RESERVOIR : WaterBody.RIVER);
        try (CsvTable t = new CsvTable(file, null)) {
            Map<Integer, String> cols = columns(t.header(), StationKind.SURFACE_WATER);
            for (TableSource.Row r : t) {
                Map<String, Double> sample = new LinkedHashMap<>();
                cols.forEach((i, code) -> sample.put(code, number(file, r, i)));
                out.add(new WaterRow(r.cell(0), ev.evaluate(sample)));
            }
        }
        return out;
    }

    public static List<AirRow> air(Path file) {
        List<AirRow> out = new ArrayList<>();
        try (CsvTable t = new CsvTable(file, null)) {
            Map<Integer, AqiItem> cols = new LinkedHashMap<>();
            for (int i = 0; i < t.header().size(); i++) {
                String h = ParameterCatalogue.normalize(t.header().get(i));
                AqiItem item = switch (h) {
                    case "o3_1h", "o31h", "o3-1h", "臭氧1小时" -> AqiItem.O3_1H;
                    case "o3", "o3_8h", "o38h", "臭氧", "臭氧8小时" -> AqiItem.O3_8H;
                    default -> {
                        Optional<Parameter> p = ParameterCatalogue.resolveBuiltIn(t.header().get(i), StationKind.AIR);
                        yield p.map(x -> switch (x.code()) {
                            case "a34004" -> AqiItem.PM25_24H;
                            case "a34002" -> AqiItem.PM10_24H;
                            case "a21026" -> AqiItem.SO2_24H;
                            case "a21004" -> AqiItem.NO2_24H;
                            case "a21005" -> AqiItem.CO_24H;
                            default -> null;
                        }).orElse(null);
                    }
                };
                if (item != null) {
                    cols.put(i, item);
                }
            }
            if (cols.isEmpty()) {
                throw new UserException("evaluate.csv_no_items", file, String.join(", ", t.header()));
            }
            for (TableSource.Row r : t) {
                Map<AqiItem, Double> c = new EnumMap<>(AqiItem.class);
                cols.forEach((i, item) -> {
                    double v = number(file, r, i);
                    if (!Double.isNaN(v)) {
                        c.put(item, v);
                    }
                });
                out.add(new AirRow(r.cell(0), AirQualityIndex.daily(c)));
            }
        }
        return out;
    }

    public static List<SoilReport.Point> soil(Path file) {
        List<SoilReport.Point> out = new ArrayList<>();
        try (CsvTable t = new CsvTable(file, null)) {
            int ph = -1;
            int use = -1;
            Map<Integer, String> elements = new LinkedHashMap<>();
            for (int i = 0; i < t.header().size(); i++) {
                String h = ParameterCatalogue.normalize(t.header().get(i));
                if (h.equals("ph") || h.equals("ph值") || h.equals("土壤ph")) {
                    ph = i;
                } else if (h.equals("土地利用") || h.equals("land_use") || h.equals("landuse")) {
                    use = i;
                } else {
                    Optional<Parameter> p = ParameterCatalogue.resolveBuiltIn(t.header().get(i), StationKind.SOIL);
                    if (p.isPresent() && p.get().code().startsWith("soil_") && !p.get().code().equals("soil_mn")) {
                        elements.put(i, p.get().code().substring("soil_".length()));
                    }
                }
            }
            if (ph < 0) {
                throw new UserException("evaluate.csv_no_ph", file);
            }
            for (TableSource.Row r : t) {
                double phValue = number(file, r, ph);
                Map<String, String> attrs = use >= 0 ? Map.of("土地利用", r.cell(use)) : Map.of();
                Station s = new Station(r.cell(0).isBlank() ? "row" + r.line() : r.cell(0), null, StationKind.SOIL, 0, 0, null, null, attrs);
                SoilLandUse landUse = SoilReport.landUseOf(s);
                List<SoilStandard.Assessment> list = new ArrayList<>();
                SoilRiskClass worst = SoilRiskClass.BELOW_SCREENING;
                for (Map.Entry<Integer, String> e : elements.entrySet()) {
                    double v = number(file, r, e.getKey());
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    SoilStandard.Assessment a = SoilStandard.assess(e.getValue(), v, phValue, landUse);
                    list.add(a);
                    if (SoilReport.rank(a.riskClass()) > SoilReport.rank(worst)) {
                        worst = a.riskClass();
                    }
                }
                out.add(new SoilReport.Point(s, phValue, landUse, list, worst));
            }
        }
        return out;
    }

    public static List<NoiseReport.Point> noise(Path file) {
        List<NoiseReport.Point> out = new ArrayList<>();
        try (CsvTable t = new CsvTable(file, null)) {
            int leq = -1;
            int time = -1;
            int period = -1;
            int zone = -1;
            for (int i = 0; i < t.header().size(); i++) {
                String h = ParameterCatalogue.normalize(t.header().get(i));
                switch (h) {
                    case "leq", "laeq", "等效声级" -> leq = i;
                    case "time", "监测时间", "时间" -> time = i;
                    case "period", "时段" -> period = i;
                    case "zone", "zone_class", "声环境功能区", "功能区" -> zone = i;
                    default -> {
                    }
                }
            }
            if (leq < 0 || zone < 0 || (time < 0 && period < 0)) {
                throw new UserException("evaluate.csv_noise_columns", file, String.join(", ", t.header()));
            }
            for (TableSource.Row r : t) {
                double v = number(file, r, leq);
                NoisePeriod p;
                if (period >= 0) {
                    String x = r.cell(period).trim().toLowerCase(Locale.ROOT);
                    p = x.startsWith("n") || x.contains("夜") ? NoisePeriod.NIGHT : NoisePeriod.DAY;
                } else {
                    long ms = TimeParser.parse(r.cell(time), Station.DEFAULT_ZONE);
                    if (ms == Long.MIN_VALUE) {
                        throw new UserException("trend.csv_bad_time", file, r.line(), r.cell(time));
                    }
                    p = NoisePeriod.ofHour(LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), Station.DEFAULT_ZONE).getHour());
                }
                Station s = new Station(r.cell(0).isBlank() ? "row" + r.line() : r.cell(0), null, StationKind.NOISE, 0, 0, null, null, Map.of());
                var z = NoiseLimits.zone(r.cell(zone).trim().replace("类", "").toLowerCase(Locale.ROOT));
                out.add(new NoiseReport.Point(s, z, p == NoisePeriod.DAY ? v : Double.NaN, p == NoisePeriod.NIGHT ? v : Double.NaN));
            }
        }
        return out;
    }

    private static Map<Integer, String> columns(List<String> header, StationKind kind) {
        Map<Integer, String> cols = new LinkedHashMap<>();
        for (int i = 1; i < header.size(); i++) {
            int index = i;
            ParameterCatalogue.resolveBuiltIn(header.get(i), kind).ifPresent(p -> cols.put(index, p.code()));
        }
        return cols;
    }

    private static double number(Path file, TableSource.Row r, int i) {
        String c = r.cell(i).trim();
        if (c.isEmpty() || c.equals("-") || c.equals("—")) {
            return Double.NaN;
        }
        try {
            if (c.endsWith("L") && c.length() > 1) {
                return Double.parseDouble(c.substring(0, c.length() - 1)) / 2;
            }
            return Double.parseDouble(c);
        } catch (NumberFormatException e) {
            throw new UserException("trend.csv_bad_value", file, r.line(), c);
        }
    }
}
