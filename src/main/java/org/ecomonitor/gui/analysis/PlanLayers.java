package org.ecomonitor.gui.analysis;

import javafx.scene.paint.Color;
import org.ecomonitor.analysis.layout.CoverageCheck;
import org.ecomonitor.analysis.layout.GridCell;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.LayoutProjection;
import org.ecomonitor.analysis.layout.PlannedPoint;
import org.ecomonitor.analysis.layout.PointStatus;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.gui.map.GeometryFamily;
import org.ecomonitor.gui.map.LayerStyle;
import org.ecomonitor.gui.map.PointSymbol;
import org.ecomonitor.gui.map.ProjectedLayer;
import org.ecomonitor.gui.map.RasterLayer;
import org.ecomonitor.gui.map.VectorLayer;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layout on the map: its points as a session point layer coloured by their part (existing, new, proposed for
 * removal), the squares of a grid method as a polygon layer with the invalid squares marked, and a coverage
 * check's distance-to-nearest-point raster. Layers are made in CGCS2000 longitude/latitude like the store's.
 */
final class PlanLayers {

    static final Color EXISTING = Color.web("#1f77b4");
    static final Color NEW = Color.web("#e6550d");
    static final Color REMOVE = Color.web("#7f7f7f");

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private PlanLayers() {
    }

    /** The words for a point's part, in the current language (the legend's categories). */
    static String statusText(PointStatus s) {
        return Messages.get("gui.layout.status." + s.code());
    }

    /** The style of planned points: one colour per part. */
    static LayerStyle pointStyle(String categoryField, boolean codes) {
        Map<String, Color> c = new LinkedHashMap<>();
        c.put(codes ? PointStatus.EXISTING.code() : statusText(PointStatus.EXISTING), EXISTING);
        c.put(codes ? PointStatus.NEW.code() : statusText(PointStatus.NEW), NEW);
        c.put(codes ? PointStatus.REMOVE.code() : statusText(PointStatus.REMOVE), REMOVE);
        return LayerStyle.defaultFor(GeometryFamily.POINT).withSymbol(PointSymbol.CIRCLE).withSize(10)
                .withStroke(Color.WHITE).withLabel("id").withCategories(categoryField, c);
    }

    /** The style of grid squares: valid ones outlined, invalid ones filled red. */
    static LayerStyle cellStyle(String categoryField, String valid, String invalid) {
        Map<String, Color> c = new LinkedHashMap<>();
        c.put(valid, Color.web("#2ca02c18"));
        c.put(invalid, Color.web("#d6272870"));
        return LayerStyle.defaultFor(GeometryFamily.POLYGON).withStroke(Color.web("#4d4d4d")).withStrokeWidth(0.6)
                .withCategories(categoryField, c);
    }

    /** One feature per point (fid = its position + 1 unless given), attributes as the exports have them. */
    static Feature feature(long fid, PlannedPoint p) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", p.id());
        a.put("state", statusText(p.status()));
        a.put("status", p.status().code());
        a.put("cell_or_zone", p.label());
        a.put("x", p.x());
        a.put("y", p.y());
        a.putAll(p.attributes());
        return new Feature(fid, GEOMETRY.createPoint(new Coordinate(p.longitude(), p.latitude())), a);
    }

    static ProjectedLayer pointData(List<Feature> features) {
        return ProjectedLayer.of(features, Crs.CGCS2000, GeometryFamily.POINT);
    }

    /** The plan's points as a session layer. */
    static VectorLayer points(String name, String title, LayoutPlan plan) {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < plan.points().size(); i++) {
            features.add(feature(i + 1, plan.points().get(i)));
        }
        return VectorLayer.session(name, title, pointData(features), pointStyle("state", false));
    }

    /** A grid plan's squares as a session layer, or null for a plan without squares. */
    static VectorLayer cells(String name, String title, LayoutPlan plan) {
        if (plan.cells().isEmpty()) {
            return null;
        }
        LayoutProjection projection = LayoutProjection.of(plan.planeEpsg());
        String valid = Messages.get("gui.layout.cell.valid"), invalid = Messages.get("gui.layout.cell.invalid");
        List<Feature> features = new ArrayList<>();
        long fid = 1;
        for (GridCell c : plan.cells()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("row", (long) c.row());
            a.put("col", (long) c.column());
            a.put("square", c.valid() ? valid : invalid);
            a.put("admissible_fraction", c.admissibleFraction());
            a.put("point_id", c.pointId());
            features.add(new Feature(fid++, projection.toLonLat(c.square()), a));
        }
        return VectorLayer.session(name, title, ProjectedLayer.of(features, Crs.CGCS2000, GeometryFamily.POLYGON),
                cellStyle("square", valid, invalid));
    }

    /** A coverage check's distance to the nearest point, light (near) to dark (far). */
    static RasterLayer distance(String id, CoverageCheck.DistanceRaster raster, int planeEpsg) {
        ClassRamp ramp = ClassRamp.over(raster.distance(), ClassRamp.PURPLES);
        return new RasterLayer(id, () -> Messages.get("gui.layout.distance_layer"), raster.grid(), planeEpsg,
                ramp.argb(raster.distance()), raster.distance(), "m", ramp.legend("m"));
    }
}
