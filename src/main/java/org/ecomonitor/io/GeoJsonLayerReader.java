package org.ecomonitor.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature or geometry): geometries through JTS's GeoJsonReader,
 * properties as text, integers and decimals, the feature "id" as property {@code id} when properties lack one.
 * Coordinates are WGS84/CGCS2000 longitude/latitude per RFC 7946, unless an old-style "crs" member names an EPSG
 * code. Text encoding detected like every text file.
 */
final class GeoJsonLayerReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(List<VectorImport.SourceFeature> features, int crs) {
    }

    private GeoJsonLayerReader() {
    }

    static Result read(Path file, ImportSession session) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(TextEncoding.readString(file));
        } catch (IOException e) {
            throw new UserException(e, "import.json_invalid", name, e.getMessage());
        }
        int crs = Crs.CGCS2000;
        JsonNode crsNode = root.path("crs").path("properties").path("name");
        if (crsNode.isTextual()) {
            String t = crsNode.asText();
            int colon = t.lastIndexOf(':');
            try {
                int code = Integer.parseInt(t.substring(colon + 1));
                if (code != 84) {
                    crs = Crs.parse("EPSG:" + code);
                }
            } catch (NumberFormatException e) {
                session.notice(name, "import.crs_ignored", t);
            }
        }
        List<VectorImport.SourceFeature> out = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        String type = root.path("type").asText("");
        List<JsonNode> features = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> root.path("features").forEach(features::add);
            case "Feature" -> features.add(root);
            case "" -> throw new UserException("import.geojson_not_geojson", name);
            default -> {
                JsonNode wrapped = JSON.createObjectNode().put("type", "Feature").set("geometry", root);
                features.add(wrapped);
            }
        }
        long record = 0;
        for (JsonNode f : features) {
            record++;
            Geometry g = null;
            JsonNode gn = f.get("geometry");
            if (gn != null && !gn.isNull()) {
                try {
                    g = reader.read(gn.toString());
                } catch (ParseException | RuntimeException e) {
                    session.reject(name, record, "geometry", "reject.geometry_invalid", e.getMessage());
                    continue;
                }
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            JsonNode props = f.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                attrs.put(e.getKey(), value(e.getValue()));
            }
            if (f.has("id") && !attrs.containsKey("id")) {
                attrs.put("id", value(f.get("id")));
            }
            out.add(new VectorImport.SourceFeature(record, g, attrs));
        }
        return new Result(out, crs);
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1L : 0L;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return v.toString();
    }
}
