package org.ecomonitor.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * A station's content on the wire: {@code {"kind", "name", "lon", "lat", "adcode", "zone", "attributes": {..}}}
 * (the code is the key beside it). Text is stored verbatim.
 */
record StationRow(String kind, String name, double lon, double lat, String adcode, String zone, String attributes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static StationRow of(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new ApiException(400, "bad_request", "server.api.bad_field", "data", "station");
        }
        JsonNode attrs = data.get("attributes");
        String kind = text(data, "kind");
        if (kind == null || kind.isBlank()) {
            throw new ApiException(400, "bad_request", "server.api.bad_field", "kind", "station");
        }
        JsonNode lon = data.get("lon");
        JsonNode lat = data.get("lat");
        if (lon == null || !lon.isNumber() || lat == null || !lat.isNumber()) {
            throw new ApiException(400, "bad_request", "server.api.bad_field", "lon/lat", "station");
        }
        return new StationRow(kind, text(data, "name"), lon.asDouble(), lat.asDouble(), text(data, "adcode"),
                text(data, "zone"), attrs == null || attrs.isNull() ? null : attrs.toString());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static void writeData(JsonGenerator g, String kind, String name, double lon, double lat, String adcode, String zone,
                          String attributes) throws IOException {
        g.writeStringField("kind", kind);
        g.writeStringField("name", name);
        g.writeNumberField("lon", lon);
        g.writeNumberField("lat", lat);
        g.writeStringField("adcode", adcode);
        g.writeStringField("zone", zone);
        g.writeFieldName("attributes");
        if (attributes == null || attributes.isBlank()) {
            g.writeStartObject();
            g.writeEndObject();
        } else {
            g.writeRawValue(attributes);
        }
    }

    ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", kind);
        n.put("name", name);
        n.put("lon", lon);
        n.put("lat", lat);
        n.put("adcode", adcode);
        n.put("zone", zone);
        try {
            n.set("attributes", attributes == null ? JSON.createObjectNode() : JSON.readTree(attributes));
        } catch (IOException e) {
            n.put("attributes", attributes);
        }
        return n;
    }
}
