package org.ecomonitor.io.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.io.TextEncoding;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.linearref.LengthIndexedLine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the files of the Tongren sample project (samples/tongren) from fixed seeds: station layers, rivers,
 * the Bijiang built-up area and acoustic zones, and readings files (one month of air data in every readings
 * format, monthly water quality, surveys of noise and soil). Everything but the county boundaries is synthetic.
 * The project's test SampleFilesTest regenerates the files and checks they equal the committed ones; run
 * {@code mvn test -Dtest=SampleFilesTest -Dsamples.write=true} to rewrite them after changing this class.
 */
public final class TongrenSampleWriter {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final GeometryFactory GF = new GeometryFactory();

    /** County seat (town) of each district/county: adcode, name, longitude, latitude (approximate). */
    record County(String adcode, String name, String shortName, double lon, double lat) {
    }

    static final List<County> COUNTIES = List.of(
            new County("520602", "碧江区", "碧江", 109.191, 27.718),
            new County("520603", "万山区", "万山", 109.213, 27.519),
            new County("520621", "江口县", "江口", 108.839, 27.699),
            new County("520622", "玉屏侗族自治县", "玉屏", 108.906, 27.236),
            new County("520623", "石阡县", "石阡", 108.223, 27.513),
            new County("520624", "思南县", "思南", 108.253, 27.937),
            new County("520625", "印江土家族苗族自治县", "印江", 108.409, 27.994),
            new County("520626", "德江县", "德江", 108.120, 28.264),
            new County("520627", "沿河土家族自治县", "沿河", 108.504, 28.564),
            new County("520628", "松桃苗族自治县", "松桃", 109.203, 28.154));

    /** Approximate river courses (upstream to downstream), hand-drawn from small-scale maps. */
    record River(String name, String nameEn, double[][] course) {
    }

    static final List<River> RIVERS = List.of(
            new River("乌江", "Wujiang", new double[][]{{107.93, 27.52}, {108.06, 27.70}, {108.18, 27.83}, {108.26, 27.95},
                    {108.29, 28.10}, {108.36, 28.28}, {108.45, 28.45}, {108.50, 28.56}, {108.56, 28.74}}),
            new River("锦江", "Jinjiang", new double[][]{{108.70, 27.82}, {108.84, 27.70}, {108.98, 27.68}, {109.10, 27.70},
                    {109.19, 27.72}, {109.28, 27.745}, {109.40, 27.79}}),
            new River("松桃河", "Songtao River", new double[][]{{109.04, 28.07}, {109.13, 28.12}, {109.20, 28.155},
                    {109.30, 28.22}, {109.42, 28.33}}),
            new River("舞阳河", "Wuyang River", new double[][]{{108.62, 27.14}, {108.78, 27.20}, {108.906, 27.236},
                    {109.02, 27.29}, {109.14, 27.36}}),
            new River("印江河", "Yinjiang River", new double[][]{{108.62, 27.93}, {108.52, 27.97}, {108.409, 27.994},
                    {108.33, 28.05}, {108.295, 28.12}}),
            new River("石阡河(龙川河)", "Shiqian (Longchuan) River", new double[][]{{108.36, 27.33}, {108.27, 27.43},
                    {108.223, 27.513}, {108.16, 27.62}, {108.09, 27.71}}));

    final Path root;
    final Map<String, Geometry> countyShapes = new LinkedHashMap<>();
    final List<Station> air = new ArrayList<>();
    final List<String[]> sectionRows = new ArrayList<>();

    public TongrenSampleWriter(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        new TongrenSampleWriter(Path.of(args.length > 0 ? args[0] : "samples/tongren")).writeAll();
    }

    /** Writes every generated file (the county boundaries are copied by hand with their licence). */
    public void writeAll() throws IOException {
        loadCounties();
        writeRivers();
        writeBuiltUpAreaAndZones();
        writeAirStations();
        writeAirMonth();
        writeWater();
        writeDrinkingAndGroundwater();
        writeNoise();
        writeSoil();
        writeRadiationAndSources();
    }

    // ------------------------------------------------------------------ helpers

    void loadCounties() throws IOException {
        JsonNode root = new ObjectMapper().readTree(root().resolve("boundaries/tongren_counties.geojson").toFile());
        GeoJsonReader r = new GeoJsonReader();
        for (JsonNode f : root.path("features")) {
            try {
                countyShapes.put(f.path("id").asText(), org.locationtech.jts.geom.util.GeometryFixer.fix(r.read(f.path("geometry").toString())));
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        for (County c : COUNTIES) {
            if (!inside(c.adcode, c.lon, c.lat)) {
                throw new IllegalStateException(c.name + " seat is outside its county polygon");
            }
        }
    }

    Path root() {
        return root;
    }

    boolean inside(String adcode, double lon, double lat) {
        return countyShapes.get(adcode).covers(GF.createPoint(new Coordinate(lon, lat)));
    }

    /** A point near (lon, lat) within its county: jittered by up to {@code radiusKm}, retried until inside. */
    double[] near(SplittableRandom rnd, String adcode, double lon, double lat, double radiusKm) {
        for (int i = 0; i < 1000; i++) {
            double r = radiusKm * Math.sqrt(rnd.nextDouble());
            double a = 2 * Math.PI * rnd.nextDouble();
            double x = lon + r * Math.cos(a) / (111.32 * Math.cos(Math.toRadians(lat)));
            double y = lat + r * Math.sin(a) / 110.57;
            if (inside(adcode, x, y)) {
                return new double[]{round(x, 5), round(y, 5)};
            }
        }
        throw new IllegalStateException("no point near " + lon + "," + lat + " inside " + adcode);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String fmt(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    String countyAt(double lon, double lat) {
        for (Map.Entry<String, Geometry> e : countyShapes.entrySet()) {
            if (e.getValue().covers(GF.createPoint(new Coordinate(lon, lat)))) {
                return e.getKey();
            }
        }
        return null;
    }

    void csv(String relative, List<String> header, List<List<String>> rows, Charset cs, boolean bom) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        StringBuilder b = new StringBuilder();
        if (bom) {
            b.append('\uFEFF');
        }
        b.append(String.join(",", header)).append("\r\n");
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : r) {
                cells.add(c.contains(",") || c.contains("\"") ? '"' + c.replace("\"", "\"\"") + '"' : c);
            }
            b.append(String.join(",", cells)).append("\r\n");
        }
        Files.write(p, b.toString().getBytes(cs));
    }

    void xlsx(String relative, List<String> header, List<List<Object>> rows) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(p)) {
            Sheet sheet = wb.createSheet("data");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (List<Object> row : rows) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    Cell c = x.createCell(i);
                    if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDateTime t) {
                        c.setCellValue(t);
                        c.setCellStyle(dateStyle);
                    } else {
                        c.setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            // fixed document properties so the file is reproducible byte for byte is not possible with POI
            // (zip timestamps); SampleFilesTest compares XLSX by content instead
            wb.getProperties().getCoreProperties().setCreator("EcoMonitor sample writer");
            wb.write(os);
        }
    }

    void geoJson(String relative, List<Map<String, Object>> props, List<Geometry> geoms) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        GeoJsonWriter w = new GeoJsonWriter(6);
        w.setEncodeCRS(false);
        ObjectMapper m = new ObjectMapper();
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < geoms.size(); i++) {
            b.append("{\"type\":\"Feature\",\"properties\":").append(m.writeValueAsString(props.get(i)))
                    .append(",\"geometry\":").append(w.write(geoms.get(i))).append('}')
                    .append(i + 1 < geoms.size() ? ",\n" : "\n");
        }
        b.append("]}\n");
        Files.writeString(p, b.toString());
    }

    static LineString line(double[][] c) {
        Coordinate[] cs = new Coordinate[c.length];
        for (int i = 0; i < c.length; i++) {
            cs[i] = new Coordinate(c[i][0], c[i][1]);
        }
        return GF.createLineString(cs);
    }

    static Polygon polygon(double[][] c) {
        Coordinate[] cs = new Coordinate[c.length + 1];
        for (int i = 0; i < c.length; i++) {
            cs[i] = new Coordinate(c[i][0], c[i][1]);
        }
        cs[c.length] = cs[0];
        return GF.createPolygon(cs);
    }

    // ------------------------------------------------------------------ rivers

    void writeRivers() throws IOException {
        List<Map<String, Object>> props = new ArrayList<>();
        List<Geometry> geoms = new ArrayList<>();
        for (River r : RIVERS) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", r.name);
            p.put("name_en", r.nameEn);
            p.put("approximate", true);
            props.add(p);
            geoms.add(line(r.course));
        }
        geoJson("layers/rivers_approximate.geojson", props, geoms);
    }

    // ------------------------------------------------------------------ Bijiang built-up area and acoustic zones

    static final double[][] BUILT_UP = {{109.140, 27.700}, {109.150, 27.688}, {109.172, 27.684}, {109.196, 27.686},
            {109.218, 27.690}, {109.238, 27.700}, {109.246, 27.716}, {109.244, 27.734}, {109.232, 27.750},
            {109.212, 27.758}, {109.190, 27.760}, {109.168, 27.754}, {109.150, 27.742}, {109.140, 27.724}};

    static final double[][] ROAD_EAST_WEST = {{109.142, 27.712}, {109.170, 27.716}, {109.195, 27.722}, {109.220, 27.728}, {109.244, 27.732}};
    static final double[][] ROAD_NORTH_SOUTH = {{109.196, 27.687}, {109.198, 27.705}, {109.200, 27.722}, {109.204, 27.740}, {109.206, 27.757}};

    Polygon builtUp() {
        return polygon(BUILT_UP);
    }

    void writeBuiltUpAreaAndZones() throws IOException {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("name", "碧江区建成区（示意）");
        name.put("name_en", "Bijiang built-up area (approximate)");
        geoJson("layers/bijiang_built_up_area.geojson", List.of(name), List.of(builtUp()));
        Polygon area = builtUp();
        Envelope e = area.getEnvelopeInternal();
        double midX = 109.200;
        double midY = 27.722;
        Geometry west = GF.toGeometry(new Envelope(e.getMinX(), midX, e.getMinY(), e.getMaxY())).intersection(area);
        Geometry southEast = GF.toGeometry(new Envelope(midX, e.getMaxX(), e.getMinY(), midY)).intersection(area);
        Geometry northEast = GF.toGeometry(new Envelope(midX, e.getMaxX(), midY, e.getMaxY())).intersection(area);
        // 4a: 35 m either side of the arterial roads (0.00035 degree is about 35 m)
        Geometry roads = line(ROAD_EAST_WEST).union(line(ROAD_NORTH_SOUTH)).buffer(0.00035).intersection(area);
        List<Map<String, Object>> props = new ArrayList<>();
        List<Geometry> geoms = new ArrayList<>();
        Object[][] zones = {{"2", "老城区商住混合区", west.difference(roads)}, {"1", "东南居住文教区", southEast.difference(roads)},
                {"3", "东北工业仓储区", northEast.difference(roads)}, {"4a", "城市主干路两侧", roads}};
        for (Object[] z : zones) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("zone_class", z[0]);
            p.put("name", z[1]);
            props.add(p);
            geoms.add((Geometry) z[2]);
        }
        geoJson("layers/bijiang_acoustic_zones.geojson", props, geoms);
    }

    String zoneAt(double lon, double lat) {
        Point p = GF.createPoint(new Coordinate(lon, lat));
        Geometry roads = line(ROAD_EAST_WEST).union(line(ROAD_NORTH_SOUTH)).buffer(0.00035);
        if (roads.covers(p)) {
            return "4a";
        }
        if (lon < 109.200) {
            return "2";
        }
        return lat < 27.722 ? "1" : "3";
    }

    // ------------------------------------------------------------------ air

    void writeAirStations() throws IOException {
        SplittableRandom rnd = new SplittableRandom(520600);
        List<List<String>> rows = new ArrayList<>();
        for (County c : COUNTIES) {
            int n = c.adcode.equals("520602") ? 3 : 2;
            for (int i = 1; i <= n; i++) {
                double[] p = i == 1 ? new double[]{c.lon, c.lat} : near(rnd, c.adcode, c.lon, c.lat, 2.5);
                String code = "TR" + c.adcode + "A" + i;
                String name = c.shortName + (i == 1 ? "县城站" : i == 2 ? "新区站" : "学院站");
                if (c.adcode.equals("520602")) {
                    name = new String[]{"", "碧江环境监测站", "碧江新区站", "铜仁学院站"}[i];
                }
                String level = c.adcode.equals("520602") && i <= 2 ? "国控" : i == 1 ? "省控" : "市控";
                String setting = i == 1 ? "urban" : "suburban";
                rows.add(airRow(code, name, p, c.adcode, level, setting));
            }
        }
        double[] fanjing = {108.691, 27.903};
        rows.add(airRow("TR520621A9", "梵净山背景站", fanjing, "520621", "国控", "background"));
        double[] manganese = near(rnd, "520628", 109.05, 28.06, 1.5);
        rows.add(airRow("TR520628A9", "松桃锰产业园站", manganese, "520628", "市控", "industrial"));
        csv("stations/air_stations.csv", List.of("站点编码", "站点名称", "经度", "纬度", "行政区划代码", "级别", "setting", "mn"),
                rows, StandardCharsets.UTF_8, true);
    }

    private List<String> airRow(String code, String name, double[] p, String adcode, String level, String setting) {
        String mn = "TR" + adcode + "AQ" + "0".repeat(10) + code.substring(code.length() - 2);
        air.add(new Station(code, name, StationKind.AIR, p[0], p[1], adcode, CST, Map.of("setting", setting, "mn", mn)));
        return List.of(code, name, fmt(p[0]), fmt(p[1]), adcode, level, setting, mn);
    }

    /** January 2025 of hourly air data, the stations split over the five readings layouts. */
    void writeAirMonth() throws IOException {
        AirHistoryGenerator gen = new AirHistoryGenerator(20250101L, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1));
        record R(String station, String parameter, long instant, double value, Flag flag) {
        }
        Map<String, List<R>> byStation = new LinkedHashMap<>();
        gen.generate(air, (s, p, t, v, f) -> byStation.computeIfAbsent(s, k -> new ArrayList<>()).add(new R(s, p, t, v, f)),
                Progress.NONE);
        List<String> stations = new ArrayList<>(byStation.keySet());
        String[] zh = {"PM2.5", "PM10", "二氧化硫", "二氧化氮", "一氧化碳", "臭氧"};
        String[] en = {"PM2.5", "PM10", "SO2", "NO2", "CO", "O3"};
        List<String> codes = AirHistoryGenerator.PARAMETERS;
        List<List<String>> longCsv = new ArrayList<>();
        List<List<Object>> longXlsx = new ArrayList<>();
        List<List<String>> wideCsv = new ArrayList<>();
        List<List<Object>> wideXlsx = new ArrayList<>();
        List<String> hj212 = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            String s = stations.get(i);
            Station st = air.get(i);
            List<R> rs = byStation.get(s);
            int group = i % 5;
            Map<Long, Map<String, R>> byTime = new LinkedHashMap<>();
            for (R r : rs) {
                byTime.computeIfAbsent(r.instant, k -> new LinkedHashMap<>()).put(r.parameter, r);
            }
            for (Map.Entry<Long, Map<String, R>> e : byTime.entrySet()) {
                LocalDateTime local = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(e.getKey()), CST);
                switch (group) {
                    case 0 -> {
                        for (R r : e.getValue().values()) {
                            longCsv.add(List.of(s, en[codes.indexOf(r.parameter)], LOCAL.format(local), fmt(r.value), r.flag.name()));
                        }
                    }
                    case 1 -> {
                        for (R r : e.getValue().values()) {
                            longXlsx.add(List.of(st.name(), r.parameter, local, r.value, r.flag.name()));
                        }
                    }
                    case 2 -> {
                        List<String> row = new ArrayList<>(List.of(s, LOCAL.format(local)));
                        for (String c : codes) {
                            R r = e.getValue().get(c);
                            row.add(r == null ? "" : fmt(r.value));
                        }
                        row.add(e.getValue().values().iterator().next().flag.name());
                        wideCsv.add(row);
                    }
                    case 3 -> {
                        List<Object> row = new ArrayList<>(List.of(s, local));
                        for (String c : codes) {
                            R r = e.getValue().get(c);
                            row.add(r == null ? "" : r.value);
                        }
                        row.add(e.getValue().values().iterator().next().flag.name());
                        wideXlsx.add(row);
                    }
                    default -> hj212.add(Hj212Writer.hourly(st.attribute("mn"), local, e.getValue().values().stream()
                            .map(r -> new Hj212Writer.Item(r.parameter, r.value, r.flag)).toList()));
                }
            }
        }
        csv("readings/air_2025-01_long.csv", List.of("station", "parameter", "time", "value", "flag"), longCsv,
                StandardCharsets.UTF_8, false);
        xlsx("readings/air_2025-01_long.xlsx", List.of("站点名称", "监测项目", "监测时间", "浓度", "数据标识"), longXlsx);
        List<String> wideHeader = new ArrayList<>(List.of("站点编码", "监测时间"));
        for (String z : zh) {
            wideHeader.add(z);
        }
        wideHeader.add("数据标识");
        csv("readings/air_2025-01_wide_gbk.csv", wideHeader, wideCsv, TextEncoding.GB18030, false);
        List<String> wideEn = new ArrayList<>(List.of("station", "time"));
        wideEn.addAll(List.of(en));
        wideEn.add("flag");
        xlsx("readings/air_2025-01_wide.xlsx", wideEn, wideXlsx);
        Path log = root.resolve("readings/air_2025-01.hj212");
        Files.writeString(log, String.join("", hj212), StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ surface water

    record Section(String code, String name, String river, double fraction, String level, String adcodeHint, double quality) {
    }

    void writeWater() throws IOException {
        List<Section> sections = List.of(
                new Section("TRW01", "乌江-石阡入境", "乌江", 0.10, "国控", null, 0.9),
                new Section("TRW02", "乌江-思南县城下游", "乌江", 0.38, "省控", null, 1.0),
                new Section("TRW03", "乌江-沿河县城", "乌江", 0.83, "省控", null, 1.0),
                new Section("TRW04", "乌江-沿河出境(万木)", "乌江", 0.97, "国控", null, 0.95),
                new Section("TRW05", "锦江-江口县城", "锦江", 0.20, "省控", null, 0.7),
                new Section("TRW06", "锦江-碧江城区上游", "锦江", 0.52, "省控", null, 0.9),
                new Section("TRW07", "锦江-碧江出境", "锦江", 0.95, "国控", null, 1.6),
                new Section("TRW08", "松桃河-县城上游", "松桃河", 0.25, "省控", null, 1.2),
                new Section("TRW09", "松桃河-出境", "松桃河", 0.92, "国控", null, 2.6),
                new Section("TRW10", "舞阳河-玉屏入境", "舞阳河", 0.15, "省控", null, 1.0),
                new Section("TRW11", "舞阳河-玉屏出境", "舞阳河", 0.90, "国控", null, 1.3),
                new Section("TRW12", "印江河-县城下游", "印江河", 0.55, "省控", null, 1.1),
                new Section("TRW13", "印江河-入乌江口", "印江河", 0.95, "省控", null, 1.0),
                new Section("TRW14", "石阡河-县城下游", "石阡河(龙川河)", 0.52, "省控", null, 1.1),
                new Section("TRW15", "石阡河-入乌江口", "石阡河(龙川河)", 0.95, "省控", null, 1.0));
        List<List<String>> stationRows = new ArrayList<>();
        List<double[]> positions = new ArrayList<>();
        for (Section s : sections) {
            River r = RIVERS.stream().filter(x -> x.name.equals(s.river)).findFirst().orElseThrow();
            LineString l = line(r.course);
            Coordinate c = new LengthIndexedLine(l).extractPoint(l.getLength() * s.fraction);
            double[] p = {round(c.x, 5), round(c.y, 5)};
            positions.add(p);
            String adcode = countyAt(p[0], p[1]);
            stationRows.add(List.of(s.code, s.name, fmt(p[0]), fmt(p[1]), adcode == null ? "" : adcode, s.river, s.level, "river"));
        }
        // the stream below the old Wanshan mercury mines (not drawn as a river)
        double[] aozhai = {109.215, 27.565};
        stationRows.add(List.of("TRW16", "敖寨河-万山汞矿下游", fmt(aozhai[0]), fmt(aozhai[1]), "520603", "敖寨河", "市控", "river"));
        csv("stations/surface_water_sections.csv", List.of("断面编码", "断面名称", "经度", "纬度", "行政区划代码", "河流", "断面级别", "waterbody"),
                stationRows, StandardCharsets.UTF_8, true);

        SplittableRandom rnd = new SplittableRandom(38382002);
        List<String> header = List.of("断面编码", "采样日期", "水温(℃)", "pH值", "溶解氧(mg/L)", "高锰酸盐指数(mg/L)", "化学需氧量(mg/L)",
                "五日生化需氧量(mg/L)", "氨氮(mg/L)", "总磷(mg/L)", "汞(mg/L)", "镉(mg/L)", "砷(mg/L)", "铅(mg/L)");
        List<List<String>> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>(sections.stream().map(Section::code).toList());
        codes.add("TRW16");
        for (int si = 0; si < codes.size(); si++) {
            String code = codes.get(si);
            double q = si < sections.size() ? sections.get(si).quality : 1.2;
            for (int y = 2022; y <= 2024; y++) {
                for (int m = 1; m <= 12; m++) {
                    if (rnd.nextDouble() < 0.02) {
                        continue; // sample missed (flood, access)
                    }
                    LocalDate d = LocalDate.of(y, m, 5 + rnd.nextInt(6));
                    double season = Math.cos(2 * Math.PI * (m - 7.5) / 12); // 1 in summer
                    double years = (y - 2022) + (m - 1) / 12.0;
                    double temp = 14 + 9 * season + rnd.nextDouble() * 2;
                    double ph = 7.2 + 0.5 * rnd.nextDouble() + (code.equals("TRW09") ? 0.3 : 0);
                    double dox = 9.6 - 0.17 * temp - 0.3 * (q - 1) + 0.4 * rnd.nextDouble();
                    double codmn = q * (1.6 + 0.8 * rnd.nextDouble() + 0.4 * season);
                    double cod = codmn * 3.2 + 2 * rnd.nextDouble();
                    double bod = codmn * 0.6 + 0.3 * rnd.nextDouble();
                    double trendNh3 = code.equals("TRW07") ? Math.pow(0.88, years) : 1; // improving below the city
                    double nh3 = q * q * 0.18 * (0.7 + 0.6 * rnd.nextDouble()) * trendNh3;
                    if (code.equals("TRW09") && rnd.nextDouble() < 0.25) {
                        nh3 = 2.2 + 2 * rnd.nextDouble(); // manganese-industry ammonia episodes: worse than class V
                    }
                    double trendTp = code.equals("TRW11") ? 1 + 0.12 * years : 1; // worsening phosphorus
                    double tp = q * 0.045 * (0.7 + 0.6 * rnd.nextDouble()) * trendTp;
                    String hg = code.equals("TRW16") ? fmt(round(0.00006 + 0.0004 * Math.pow(rnd.nextDouble(), 2)
                            + (rnd.nextDouble() < 0.06 ? 0.001 : 0), 6)) : "0.00004L";
                    boolean metals = m % 3 == 1;
                    rows.add(List.of(code, d.toString(), fmt(round(temp, 1)), fmt(round(ph, 2)), fmt(round(dox, 1)),
                            fmt(round(codmn, 1)), fmt(round(cod, 0)), fmt(round(bod, 1)), fmt(round(nh3, 3)), fmt(round(tp, 3)),
                            metals || code.equals("TRW16") ? hg : "", metals ? "0.0005L" : "", metals ? fmt(round(0.0008 + 0.002 * rnd.nextDouble(), 4)) : "",
                            metals ? "0.001L" : ""));
                }
            }
        }
        csv("readings/surface_water_monthly_2022-2024.csv", header, rows, StandardCharsets.UTF_8, true);
    }

    void writeDrinkingAndGroundwater() throws IOException {
        SplittableRandom rnd = new SplittableRandom(5749);
        List<List<String>> sources = new ArrayList<>();
        List<List<String>> wells = new ArrayList<>();
        String[] sourceNames = {"碧江区白岩河水库水源地", "万山区瓦屋水库水源地", "江口县城取水口", "玉屏县城舞阳河取水口",
                "石阡县城鸳鸯湖水源地", "思南县城乌江取水口", "印江县城车家河水库水源地", "德江县城长丰水库水源地",
                "沿河县城乌江取水口", "松桃县城道水河水源地"};
        for (int i = 0; i < COUNTIES.size(); i++) {
            County c = COUNTIES.get(i);
            double[] p = near(rnd, c.adcode, c.lon, c.lat, 6);
            String waterbody = sourceNames[i].contains("水库") || sourceNames[i].contains("湖") ? "lake" : "river";
            sources.add(List.of("TRD" + (i + 1 < 10 ? "0" : "") + (i + 1), sourceNames[i], fmt(p[0]), fmt(p[1]), c.adcode, waterbody, "县级以上集中式"));
            if (i % 5 != 4) {
                double[] w = near(rnd, c.adcode, c.lon, c.lat, 8);
                wells.add(List.of("TRG" + (i + 1 < 10 ? "0" : "") + (i + 1), c.shortName + "地下水监测井", fmt(w[0]), fmt(w[1]),
                        c.adcode, i % 2 == 0 ? "岩溶水" : "孔隙水", fmt(round(15 + 60 * rnd.nextDouble(), 0))));
            }
        }
        csv("stations/drinking_water_sources.csv", List.of("编码", "水源地名称", "经度", "纬度", "行政区划代码", "waterbody", "类别"),
                sources, StandardCharsets.UTF_8, true);
        csv("stations/groundwater_wells.csv", List.of("编码", "名称", "经度", "纬度", "行政区划代码", "含水层类型", "井深(m)"),
                wells, StandardCharsets.UTF_8, true);
        List<List<String>> dw = new ArrayList<>();
        for (List<String> s : sources) {
            boolean lake = s.get(5).equals("lake");
            for (int y = 2022; y <= 2024; y++) {
                for (int m = 1; m <= 12; m++) {
                    LocalDate d = LocalDate.of(y, m, 3 + rnd.nextInt(4));
                    dw.add(List.of(s.get(0), d.toString(), fmt(round(7.3 + 0.6 * rnd.nextDouble(), 2)),
                            fmt(round(7.8 + rnd.nextDouble(), 1)), fmt(round(1.2 + rnd.nextDouble(), 1)),
                            fmt(round(0.05 + 0.25 * rnd.nextDouble(), 3)), fmt(round((lake ? 0.012 : 0.03) + 0.03 * rnd.nextDouble(), 3)),
                            lake ? fmt(round(0.35 + 0.5 * rnd.nextDouble(), 2)) : ""));
                }
            }
        }
        csv("readings/drinking_water_monthly_2022-2024.csv", List.of("编码", "采样日期", "pH", "溶解氧", "高锰酸盐指数", "氨氮", "总磷", "总氮"),
                dw, StandardCharsets.UTF_8, true);
        List<List<String>> gw = new ArrayList<>();
        for (List<String> w : wells) {
            for (int y = 2022; y <= 2024; y++) {
                for (int q = 0; q < 4; q++) {
                    LocalDate d = LocalDate.of(y, 2 + 3 * q, 15);
                    gw.add(List.of(w.get(0), d.toString(), fmt(round(7.0 + 0.8 * rnd.nextDouble(), 2)),
                            fmt(round(0.02 + 0.2 * rnd.nextDouble(), 3)), fmt(round(0.6 + 0.8 * rnd.nextDouble(), 1)),
                            fmt(round(0.0005 + 0.003 * rnd.nextDouble(), 4)), "0.00004L"));
                }
            }
        }
        csv("readings/groundwater_quarterly_2022-2024.csv", List.of("编码", "采样日期", "pH", "氨氮", "高锰酸盐指数", "砷", "汞"),
                gw, StandardCharsets.UTF_8, true);
    }

    // ------------------------------------------------------------------ noise

    void writeNoise() throws IOException {
        // HJ 640 regional grid over the built-up area in the Gauss-Krüger plane: 500 m squares; a square is valid
        // when more than half of it lies in the built-up area; one point at the centre of each valid square
        CoordinateTransform toGk = CoordinateTransform.between(Crs.CGCS2000, Crs.CGCS2000_GK_CM_108E);
        CoordinateTransform toGeo = CoordinateTransform.between(Crs.CGCS2000_GK_CM_108E, Crs.CGCS2000);
        Polygon area = builtUp();
        Coordinate[] ring = area.getCoordinates();
        Coordinate[] gk = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            double[] xy = toGk.apply(ring[i].x, ring[i].y);
            gk[i] = new Coordinate(xy[0], xy[1]);
        }
        Polygon areaGk = GF.createPolygon(gk);
        Envelope e = areaGk.getEnvelopeInternal();
        double cell = 500;
        double x0 = Math.floor(e.getMinX() / cell) * cell;
        double y0 = Math.ceil(e.getMaxY() / cell) * cell;
        SplittableRandom rnd = new SplittableRandom(640_2012);
        List<List<String>> rows = new ArrayList<>();
        int row = 0;
        int valid = 0;
        for (double y = y0; y > e.getMinY(); y -= cell) {
            row++;
            int col = 0;
            for (double x = x0; x < e.getMaxX(); x += cell) {
                col++;
                Geometry sq = GF.toGeometry(new Envelope(x, x + cell, y - cell, y));
                if (sq.intersection(areaGk).getArea() <= 0.5 * cell * cell) {
                    continue;
                }
                valid++;
                double[] ll = toGeo.apply(x + cell / 2, y - cell / 2);
                String zone = zoneAt(ll[0], ll[1]);
                double base = switch (zone) {
                    case "1" -> 51;
                    case "2" -> 54.5;
                    case "3" -> 57;
                    default -> 63;
                };
                double day = round(base + 6 * (rnd.nextDouble() - 0.5) + 1.5 * gauss(rnd), 1);
                double night = round(day - 9.5 + 3 * (rnd.nextDouble() - 0.5), 1);
                String code = String.format(Locale.ROOT, "BJN-%02d-%02d", row, col);
                rows.add(List.of(code, fmt(round(ll[0], 6)), fmt(round(ll[1], 6)), String.valueOf(row), String.valueOf(col), zone,
                        "2024-05-14 10:00", fmt(day)));
                rows.add(List.of(code, fmt(round(ll[0], 6)), fmt(round(ll[1], 6)), String.valueOf(row), String.valueOf(col), zone,
                        "2024-05-14 23:00", fmt(night)));
            }
        }
        if (valid <= 100) {
            throw new IllegalStateException("only " + valid + " valid grid squares");
        }
        csv("readings/noise_regional_grid_2024.csv", List.of("点位编码", "经度", "纬度", "网格行", "网格列", "声环境功能区", "监测时间", "Leq"),
                rows, StandardCharsets.UTF_8, true);
        List<List<String>> road = new ArrayList<>();
        int n = 0;
        for (double[][] r : new double[][][]{ROAD_EAST_WEST, ROAD_NORTH_SOUTH}) {
            LineString l = line(r);
            LengthIndexedLine li = new LengthIndexedLine(l);
            String roadName = r == ROAD_EAST_WEST ? "锦江大道（示意）" : "南长城路（示意）";
            for (int i = 1; i <= 8; i++) {
                Coordinate c = li.extractPoint(l.getLength() * (i - 0.5) / 8);
                n++;
                String code = String.format(Locale.ROOT, "BJR-%02d", n);
                double day = round(67.5 + 4 * (rnd.nextDouble() - 0.5), 1);
                double night = round(day - 7 + 2 * (rnd.nextDouble() - 0.5), 1);
                String len = fmt(round(l.getLength() / 8 * 100_000, -1));
                road.add(List.of(code, fmt(round(c.x, 6)), fmt(round(c.y, 6)), roadName, len, "2024-05-15 10:00", fmt(day)));
                road.add(List.of(code, fmt(round(c.x, 6)), fmt(round(c.y, 6)), roadName, len, "2024-05-15 23:00", fmt(night)));
            }
        }
        csv("readings/noise_road_traffic_2024.csv", List.of("点位编码", "经度", "纬度", "道路名称", "路段长度(m)", "监测时间", "Leq"),
                road, StandardCharsets.UTF_8, true);
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    // ------------------------------------------------------------------ soil

    void writeSoil() throws IOException {
        SplittableRandom rnd = new SplittableRandom(15618);
        String[] uses = {"paddy", "dryland", "orchard", "forest"};
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        double[] mercuryCentre = {109.212, 27.522};
        double[] manganeseCentre = {109.05, 28.06};
        for (County c : COUNTIES) {
            Geometry shape = countyShapes.get(c.adcode);
            Envelope e = shape.getEnvelopeInternal();
            int placed = 0;
            int extra = c.adcode.equals("520603") ? 40 : c.adcode.equals("520628") ? 30 : 0;
            while (placed < 12 + extra) {
                double lon;
                double lat;
                if (placed < 12) {
                    lon = e.getMinX() + e.getWidth() * rnd.nextDouble();
                    lat = e.getMinY() + e.getHeight() * rnd.nextDouble();
                } else {
                    double[] centre = c.adcode.equals("520603") ? mercuryCentre : manganeseCentre;
                    double r = 8 * Math.sqrt(rnd.nextDouble());
                    double a = 2 * Math.PI * rnd.nextDouble();
                    lon = centre[0] + r * Math.cos(a) / 98.6;
                    lat = centre[1] + r * Math.sin(a) / 110.6;
                }
                if (!inside(c.adcode, lon, lat)) {
                    continue;
                }
                placed++;
                n++;
                String use = uses[rnd.nextInt(uses.length)];
                double ph = round(4.9 + 2.8 * rnd.nextDouble(), 2);
                double dMercury = distanceKm(lon, lat, mercuryCentre);
                double dManganese = distanceKm(lon, lat, manganeseCentre);
                double hg = 0.08 + 0.15 * rnd.nextDouble() + 30 * Math.exp(-dMercury / 2.5) * (0.5 + rnd.nextDouble());
                double cd = 0.25 + 0.3 * rnd.nextDouble() + 1.2 * Math.exp(-dManganese / 4) * rnd.nextDouble();
                double mn = 600 + 500 * rnd.nextDouble() + 5000 * Math.exp(-dManganese / 3) * (0.5 + rnd.nextDouble());
                String date = LocalDate.of(2024, 6, 10).plusDays(rnd.nextInt(40)).toString();
                rows.add(List.of(String.format(Locale.ROOT, "TRS%03d", n), fmt(round(lon, 5)), fmt(round(lat, 5)), c.adcode, use, date,
                        fmt(ph), fmt(round(cd, 3)), fmt(round(hg, 3)), fmt(round(8 + 20 * rnd.nextDouble(), 1)),
                        fmt(round(20 + 40 * rnd.nextDouble(), 1)), fmt(round(50 + 80 * rnd.nextDouble(), 0)),
                        fmt(round(18 + 30 * rnd.nextDouble(), 1)), fmt(round(25 + 35 * rnd.nextDouble(), 1)),
                        fmt(round(70 + 80 * rnd.nextDouble(), 0)), fmt(round(mn, 0))));
            }
        }
        csv("readings/soil_survey_2024.csv", List.of("点位编码", "经度", "纬度", "行政区划代码", "土地利用", "采样日期", "pH", "镉", "汞", "砷",
                "铅", "铬", "铜", "镍", "锌", "锰"), rows, StandardCharsets.UTF_8, true);
    }

    static double distanceKm(double lon, double lat, double[] c) {
        double dx = (lon - c[0]) * 111.32 * Math.cos(Math.toRadians(lat));
        double dy = (lat - c[1]) * 110.57;
        return Math.hypot(dx, dy);
    }

    // ------------------------------------------------------------------ radiation and pollution sources

    void writeRadiationAndSources() throws IOException {
        SplittableRandom rnd = new SplittableRandom(1996);
        List<List<String>> rad = new ArrayList<>();
        String[][] radSites = {{"520602", "碧江辐射自动站"}, {"520603", "万山辐射自动站"}, {"520628", "松桃辐射自动站"}, {"520627", "沿河辐射自动站"}};
        for (int i = 0; i < radSites.length; i++) {
            String adcode = radSites[i][0];
            County c = COUNTIES.stream().filter(x -> x.adcode.equals(adcode)).findFirst().orElseThrow();
            double[] p = near(rnd, c.adcode, c.lon, c.lat, 3);
            rad.add(List.of("TRR0" + (i + 1), radSites[i][1], fmt(p[0]), fmt(p[1]), c.adcode));
        }
        csv("stations/radiation_stations.csv", List.of("编码", "名称", "经度", "纬度", "行政区划代码"), rad, StandardCharsets.UTF_8, true);
        List<List<String>> gamma = new ArrayList<>();
        for (List<String> r : rad) {
            for (int m = 1; m <= 12; m++) {
                gamma.add(List.of(r.get(0), "gamma", LocalDate.of(2024, m, 1) + " 00:00", fmt(round(78 + 25 * rnd.nextDouble(), 1))));
            }
        }
        csv("readings/radiation_monthly_2024.csv", List.of("station", "parameter", "time", "value"), gamma, StandardCharsets.UTF_8, false);

        // code, name, adcode, lon, lat, industry, HJ 212 system (31 air, 32 water), parameter 1, limit 1, parameter 2, limit 2
        Object[][] sources = {
                {"TRP01", "铜仁市城区污水处理厂", "520602", 109.215, 27.742, "污水处理", "32", "src_cod", 50, "src_nh3n", 5},
                {"TRP02", "碧江区第二污水处理厂", "520602", 109.160, 27.705, "污水处理", "32", "src_cod", 50, "src_nh3n", 5},
                {"TRP03", "万山汞化工企业（示例）", "520603", 109.205, 27.530, "汞化工", "31", "src_hg", 0.01, "src_dust", 30},
                {"TRP04", "松桃电解锰企业甲（示例）", "520628", 109.045, 28.055, "电解锰", "32", "src_nh3n", 15, "src_cod", 100},
                {"TRP05", "松桃电解锰企业乙（示例）", "520628", 109.070, 28.070, "电解锰", "32", "src_nh3n", 15, "src_cod", 100},
                {"TRP06", "铜仁水泥企业（示例）", "520602", 109.300, 27.800, "水泥", "31", "src_so2", 200, "src_nox", 400},
                {"TRP07", "玉屏工业园区污水处理厂", "520622", 108.930, 27.250, "污水处理", "32", "src_cod", 50, "src_nh3n", 5},
                {"TRP08", "思南县城污水处理厂", "520624", 108.265, 27.925, "污水处理", "32", "src_cod", 60, "src_nh3n", 8},
                {"TRP09", "德江县城污水处理厂", "520626", 108.130, 28.250, "污水处理", "32", "src_cod", 60, "src_nh3n", 8},
                {"TRP10", "江口县城污水处理厂", "520621", 108.850, 27.690, "污水处理", "32", "src_cod", 60, "src_nh3n", 8}};
        List<List<String>> srcRows = new ArrayList<>();
        List<List<String>> limits = new ArrayList<>();
        List<String> logLines = new ArrayList<>();
        for (Object[] s : sources) {
            String code = (String) s[0];
            String adcode = (String) s[2];
            if (!inside(adcode, (double) s[3], (double) s[4])) {
                throw new IllegalStateException(code + " is outside its county");
            }
            String mn = "TR" + adcode + "PS" + "0".repeat(10) + code.substring(3);
            srcRows.add(List.of(code, (String) s[1], fmt((double) s[3]), fmt((double) s[4]), adcode, (String) s[5], mn));
            for (int k = 0; k < 2; k++) {
                limits.add(List.of(code, (String) s[7 + 2 * k], fmt(((Number) s[8 + 2 * k]).doubleValue()), "排污许可证（示例值）"));
            }
            for (LocalDate d = LocalDate.of(2024, 1, 1); d.isBefore(LocalDate.of(2025, 1, 1)); d = d.plusDays(1)) {
                if (rnd.nextDouble() < 0.02) {
                    continue; // no data that day
                }
                List<Hj212Writer.Item> items = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    String p = (String) s[7 + 2 * k];
                    double limit = ((Number) s[8 + 2 * k]).doubleValue();
                    double v = limit * (0.35 + 0.4 * rnd.nextDouble());
                    if (rnd.nextDouble() < 0.015) {
                        v = limit * (1.1 + 0.6 * rnd.nextDouble()); // a day over the permit limit
                    }
                    items.add(new Hj212Writer.Item(p, round(v, limit < 1 ? 4 : 2), rnd.nextDouble() < 0.01 ? Flag.D : Flag.N));
                }
                logLines.add(Hj212Writer.daily(mn, (String) s[6], d.atStartOfDay(), items));
            }
        }
        csv("stations/pollution_sources.csv", List.of("编码", "企业名称", "经度", "纬度", "行政区划代码", "行业", "mn"), srcRows,
                StandardCharsets.UTF_8, true);
        csv("stations/permit_limits.csv", List.of("企业编码", "监测项目", "许可排放浓度限值", "依据"), limits, StandardCharsets.UTF_8, true);
        Files.writeString(root.resolve("readings/pollution_sources_daily_2024.hj212"), String.join("", logLines), StandardCharsets.US_ASCII);
    }
}
