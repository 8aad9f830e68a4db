package org.ecomonitor.gui.map;

import javafx.scene.paint.Color;
import org.ecomonitor.geo.CoordinateTransform;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.GridSpec;
import org.ecomonitor.model.LayerInfo;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rasters and session layers on the map's layer lists: what re-reading and closing a project do with them. */
class RasterAndSessionLayersTest {

    /** A 4 x 3 grid of 100 m cells in EPSG:4545 near Bijiang, values 0..11 by cell index. */
    static RasterLayer raster(String id) {
        GridSpec g = new GridSpec(616_000, 3_065_000, 100, 4, 3);
        int[] argb = new int[12];
        double[] values = new double[12];
        for (int i = 0; i < 12; i++) {
            argb[i] = 0xFF000000 | i;
            values[i] = i;
        }
        return new RasterLayer(id, () -> id, g, Crs.CGCS2000_GK_CM_108E, argb, values, "dB(A)",
                List.of(new RasterLayer.LegendEntry("0-12", Color.BLACK)));
    }

    static VectorLayer stored(String table) {
        LayerInfo info = new LayerInfo(table, table, "POINT", Crs.CGCS2000, 0, null, List.of());
        return new VectorLayer(info, null, table, ProjectedLayer.of(List.of(), Crs.CGCS2000, GeometryFamily.POINT),
                LayerStyle.defaultFor(GeometryFamily.POINT));
    }

    @Test
    void rereadingKeepsSessionLayersAndRastersAndANewProjectDropsThem() {
        MapLayers layers = new MapLayers();
        layers.setAll(List.of(), List.of(stored("rivers")));
        Feature f = new Feature(1, new GeometryFactory().createPoint(new Coordinate(109.19, 27.72)), Map.of("id", "N-01-01"));
        VectorLayer plan = VectorLayer.session("planned_points", "Planned points",
                ProjectedLayer.of(List.of(f), Crs.CGCS2000, GeometryFamily.POINT), LayerStyle.defaultFor(GeometryFamily.POINT));
        layers.addSession(plan);
        layers.addRaster(raster("noise_map_day"));
        assertEquals("session_planned_points", plan.id());
        assertTrue(plan.isSession());
        assertEquals("Planned points", plan.title());

        layers.setAll(List.of(), List.of(stored("rivers"), stored("admin_areas")));
        assertEquals(List.of("session_planned_points", "rivers", "admin_areas"),
                layers.others().stream().map(VectorLayer::id).toList());
        assertEquals(1, layers.rasters().size());

        // a result made again under its id replaces the old one
        RasterLayer again = raster("noise_map_day");
        layers.addRaster(again);
        assertEquals(List.of(again), layers.rasters());

        layers.clear();
        assertTrue(layers.topFirst().isEmpty());
        assertTrue(layers.rasters().isEmpty());
    }

    @Test
    void aRasterKnowsItsCellsAndWhereItLies() {
        RasterLayer r = raster("r");
        // row 0 is the northernmost: the cell above the south-west corner is (col 0, row 2), index 8
        assertEquals(8, r.valueAt(616_050, 3_065_050));
        assertEquals(3, r.valueAt(616_399, 3_065_299));
        assertTrue(Double.isNaN(r.valueAt(615_999, 3_065_050)));
        Envelope e = r.lonLatExtent();
        CoordinateTransform toLonLat = CoordinateTransform.between(Crs.CGCS2000_GK_CM_108E, Crs.CGCS2000);
        for (double[] corner : new double[][]{{616_000, 3_065_000}, {616_400, 3_065_300}}) {
            double[] ll = toLonLat.apply(corner[0], corner[1]);
            assertTrue(e.contains(ll[0], ll[1]), "the extent holds the corner " + ll[0] + " " + ll[1]);
        }
        assertFalse(e.getWidth() > 0.01, "400 m are a few thousandths of a degree");
        r.opacityProperty().set(1);
        assertEquals(1, r.opacity());
    }
}
