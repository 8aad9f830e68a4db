package org.ecomonitor.io;

import org.ecomonitor.analysis.layout.LayoutProjection;
import org.ecomonitor.analysis.layout.Site;
import org.ecomonitor.analysis.layout.StudyArea;
import org.ecomonitor.analysis.layout.Zone;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Rejection;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.StationTable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a layout starts from, read from files or the project store: study-area, exclusion and zone polygons and
 * existing points, as features in CGCS2000 longitude/latitude, then put into the working plane as a
 * {@link StudyArea} and {@link Site}s.
 * <p>
 * A file is read by the project's own importer (any format it knows: GeoJSON, KML, Shapefile, GeoPackage, CSV or
 * XLSX points), into a scratch store in a temporary folder that is deleted afterwards, so a layout input is read
 * exactly as an import would read it. A store layer may be filtered with {@code column=value[,value...]}
 * ({@code adcode=520602}).
 */
public final class LayoutInputs {

    private static final String SCRATCH_LAYER = "layout_input";
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), Crs.CGCS2000);

    private LayoutInputs() {
    }

    /**
     * The features of a file, in EPSG:4490.
     *
     * @param crs EPSG code of coordinates the file does not declare (null: detect, as imports do)
     * @throws UserException when the importer rejects a record of the file (a layout input must be clean) or the
     *                       file holds no feature
     */
    public static List<Feature> readFile(Path file, Integer crs, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("layout.inputMissing", file);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("ecomonitor-layout");
        } catch (IOException e) {
            throw new UserException(e, "layout.inputUnreadable", file, e.getMessage());
        }
        try {
            try (ProjectStore scratch = ProjectStore.create(dir.resolve("scratch.gpkg"))) {
                ImportOptions options = ImportOptions.defaults().withStrict(true).withCrs(crs);
                FileSpec spec = new FileSpec(null, SCRATCH_LAYER, Map.of(), crs, null, Map.of());
                ImportReport report = new Importer(scratch, options, progress).importFile(file, spec);
                if (report.rejectedCount() > 0) {
                    Rejection r = report.rejections().get(0);
                    throw new UserException("layout.inputRejected", file.getFileName(), report.rejectedCount(),
                            r.where() + (r.column() == null ? "" : " [" + r.column() + "]"), r.reasonKey());
                }
                List<Feature> features = new ArrayList<>();
                if (scratch.features().exists(SCRATCH_LAYER)) {
                    features.addAll(scratch.features().readAll(SCRATCH_LAYER));
                }
                for (Station s : scratch.stations().all()) {
                    features.add(stationFeature(s));
                }
                if (features.isEmpty() && scratch.features().exists("admin_areas")) {
                    features.addAll(scratch.features().readAll("admin_areas"));
                }
                if (features.isEmpty()) {
                    throw new UserException("layout.inputEmpty", file.getFileName());
                }
                return features;
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a scratch file left in the temporary folder is harmless
                }
            });
        } catch (IOException e) {
            // idem
        }
    }

    /** The features of a store layer, optionally filtered ({@code adcode=520602,520603}). */
    public static List<Feature> readLayer(ProjectStore store, String layer, String where) {
        LayerInfo info = store.features().info(layer);
        List<Feature> all = layer.equals(StationTable.TABLE)
                ? store.stations().all().stream().map(LayoutInputs::stationFeature).toList()
                : store.features().readAll(info.table());
        return filter(all, where, layer);
    }

    /** The stations of one kind as point features (code, name, kind, adcode and their attributes). */
    public static List<Feature> readStations(ProjectStore store, StationKind kind, String where) {
        List<Feature> list = store.stations().ofKind(kind).stream().map(LayoutInputs::stationFeature).toList();
        return filter(list, where, StationTable.TABLE);
    }

    static Feature stationFeature(Station s) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("code", s.code());
        attrs.put("name", s.name());
        attrs.put("kind", s.kind().code());
        attrs.put("adcode", s.adcode());
        for (Map.Entry<String, String> e : s.attributes().entrySet()) {
            attrs.putIfAbsent(e.getKey(), e.getValue());
        }
        return new Feature(0, GEOMETRY.createPoint(new org.locationtech.jts.geom.Coordinate(s.longitude(),
                s.latitude())), attrs);
    }

    /**
     * Keeps the features whose column equals one of the values; {@code where} is {@code column=v1[,v2...]}, null or
     * blank for all.
     */
    public static List<Feature> filter(List<Feature> features, String where, String source) {
        if (where == null || where.isBlank()) {
            return features;
        }
        int eq = where.indexOf('=');
        if (eq <= 0) {
            throw new UserException("layout.whereInvalid", where);
        }
        String column = where.substring(0, eq).trim();
        Set<String> values = new LinkedHashSet<>();
        for (String v : where.substring(eq + 1).split(",")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Feature f : features) {
            columns.addAll(f.attributes().keySet());
        }
        if (!features.isEmpty() && !columns.contains(column)) {
            throw new UserException("layout.whereColumnUnknown", column, source, String.join(", ", columns));
        }
        List<Feature> out = features.stream().filter(f -> values.contains(text(f.get(column)))).toList();
        if (out.isEmpty()) {
            throw new UserException("layout.whereNoMatch", where, source);
        }
        return out;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString().trim();
    }

    /** The union of the features' polygons (EPSG:4490); other geometries are an error naming {@code what}. */
    public static Geometry polygons(List<Feature> features, String what) {
        List<Geometry> parts = new ArrayList<>();
        for (Feature f : features) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                continue;
            }
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (!(part instanceof Polygonal)) {
                    throw new UserException("layout.inputNotPolygons", what, part.getGeometryType());
                }
                parts.add(part.isValid() ? part : part.buffer(0));
            }
        }
        if (parts.isEmpty()) {
            throw new UserException("layout.inputEmpty", what);
        }
        return UnaryUnionOp.union(parts);
    }

    /**
     * The field that names zones: the given one, else adcode, code, id or name when every feature has it
     * (null: the features are numbered).
     */
    public static String zoneField(List<Feature> features, String given) {
        if (given != null && !given.isBlank()) {
            for (Feature f : features) {
                if (!f.attributes().containsKey(given)) {
                    throw new UserException("layout.zoneFieldUnknown", given,
                            String.join(", ", f.attributes().keySet()));
                }
            }
            return given;
        }
        for (String candidate : List.of("adcode", "code", "id", "name")) {
            if (!features.isEmpty() && features.stream().allMatch(f -> !text(f.get(candidate)).isEmpty())) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The study area in the working plane.
     *
     * @param area       area polygons (EPSG:4490)
     * @param exclusions exclusion polygons, may be empty
     * @param zones      zone polygons (counties, strata), may be empty; features with the same id are one zone
     * @param zoneField  the field naming zones (null: {@link #zoneField})
     * @param planeEpsg  the working plane (null: the CGCS2000 Gauss-Krüger zone of the area)
     */
    public static StudyArea studyArea(List<Feature> area, List<Feature> exclusions, List<Feature> zones,
                                      String zoneField, Integer planeEpsg) {
        Geometry lonLat = polygons(area, "area");
        LayoutProjection projection = planeEpsg == null ? LayoutProjection.forArea(lonLat)
                : LayoutProjection.of(planeEpsg);
        StudyArea result = StudyArea.of(projection.planeEpsg(), projection.toPlane(lonLat));
        if (!exclusions.isEmpty()) {
            result = result.withExclusions(projection.toPlane(polygons(exclusions, "exclusions")));
        }
        if (!zones.isEmpty()) {
            String field = zoneField(zones, zoneField);
            Map<String, List<Feature>> groups = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            int n = 0;
            for (Feature f : zones) {
                n++;
                String id = field == null ? Long.toString(f.fid() > 0 ? f.fid() : n) : text(f.get(field));
                groups.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
                Object name = f.get("name");
                names.putIfAbsent(id, name == null ? id : name.toString());
            }
            List<Zone> list = new ArrayList<>();
            for (Map.Entry<String, List<Feature>> e : groups.entrySet()) {
                list.add(new Zone(e.getKey(), names.get(e.getKey()),
                        projection.toPlane(polygons(e.getValue(), "zone " + e.getKey()))));
            }
            result = result.withZones(list);
        }
        return result;
    }

    /**
     * Point features as sites in the plane of {@code area}: the id from the code column (code, id, 点位编码 ...) or
     * the name (else "P" + number), the zone from the adcode column (adcode, 行政区划代码), the value from
     * {@code valueField} (NaN when absent or not a number).
     *
     * @throws UserException for a feature that is not a point, or a value field no feature has
     */
    public static List<Site> sites(List<Feature> points, StudyArea area, String valueField) {
        LayoutProjection projection = LayoutProjection.of(area.epsg());
        if (valueField != null && !points.isEmpty()
                && points.stream().noneMatch(f -> f.attributes().containsKey(valueField))) {
            throw new UserException("layout.valueFieldUnknown", valueField,
                    String.join(", ", points.get(0).attributes().keySet()));
        }
        List<Site> sites = new ArrayList<>();
        int n = 0;
        for (Feature f : points) {
            n++;
            Geometry g = f.geometry();
            if (g instanceof org.locationtech.jts.geom.MultiPoint mp && mp.getNumGeometries() == 1) {
                g = mp.getGeometryN(0);
            }
            if (!(g instanceof Point p)) {
                throw new UserException("layout.inputNotPoints", g == null ? "null" : g.getGeometryType());
            }
            List<String> keys = new ArrayList<>(f.attributes().keySet());
            ColumnRoles roles = new ColumnRoles(keys, Map.of());
            String id = null;
            for (String role : List.of(ColumnRoles.CODE, ColumnRoles.NAME)) {
                int i = roles.get(role);
                String t = i < 0 ? "" : text(f.get(keys.get(i)));
                if (!t.isEmpty()) {
                    id = t;
                    break;
                }
            }
            if (id == null) {
                id = "P" + n;
            }
            int za = roles.get(ColumnRoles.ADCODE);
            String zone = za < 0 ? "" : text(f.get(keys.get(za)));
            double value = Double.NaN;
            if (valueField != null) {
                Object v = f.get(valueField);
                value = v instanceof Number num ? num.doubleValue() : ValueText.parse(text(v));
                if (!Double.isFinite(value)) {
                    value = Double.NaN;
                }
            }
            double[] xy = projection.toPlane(p.getX(), p.getY());
            sites.add(new Site(id, xy[0], xy[1], zone.isEmpty() ? null : zone, value));
        }
        return sites;
    }

    /** Lower-case file extension without the dot. */
    static String extension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
