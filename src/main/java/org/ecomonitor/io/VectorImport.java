package org.ecomonitor.io;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.geo.GeometryTransform;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.store.FeatureTables;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lands the features a vector file holds (GeoJSON, KML, Shapefile, another GeoPackage), reprojected to the
 * store's CGCS2000: into {@code admin_areas} (upsert by adcode), {@code rivers} (upsert by name), the stations
 * table (points with a known kind), or a layer of their own, replaced when imported again. Features without a
 * usable geometry are rejected with their record number; invalid polygons are repaired (JTS GeometryFixer) with
 * a notice.
 */
final class VectorImport {

    /** A feature as a file gives it: record number, geometry in the file's CRS, attributes. */
    record SourceFeature(long record, Geometry geometry, Map<String, Object> attributes) {
    }

    private final ImportSession session;
    private final FileSpec spec;
    private final String file;
    private final Progress progress;

    VectorImport(ImportSession session, FileSpec spec, String file, Progress progress) {
        this.session = session;
        this.spec = spec;
        this.file = file;
        this.progress = progress;
    }

    /** Lands the features; {@code sourceCrs} is the EPSG code of their coordinates. */
    void land(List<SourceFeature> features, int sourceCrs, String defaultLayerName) {
        GeometryTransform t = session.geometriesToStore(sourceCrs);
        String target = spec.layer();
        progress.start(file, features.size());
        List<SourceFeature> valid = new ArrayList<>();
        int repaired = 0;
        for (SourceFeature f : features) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                session.reject(file, f.record(), null, "reject.geometry_missing");
                continue;
            }
            Geometry p = t.apply(g);
            p.setSRID(Crs.CGCS2000);
            if (!inRange(p)) {
                session.reject(file, f.record(), null, "reject.coordinate_out_of_range",
                        g.getCoordinate().x, g.getCoordinate().y);
                continue;
            }
            if (!p.isValid()) {
                p = GeometryFixer.fix(p);
                p.setSRID(Crs.CGCS2000);
                repaired++;
            }
            valid.add(new SourceFeature(f.record(), p, f.attributes()));
        }
        if (repaired > 0) {
            session.notice(file, "import.geometry_repaired", repaired);
        }
        if ("admin_areas".equals(target)) {
            adminAreas(valid);
        } else if ("rivers".equals(target)) {
            rivers(valid);
        } else if (spec.kind() != null || "stations".equals(target) || hasKindAttribute(valid)) {
            stations(valid);
        } else {
            layer(valid, FeatureTables.tableName(target != null ? target : defaultLayerName),
                    target != null ? target : defaultLayerName);
        }
        progress.update(features.size());
    }

    private static boolean inRange(Geometry g) {
        var e = g.getEnvelopeInternal();
        return e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90;
    }

    private static boolean hasKindAttribute(List<SourceFeature> fs) {
        return !fs.isEmpty() && fs.stream().allMatch(f -> f.geometry() instanceof Point)
                && fs.get(0).attributes().keySet().stream().anyMatch(k -> new ColumnRoles(List.of(k), Map.of()).has(ColumnRoles.KIND));
    }

    private String attr(Map<String, Object> attrs, String role) {
        List<String> keys = new ArrayList<>(attrs.keySet());
        ColumnRoles roles = new ColumnRoles(keys, spec.columns());
        int i = roles.get(role);
        if (i < 0) {
            return null;
        }
        Object v = attrs.get(keys.get(i));
        return v == null ? null : v.toString().trim();
    }

    private void adminAreas(List<SourceFeature> fs) {
        var factory = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), Crs.CGCS2000);
        try (FeatureTables.Inserter ins = session.store().features().inserter("admin_areas");
             PreparedStatement del = session.store().connection().prepareStatement("DELETE FROM admin_areas WHERE adcode = ?")) {
            for (SourceFeature f : fs) {
                String adcode = attr(f.attributes(), ColumnRoles.ADCODE);
                if (adcode == null) {
                    adcode = attr(f.attributes(), ColumnRoles.CODE);
                }
                if (adcode == null || !adcode.matches("\\d{6}")) {
                    session.reject(file, f.record(), "adcode", "reject.adcode_invalid", adcode == null ? "" : adcode);
                    continue;
                }
                Geometry g = f.geometry();
                if (g instanceof Polygon p) {
                    g = factory.createMultiPolygon(new Polygon[]{p});
                } else if (!(g instanceof MultiPolygon)) {
                    session.reject(file, f.record(), null, "reject.geometry_type", g.getGeometryType(), "MultiPolygon");
                    continue;
                }
                del.setString(1, adcode);
                del.executeUpdate();
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("adcode", adcode);
                a.put("name", attr(f.attributes(), ColumnRoles.NAME));
                a.put("level", f.attributes().getOrDefault("level", "county"));
                ins.add(g, a);
                session.featureStored();
            }
        } catch (SQLException e) {
            throw new org.ecomonitor.store.StoreException(e);
        }
        session.adminAreasChanged();
    }

    private void rivers(List<SourceFeature> fs) {
        var factory = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), Crs.CGCS2000);
        try (FeatureTables.Inserter ins = session.store().features().inserter("rivers");
             PreparedStatement del = session.store().connection().prepareStatement("DELETE FROM rivers WHERE name = ?")) {
            for (SourceFeature f : fs) {
                String name = attr(f.attributes(), ColumnRoles.NAME);
                Geometry g = f.geometry();
                if (g instanceof LineString l) {
                    g = factory.createMultiLineString(new LineString[]{l});
                } else if (!(g instanceof MultiLineString)) {
                    session.reject(file, f.record(), null, "reject.geometry_type", g.getGeometryType(), "MultiLineString");
                    continue;
                }
                if (name != null) {
                    del.setString(1, name);
                    del.executeUpdate();
                }
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("name", name);
                a.put("name_en", f.attributes().get("name_en"));
                Object approx = f.attributes().get("approximate");
                a.put("approximate", approx == null ? 0 : (approx instanceof Boolean b ? (b ? 1 : 0) : approx));
                ins.add(g, a);
                session.featureStored();
            }
        } catch (SQLException e) {
            throw new org.ecomonitor.store.StoreException(e);
        }
    }

    private void stations(List<SourceFeature> fs) {
        for (SourceFeature f : fs) {
            if (!(f.geometry() instanceof Point p)) {
                session.reject(file, f.record(), null, "reject.geometry_type", f.geometry().getGeometryType(), "Point");
                continue;
            }
            StationKind kind = spec.kind();
            String kindText = attr(f.attributes(), ColumnRoles.KIND);
            if (kindText != null && !kindText.isEmpty()) {
                kind = StationKind.parse(kindText);
                if (kind == null) {
                    session.reject(file, f.record(), "kind", "reject.kind_unknown", kindText);
                    continue;
                }
            }
            if (kind == null) {
                session.reject(file, f.record(), null, "reject.kind_missing");
                continue;
            }
            String code = attr(f.attributes(), ColumnRoles.CODE);
            if (code == null || code.isEmpty()) {
                session.reject(file, f.record(), null, "reject.code_missing");
                continue;
            }
            String name = attr(f.attributes(), ColumnRoles.NAME);
            String adcode = attr(f.attributes(), ColumnRoles.ADCODE);
            Map<String, String> attrs = new LinkedHashMap<>(spec.attributes());
            List<String> keys = new ArrayList<>(f.attributes().keySet());
            ColumnRoles roles = new ColumnRoles(keys, spec.columns());
            for (int i = 0; i < keys.size(); i++) {
                Object v = f.attributes().get(keys.get(i));
                if (v == null || v.toString().isBlank()) {
                    continue;
                }
                if (i == roles.get(ColumnRoles.LEVEL)) {
                    attrs.put("level", v.toString());
                } else if (i == roles.get(ColumnRoles.MN)) {
                    attrs.put("mn", v.toString());
                } else if (!roles.isRole(i)) {
                    attrs.put(keys.get(i), v.toString());
                }
            }
            session.station(new Station(code, name == null || name.isEmpty() ? code : name, kind, p.getX(), p.getY(),
                    adcode == null || adcode.isEmpty() ? null : adcode, Station.DEFAULT_ZONE, attrs));
        }
    }

    private void layer(List<SourceFeature> fs, String table, String title) {
        Set<String> names = new LinkedHashSet<>();
        for (SourceFeature f : fs) {
            names.addAll(f.attributes().keySet());
        }
        List<LayerInfo.Column> cols = new ArrayList<>();
        Map<String, String> columnOf = new LinkedHashMap<>();
        for (String n : names) {
            String col = n;
            int i = 2;
            while (col.equalsIgnoreCase("fid") || col.equalsIgnoreCase(FeatureTables.GEOMETRY_COLUMN)
                    || columnOf.containsValue(col)) {
                col = n + "_" + i++;
            }
            columnOf.put(n, col);
            cols.add(new LayerInfo.Column(col, typeOf(fs, n)));
        }
        String geometryType = geometryTypeOf(fs);
        if (session.store().features().exists(table)) {
            session.store().features().dropLayer(table);
            session.notice(file, "import.layer_replaced", table);
        }
        session.store().features().createLayer(table, title, file, geometryType, Crs.CGCS2000, cols);
        try (FeatureTables.Inserter ins = session.store().features().inserter(table)) {
            for (SourceFeature f : fs) {
                Map<String, Object> a = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                    a.put(columnOf.get(e.getKey()), e.getValue());
                }
                ins.add(promote(f.geometry(), geometryType), a);
                session.featureStored();
            }
        }
    }

    private static String typeOf(List<SourceFeature> fs, String name) {
        boolean allLong = true;
        boolean allNumber = true;
        boolean any = false;
        for (SourceFeature f : fs) {
            Object v = f.attributes().get(name);
            if (v == null) {
                continue;
            }
            any = true;
            if (!(v instanceof Long || v instanceof Integer)) {
                allLong = false;
            }
            if (!(v instanceof Number)) {
                allNumber = false;
            }
        }
        if (!any) {
            return "TEXT";
        }
        return allLong ? "INTEGER" : allNumber ? "REAL" : "TEXT";
    }

    private static String geometryTypeOf(List<SourceFeature> fs) {
        Set<String> types = new LinkedHashSet<>();
        for (SourceFeature f : fs) {
            types.add(f.geometry().getGeometryType().toUpperCase(java.util.Locale.ROOT));
        }
        if (types.size() == 1) {
            return types.iterator().next();
        }
        if (types.stream().allMatch(t -> t.endsWith("POLYGON"))) {
            return "MULTIPOLYGON";
        }
        if (types.stream().allMatch(t -> t.endsWith("LINESTRING"))) {
            return "MULTILINESTRING";
        }
        if (types.stream().allMatch(t -> t.endsWith("POINT"))) {
            return "MULTIPOINT";
        }
        return "GEOMETRY";
    }

    /** Promotes a single geometry to the multi type a MULTI* layer requires. */
    private static Geometry promote(Geometry g, String layerType) {
        GeometryFactory f = g.getFactory();
        return switch (layerType) {
            case "MULTIPOLYGON" -> g instanceof Polygon p ? f.createMultiPolygon(new Polygon[]{p}) : g;
            case "MULTILINESTRING" -> g instanceof LineString l ? f.createMultiLineString(new LineString[]{l}) : g;
            case "MULTIPOINT" -> g instanceof Point p ? f.createMultiPoint(new Point[]{p}) : g;
            default -> g;
        };
    }
}
