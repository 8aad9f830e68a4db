package org.ecomonitor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.Rejection;

import java.io.PrintWriter;

/** Shared output helpers of the commands: JSON on standard output, localized rejection lines. */
final class Output {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** "file:line [column] reason" in the current language. */
    static String describe(Rejection r) {
        String reason = Messages.get(r.reasonKey(), r.args().toArray());
        return r.where() + (r.column() == null ? "" : " [" + r.column() + "]") + " " + reason;
    }
}
