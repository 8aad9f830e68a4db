package org.ecomonitor.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A station's content as the protocol sends it: kind, name, lon, lat, adcode, zone, attributes (with level). */
final class StationJson {

    private StationJson() {
    }

    static ObjectNode data(Station s) {
        ObjectNode d = ServerConnection.JSON.createObjectNode();
        d.put("kind", s.kind().code());
        d.put("name", s.name());
        d.put("lon", s.longitude());
        d.put("lat", s.latitude());
        d.put("adcode", s.adcode());
        d.put("zone", s.zone().getId());
        ObjectNode a = d.putObject("attributes");
        new java.util.TreeMap<>(s.attributes()).forEach(a::put);
        return d;
    }

    static Station station(String code, JsonNode d) {
        Map<String, String> attrs = new LinkedHashMap<>();
        JsonNode a = d.path("attributes");
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            attrs.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
        }
        StationKind kind = StationKind.parse(d.path("kind").asText());
        ZoneId zone = null;
        String z = d.path("zone").asText(null);
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                zone = null;
            }
        }
        return new Station(code, d.path("name").asText(code), kind == null ? StationKind.ECOLOGY : kind,
                d.path("lon").asDouble(), d.path("lat").asDouble(),
                d.path("adcode").isNull() ? null : d.path("adcode").asText(null), zone, attrs);
    }

    /** The fields a person compares and chooses between: the content's top-level fields and each attribute. */
    static Map<String, Object> fields(JsonNode d) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String k : new String[]{"kind", "name", "lon", "lat", "adcode", "zone"}) {
            JsonNode v = d.path(k);
            f.put(k, v.isMissingNode() || v.isNull() ? null : v.isNumber() ? (Object) v.asDouble() : v.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = d.path("attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            f.put("attributes." + e.getKey(), e.getValue().asText());
        }
        return f;
    }

    /** The content of a field map (inverse of {@link #fields}). */
    static ObjectNode fromFields(Map<String, Object> f) {
        ObjectNode d = ServerConnection.JSON.createObjectNode();
        ObjectNode attrs = ServerConnection.JSON.createObjectNode();
        for (Map.Entry<String, Object> e : f.entrySet()) {
            Object v = e.getValue();
            if (e.getKey().startsWith("attributes.")) {
                if (v != null) {
                    attrs.put(e.getKey().substring("attributes.".length()), v.toString());
                }
            } else if (v instanceof Number n) {
                d.put(e.getKey(), n.doubleValue());
            } else {
                d.put(e.getKey(), v == null ? null : v.toString());
            }
        }
        d.set("attributes", attrs);
        return d;
    }
}
