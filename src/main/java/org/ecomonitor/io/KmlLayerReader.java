package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Placemarks of a KML file: name, description, ExtendedData (Data/value and SchemaData/SimpleData) as
 * attributes, and Point, LineString, Polygon (outer and inner boundaries) and MultiGeometry as JTS geometries.
 * KML coordinates are WGS84 longitude,latitude[,altitude]. External entities are disabled (XXE-safe).
 */
final class KmlLayerReader {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private KmlLayerReader() {
    }

    static List<VectorImport.SourceFeature> read(Path file, ImportSession session) {
        String name = file.getFileName().toString();
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new UserException(e, "import.kml_invalid", name, e.getMessage());
        }
        List<VectorImport.SourceFeature> out = new ArrayList<>();
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element pm = (Element) placemarks.item(i);
            long record = i + 1L;
            Map<String, Object> attrs = new LinkedHashMap<>();
            String pmName = childText(pm, "name");
            if (pmName != null) {
                attrs.put("name", pmName);
            }
            String desc = childText(pm, "description");
            if (desc != null) {
                attrs.put("description", desc);
            }
            for (Element d : descendants(pm, "Data")) {
                String v = childText(d, "value");
                attrs.put(d.getAttribute("name"), v);
            }
            for (Element d : descendants(pm, "SimpleData")) {
                attrs.put(d.getAttribute("name"), d.getTextContent().trim());
            }
            Geometry g;
            try {
                g = geometry(pm);
            } catch (IllegalArgumentException e) {
                session.reject(name, record, "coordinates", "reject.geometry_invalid", e.getMessage());
                continue;
            }
            out.add(new VectorImport.SourceFeature(record, g, attrs));
        }
        return out;
    }

    private static String childText(Element e, String local) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local.equals(c.getLocalName())) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<Element> descendants(Element e, String local) {
        List<Element> list = new ArrayList<>();
        NodeList nl = e.getElementsByTagNameNS("*", local);
        for (int i = 0; i < nl.getLength(); i++) {
            list.add((Element) nl.item(i));
        }
        return list;
    }

    private static Geometry geometry(Element placemark) {
        List<Geometry> parts = new ArrayList<>();
        collect(placemark, parts);
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : GEOMETRY.buildGeometry(parts);
    }

    private static void collect(Element e, List<Geometry> parts) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            switch (c.getLocalName()) {
                case "Point" -> parts.add(GEOMETRY.createPoint(coordinates(c)[0]));
                case "LineString" -> parts.add(GEOMETRY.createLineString(coordinates(c)));
                case "Polygon" -> parts.add(polygon(c));
                case "MultiGeometry" -> collect(c, parts);
                default -> {
                }
            }
        }
    }

    private static Polygon polygon(Element p) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if ("outerBoundaryIs".equals(c.getLocalName())) {
                    shell = GEOMETRY.createLinearRing(closed(coordinates(c)));
                } else if ("innerBoundaryIs".equals(c.getLocalName())) {
                    holes.add(GEOMETRY.createLinearRing(closed(coordinates(c))));
                }
            }
        }
        if (shell == null) {
            throw new IllegalArgumentException("Polygon without outerBoundaryIs");
        }
        return GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static Coordinate[] closed(Coordinate[] c) {
        if (c.length > 0 && !c[0].equals2D(c[c.length - 1])) {
            Coordinate[] r = java.util.Arrays.copyOf(c, c.length + 1);
            r[c.length] = c[0];
            return r;
        }
        return c;
    }

    private static Coordinate[] coordinates(Element e) {
        NodeList nl = e.getElementsByTagNameNS("*", "coordinates");
        if (nl.getLength() == 0) {
            throw new IllegalArgumentException("no <coordinates>");
        }
        String text = nl.item(0).getTextContent().trim();
        List<Coordinate> list = new ArrayList<>();
        for (String tuple : text.split("\\s+")) {
            if (tuple.isEmpty()) {
                continue;
            }
            String[] p = tuple.split(",");
            if (p.length < 2) {
                throw new IllegalArgumentException("bad coordinate tuple \"" + tuple + "\"");
            }
            try {
                list.add(new Coordinate(Double.parseDouble(p[0]), Double.parseDouble(p[1])));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("bad coordinate tuple \"" + tuple + "\"");
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("empty <coordinates>");
        }
        return list.toArray(Coordinate[]::new);
    }
}
