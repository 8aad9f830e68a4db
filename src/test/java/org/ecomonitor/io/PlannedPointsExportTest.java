package org.ecomonitor.io;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ecomonitor.analysis.layout.GridLayout;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.LayoutProjection;
import org.ecomonitor.analysis.layout.PlannedPoint;
import org.ecomonitor.analysis.layout.PointStatus;
import org.ecomonitor.analysis.layout.Site;
import org.ecomonitor.analysis.layout.StudyArea;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planned points written to every field format and read back, and saved into the store. */
class PlannedPointsExportTest {

    static LayoutPlan plan;

    @TempDir
    Path dir;

    @BeforeAll
    static void gridOfBijiang() {
        List<Feature> area = LayoutInputs.readFile(Path.of("samples/tongren/layers/bijiang_built_up_area.geojson"),
                null, Progress.NONE);
        StudyArea a = LayoutInputs.studyArea(area, List.of(), area, null, null);
        assertEquals(4545, a.epsg());
        double[] xy = LayoutProjection.of(4545).toPlane(109.191, 27.718);
        List<Site> existing = List.of(new Site("TR520602A1", xy[0], xy[1], "520602", Double.NaN));
        plan = GridLayout.plan(a, existing, GridLayout.Options.hj640().withCellSize(1000).withEvaluationCells(5000),
                Progress.NONE);
    }

    private Map<String, PlannedPoint> byId() {
        Map<String, PlannedPoint> m = new HashMap<>();
        for (PlannedPoint p : plan.points()) {
            m.put(p.id(), p);
        }
        return m;
    }

    @Test
    void csvHasTheAgreedColumns() throws Exception {
        Path csv = dir.resolve("grid.csv");
        PlannedPointsExport.write(plan, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFid,longitude,latitude,x,y,status,method,cell,row,col,"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith(",parameters"));
        assertEquals(plan.points().size() + 1, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("TR520602A1", first[0]);
        assertEquals("existing", first[5]);
        Map<String, PlannedPoint> points = byId();
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split(",");
            PlannedPoint p = points.get(f[0]);
            assertEquals(p.longitude(), Double.parseDouble(f[1]), 1e-7);
            assertEquals(p.latitude(), Double.parseDouble(f[2]), 1e-7);
            assertEquals(p.x(), Double.parseDouble(f[3]), 0.01);
            assertEquals("new", f[5]);
            assertEquals(GridLayout.HJ640, f[6]);
        }
    }

    @Test
    void kmlReadsBackThroughTheImporter() throws Exception {
        Path kml = dir.resolve("grid.kml");
        PlannedPointsExport.write(plan, kml);
        List<Feature> back = LayoutInputs.readFile(kml, null, Progress.NONE);
        assertEquals(plan.points().size(), back.size());
        Map<String, PlannedPoint> points = byId();
        for (Feature f : back) {
            PlannedPoint p = points.get(f.getString("name"));
            Point g = (Point) f.geometry();
            assertEquals(p.longitude(), g.getX(), 1e-7);
            assertEquals(p.latitude(), g.getY(), 1e-7);
            assertEquals(p.status().code(), f.getString("status"));
            assertEquals(p.label(), f.getString("cell").isEmpty() ? null : f.getString("cell"));
        }
    }

    @Test
    void gpxParsesWithTheJdkXmlParser() throws Exception {
        Path gpx = dir.resolve("grid.gpx");
        PlannedPointsExport.write(plan, gpx);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(gpx.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("gpx", root.getLocalName());
        assertEquals("http://www.topografix.com/GPX/1/1", root.getNamespaceURI());
        assertEquals("1.1", root.getAttribute("version"));
        NodeList wpts = doc.getElementsByTagNameNS("http://www.topografix.com/GPX/1/1", "wpt");
        assertEquals(plan.points().size(), wpts.getLength());
        Map<String, PlannedPoint> points = byId();
        for (int i = 0; i < wpts.getLength(); i++) {
            Element w = (Element) wpts.item(i);
            String name = w.getElementsByTagNameNS("*", "name").item(0).getTextContent();
            PlannedPoint p = points.get(name);
            assertEquals(p.latitude(), Double.parseDouble(w.getAttribute("lat")), 1e-7);
            assertEquals(p.longitude(), Double.parseDouble(w.getAttribute("lon")), 1e-7);
        }
    }

    @Test
    void xlsxReadsBackWithPoi() throws Exception {
        Path xlsx = dir.resolve("grid.xlsx");
        PlannedPointsExport.write(plan, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("points");
            assertEquals(plan.points().size(), s.getLastRowNum());
            Row h = s.getRow(0);
            assertEquals("id", h.getCell(0).getStringCellValue());
            assertEquals("longitude", h.getCell(1).getStringCellValue());
            Map<String, PlannedPoint> points = byId();
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                PlannedPoint p = points.get(row.getCell(0).getStringCellValue());
                assertEquals(p.longitude(), row.getCell(1).getNumericCellValue(), 1e-7);
                assertEquals(p.y(), row.getCell(4).getNumericCellValue(), 0.01);
            }
            Sheet summary = wb.getSheet("summary");
            boolean found = false;
            for (Row row : summary) {
                if (row.getCell(0) != null && "mssd_m2".equals(row.getCell(0).getStringCellValue())) {
                    assertEquals(plan.after().mssd(), row.getCell(2).getNumericCellValue(), 1e-6);
                    found = true;
                }
            }
            assertTrue(found, "before/after table on the summary sheet");
        }
    }

    @Test
    void geoPackageAndStoreLayerReadBack() throws Exception {
        Path gpkg = dir.resolve("grid.gpkg");
        PlannedPointsExport.write(plan, gpkg);
        List<Feature> back = LayoutInputs.readFile(gpkg, null, Progress.NONE);
        assertTrue(back.size() >= plan.points().size());

        Path storeFile = dir.resolve("p.gpkg");
        try (ProjectStore store = ProjectStore.create(storeFile)) {
            String table = PlannedPointsLayer.save(store, plan, "noise grid 2025");
            assertEquals("noise_grid_2025", table);
            assertTrue(PlannedPointsLayer.isLayout(store, table));
            List<Feature> layer = store.features().readAll(table);
            assertEquals(plan.points().size(), layer.size());
            assertEquals(plan.cells().size(), store.features().readAll(table + "_cells").size());
            Feature f = layer.get(1);
            assertEquals(plan.points().get(1).id(), f.getString("id"));
            assertEquals(plan.points().get(1).x(), ((Number) f.get("x")).doubleValue(), 0.01);
            assertTrue(f.get("row") instanceof Long);
            // saving again replaces it
            PlannedPointsLayer.save(store, plan, "noise grid 2025");
            assertEquals(plan.points().size(), store.features().readAll(table).size());
            // a layer that is not a layout is never replaced
            org.junit.jupiter.api.Assertions.assertThrows(org.ecomonitor.i18n.UserException.class,
                    () -> PlannedPointsLayer.save(store, plan, "admin_areas"));
            List<Site> sites = LayoutInputs.sites(layer, LayoutInputs.studyArea(
                    LayoutInputs.readFile(Path.of("samples/tongren/layers/bijiang_built_up_area.geojson"), null,
                            Progress.NONE), List.of(), List.of(), null, null), null);
            assertEquals(plan.points().get(5).id(), sites.get(5).id());
            assertEquals(plan.points().get(5).x(), sites.get(5).x(), 0.05);
            Geometry cell = store.features().readAll(table + "_cells").get(0).geometry();
            assertTrue(cell.getEnvelopeInternal().getMinX() > 109);
        }
        assertEquals(PointStatus.EXISTING, plan.points().get(0).status());
    }
}
