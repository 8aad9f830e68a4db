package org.ecomonitor.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** A synced record's content on the wire: {@code {"adcode", "body"}}, the body any JSON (stored locally as text). */
final class RecordJson {

    private RecordJson() {
    }

    /** The stored body text as JSON (text that is not JSON travels as a string). */
    static JsonNode body(String text) {
        if (text == null) {
            return ServerConnection.JSON.nullNode();
        }
        try {
            return ServerConnection.JSON.readTree(text);
        } catch (IOException e) {
            return ServerConnection.JSON.getNodeFactory().textNode(text);
        }
    }

    /** The text to store for a body. */
    static String text(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        return body.toString();
    }

    static ObjectNode data(String adcode, JsonNode body) {
        ObjectNode d = ServerConnection.JSON.createObjectNode();
        d.put("adcode", adcode);
        d.set("body", body == null ? ServerConnection.JSON.nullNode() : body);
        return d;
    }
}
