package org.ecomonitor.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ecomonitor.analysis.layout.GridCell;
import org.ecomonitor.analysis.layout.LayoutPlan;
import org.ecomonitor.analysis.layout.LayoutProjection;
import org.ecomonitor.analysis.layout.NetworkMetrics;
import org.ecomonitor.analysis.layout.PlannedPoint;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.store.FeatureTables;
import org.ecomonitor.store.PlainGeoPackage;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a layout's planned points for field teams, the format from the target's extension:
 * <ul>
 * <li>{@code .csv}: UTF-8 with a BOM (Excel shows Chinese), columns id, longitude, latitude, x, y, then status,
 * method, the cell or zone, the method's own columns, and the parameters;</li>
 * <li>{@code .xlsx}: the same table on a sheet "points", and a sheet "summary" with the method, its parameters and
 * the before/after table;</li>
 * <li>{@code .gpkg}: a GeoPackage with the layer {@code planned_points} (EPSG:4490; the parameters in its
 * description) and, for grid methods, {@code layout_cells};</li>
 * <li>{@code .kml}: one Placemark per point with its columns as ExtendedData (Google Earth, 奥维 and most field
 * apps);</li>
 * <li>{@code .gpx}: GPX 1.1 waypoints (name = id) for handheld GPS receivers;</li>
 * <li>{@code .geojson}: a FeatureCollection (RFC 7946).</li>
 * </ul>
 * Longitude and latitude are CGCS2000 (the same as WGS84 to centimetres, as GPS receivers use them); x and y are in
 * the layout's working plane.
 */
public final class PlannedPointsExport {

    /** Layer names in a GeoPackage export. */
    public static final String POINTS_LAYER = "planned_points";
    public static final String CELLS_LAYER = "layout_cells";

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), Crs.CGCS2000);

    private PlannedPointsExport() {
    }

    /** True when the extension names a format this class writes. */
    public static boolean supports(Path target) {
        return List.of("csv", "xlsx", "gpkg", "kml", "gpx", "geojson", "json").contains(LayoutInputs.extension(target));
    }

    /**
     * Writes the plan's points (existing and new).
     *
     * @throws UserException for an unknown extension or a failed write
     */
    public static void write(LayoutPlan plan, Path target) {
        String ext = LayoutInputs.extension(target);
        if (!supports(target)) {
            throw new UserException("layout.exportFormatUnknown", target, "csv, xlsx, gpkg, kml, gpx, geojson");
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            switch (ext) {
                case "csv" -> csv(plan, target);
                case "xlsx" -> xlsx(plan, target);
                case "gpkg" -> geoPackage(plan, target);
                case "kml" -> kml(plan, target);
                case "gpx" -> gpx(plan, target);
                default -> geoJson(plan, target);
            }
        } catch (IOException | XMLStreamException e) {
            throw new UserException(e, "export.write_failed", target, e.getMessage());
        }
    }

    /** The name of the cell-or-zone column: "cell" for grid methods, else "zone". */
    static String labelColumn(LayoutPlan plan) {
        return plan.cells().isEmpty() ? "zone" : "cell";
    }

    /** The method's own columns, in first-seen order. */
    static List<String> attributeColumns(LayoutPlan plan) {
        Set<String> names = new LinkedHashSet<>();
        for (PlannedPoint p : plan.points()) {
            names.addAll(p.attributes().keySet());
        }
        return new ArrayList<>(names);
    }

    /** All columns after id: longitude, latitude, x, y, status, method, cell/zone, own columns, parameters. */
    static List<String> header(LayoutPlan plan) {
        List<String> h = new ArrayList<>(List.of("id", "longitude", "latitude", "x", "y", "status", "method",
                labelColumn(plan)));
        h.addAll(attributeColumns(plan));
        h.add("parameters");
        return h;
    }

    /** The row of one point, values as String, Long, Double or null, in {@link #header} order. */
    static List<Object> row(LayoutPlan plan, PlannedPoint p, List<String> attributes, String parameters) {
        List<Object> r = new ArrayList<>();
        r.add(p.id());
        r.add(round(p.longitude(), 7));
        r.add(round(p.latitude(), 7));
        r.add(round(p.x(), 2));
        r.add(round(p.y(), 2));
        r.add(p.status().code());
        r.add(plan.method());
        r.add(p.label());
        for (String a : attributes) {
            r.add(p.attributes().get(a));
        }
        r.add(parameters);
        return r;
    }

    private static Double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The parameters text with the working plane. */
    static String parameters(LayoutPlan plan) {
        return plan.parametersText() + "; plane=EPSG:" + plan.planeEpsg();
    }

    /** A number or text as it should appear in a text file. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return "";
            }
            return new BigDecimal(d).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private static void csv(LayoutPlan plan, Path target) throws IOException {
        List<String> attributes = attributeColumns(plan);
        String params = parameters(plan);
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", header(plan).stream().map(LayerExporter::csvCell).toList()));
            w.write("\r\n");
            for (PlannedPoint p : plan.points()) {
                List<String> cells = new ArrayList<>();
                for (Object v : row(plan, p, attributes, params)) {
                    cells.add(LayerExporter.csvCell(text(v)));
                }
                w.write(String.join(",", cells));
                w.write("\r\n");
            }
        }
    }

    private static void xlsx(LayoutPlan plan, Path target) throws IOException {
        List<String> attributes = attributeColumns(plan);
        String params = parameters(plan);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet("points");
            List<String> header = header(plan);
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (PlannedPoint p : plan.points()) {
                Row row = sheet.createRow(r++);
                List<Object> values = row(plan, p, attributes, params);
                for (int c = 0; c < values.size(); c++) {
                    put(row.createCell(c), values.get(c));
                }
            }
            sheet.createFreezePane(0, 1);
            Sheet summary = wb.createSheet("summary");
            int s = 0;
            s = pair(summary, s, "method", plan.method(), bold);
            s = pair(summary, s, "plane", "EPSG:" + plan.planeEpsg(), bold);
            for (Map.Entry<String, Object> e : plan.parameters().entrySet()) {
                s = pair(summary, s, e.getKey(), e.getValue(), bold);
            }
            s++;
            Row th = summary.createRow(s++);
            String[] cols = {"metric", "before", "after"};
            for (int c = 0; c < cols.length; c++) {
                Cell cell = th.createCell(c);
                cell.setCellValue(cols[c]);
                cell.setCellStyle(bold);
            }
            for (Map.Entry<String, Object[]> e : table(plan).entrySet()) {
                Row row = summary.createRow(s++);
                row.createCell(0).setCellValue(e.getKey());
                put(row.createCell(1), e.getValue()[0]);
                put(row.createCell(2), e.getValue()[1]);
            }
            summary.autoSizeColumn(0);
            wb.write(out);
        }
    }

    private static int pair(Sheet sheet, int r, String key, Object value, CellStyle bold) {
        Row row = sheet.createRow(r);
        Cell k = row.createCell(0);
        k.setCellValue(key);
        k.setCellStyle(bold);
        put(row.createCell(1), value);
        return r + 1;
    }

    private static void put(Cell cell, Object v) {
        if (v == null) {
            cell.setBlank();
        } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            cell.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (v instanceof Number) {
            cell.setBlank();
        } else {
            cell.setCellValue(v.toString());
        }
    }

    /**
     * The before/after table: metric name to {before, after} (Double, Integer or null), with the keys the CLI's
     * JSON uses.
     */
    public static Map<String, Object[]> table(LayoutPlan plan) {
        Map<String, Object[]> t = new LinkedHashMap<>();
        NetworkMetrics b = plan.before();
        NetworkMetrics a = plan.after();
        t.put("points", new Object[]{b.points(), a.points()});
        t.put("mssd_m2", new Object[]{finite(b.mssd()), finite(a.mssd())});
        t.put("mean_kriging_variance", new Object[]{finite(b.meanKrigingVariance()), finite(a.meanKrigingVariance())});
        t.put("max_kriging_variance", new Object[]{finite(b.maxKrigingVariance()), finite(a.maxKrigingVariance())});
        t.put("max_gap_m", new Object[]{finite(b.maxGap()), finite(a.maxGap())});
        for (String zone : a.pointsPerZone().keySet()) {
            t.put("points_in_" + zone, new Object[]{b.pointsPerZone().getOrDefault(zone, 0),
                a.pointsPerZone().get(zone)});
        }
        return t;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void geoPackage(LayoutPlan plan, Path target) {
        List<String> attributes = attributeColumns(plan);
        try (PlainGeoPackage out = PlainGeoPackage.create(target)) {
            writeLayers(out.features(), plan, POINTS_LAYER, CELLS_LAYER, attributes);
        }
    }

    /**
     * Creates and fills the points layer (and the cells layer of a grid method) in EPSG:4490; shared by the
     * GeoPackage export and the store.
     */
    static void writeLayers(FeatureTables tables, LayoutPlan plan, String pointsTable, String cellsTable,
                            List<String> attributes) {
        List<String> header = header(plan);
        List<LayerInfo.Column> cols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String type = switch (name) {
                case "longitude", "latitude", "x", "y" -> "REAL";
                case "id", "status", "method", "parameters", "cell", "zone" -> "TEXT";
                default -> columnType(plan, name);
            };
            cols.add(new LayerInfo.Column(name, type));
        }
        String description = parameters(plan);
        tables.createLayer(pointsTable, pointsTable, description, "POINT", Crs.CGCS2000, cols);
        String params = parameters(plan);
        try (FeatureTables.Inserter ins = tables.inserter(pointsTable)) {
            for (PlannedPoint p : plan.points()) {
                List<Object> row = row(plan, p, attributes, params);
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), row.get(i));
                }
                ins.add(GEOMETRY.createPoint(new Coordinate(p.longitude(), p.latitude())), values);
            }
        }
        if (cellsTable != null && !plan.cells().isEmpty()) {
            LayoutProjection projection = LayoutProjection.of(plan.planeEpsg());
            tables.createLayer(cellsTable, cellsTable, description, "POLYGON", Crs.CGCS2000, List.of(
                    new LayerInfo.Column("row", "INTEGER"), new LayerInfo.Column("col", "INTEGER"),
                    new LayerInfo.Column("cell", "TEXT"), new LayerInfo.Column("admissible_fraction", "REAL"),
                    new LayerInfo.Column("valid", "INTEGER"), new LayerInfo.Column("point_id", "TEXT")));
            try (FeatureTables.Inserter ins = tables.inserter(cellsTable)) {
                for (GridCell c : plan.cells()) {
                    Geometry g = projection.toLonLat(c.square());
                    g.setSRID(Crs.CGCS2000);
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("row", (long) c.row());
                    values.put("col", (long) c.column());
                    values.put("cell", String.format(Locale.ROOT, "%02d-%02d", c.row(), c.column()));
                    values.put("admissible_fraction", c.admissibleFraction());
                    values.put("valid", c.valid() ? 1L : 0L);
                    values.put("point_id", c.pointId());
                    ins.add(g, values);
                }
            }
        }
    }

    private static String columnType(LayoutPlan plan, String name) {
        boolean allLong = true;
        boolean allNumber = true;
        for (PlannedPoint p : plan.points()) {
            Object v = p.attributes().get(name);
            if (v == null) {
                continue;
            }
            allLong &= v instanceof Long || v instanceof Integer;
            allNumber &= v instanceof Number;
        }
        return allLong ? "INTEGER" : allNumber ? "REAL" : "TEXT";
    }

    private static XMLStreamWriter xml(OutputStream out) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        return w;
    }

    private static void kml(LayoutPlan plan, Path target) throws IOException, XMLStreamException {
        List<String> header = header(plan);
        List<String> attributes = attributeColumns(plan);
        String params = parameters(plan);
        try (OutputStream out = Files.newOutputStream(target)) {
            XMLStreamWriter w = xml(out);
            w.writeStartElement("kml");
            w.writeDefaultNamespace("http://www.opengis.net/kml/2.2");
            w.writeStartElement("Document");
            element(w, "name", "EcoMonitor " + plan.method());
            element(w, "description", params);
            for (String[] style : new String[][]{{"existing", "ff808080"}, {"new", "ff0000ff"}, {"remove", "ff00a5ff"}}) {
                w.writeStartElement("Style");
                w.writeAttribute("id", style[0]);
                w.writeStartElement("IconStyle");
                element(w, "color", style[1]);
                w.writeEndElement();
                w.writeEndElement();
            }
            for (PlannedPoint p : plan.points()) {
                if (!Double.isFinite(p.longitude())) {
                    continue;
                }
                List<Object> row = row(plan, p, attributes, params);
                w.writeStartElement("Placemark");
                element(w, "name", p.id());
                element(w, "styleUrl", "#" + p.status().code());
                w.writeStartElement("ExtendedData");
                for (int i = 1; i < header.size() - 1; i++) {
                    w.writeStartElement("Data");
                    w.writeAttribute("name", header.get(i));
                    element(w, "value", text(row.get(i)));
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeStartElement("Point");
                element(w, "coordinates", text(row.get(1)) + "," + text(row.get(2)));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        }
    }

    private static void gpx(LayoutPlan plan, Path target) throws IOException, XMLStreamException {
        String label = labelColumn(plan);
        try (OutputStream out = Files.newOutputStream(target)) {
            XMLStreamWriter w = xml(out);
            w.writeStartElement("gpx");
            w.writeDefaultNamespace("http://www.topografix.com/GPX/1/1");
            w.writeAttribute("version", "1.1");
            w.writeAttribute("creator", "EcoMonitor Workstation");
            w.writeStartElement("metadata");
            element(w, "name", "EcoMonitor " + plan.method());
            element(w, "desc", parameters(plan));
            w.writeEndElement();
            for (PlannedPoint p : plan.points()) {
                if (!Double.isFinite(p.longitude())) {
                    continue;
                }
                w.writeStartElement("wpt");
                w.writeAttribute("lat", text(round(p.latitude(), 7)));
                w.writeAttribute("lon", text(round(p.longitude(), 7)));
                element(w, "name", p.id());
                StringBuilder desc = new StringBuilder(p.status().code());
                if (p.label() != null) {
                    desc.append("; ").append(label).append(' ').append(p.label());
                }
                desc.append("; x=").append(text(round(p.x(), 2))).append(" y=").append(text(round(p.y(), 2)))
                        .append(" EPSG:").append(plan.planeEpsg());
                element(w, "desc", desc.toString());
                element(w, "type", p.status().code());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static void geoJson(LayoutPlan plan, Path target) throws IOException {
        List<String> header = header(plan);
        List<String> attributes = attributeColumns(plan);
        String params = parameters(plan);
        try (OutputStream out = Files.newOutputStream(target);
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", plan.method());
            g.writeArrayFieldStart("features");
            for (PlannedPoint p : plan.points()) {
                List<Object> row = row(plan, p, attributes, params);
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                if (row.get(1) == null) {
                    g.writeNullField("geometry");
                } else {
                    g.writeObjectFieldStart("geometry");
                    g.writeStringField("type", "Point");
                    g.writeArrayFieldStart("coordinates");
                    g.writeNumber((Double) row.get(1));
                    g.writeNumber((Double) row.get(2));
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeObjectFieldStart("properties");
                for (int i = 0; i < header.size(); i++) {
                    Object v = row.get(i);
                    g.writeFieldName(header.get(i));
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Long l) {
                        g.writeNumber(l);
                    } else if (v instanceof Double d) {
                        g.writeNumber(d);
                    } else if (v instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
