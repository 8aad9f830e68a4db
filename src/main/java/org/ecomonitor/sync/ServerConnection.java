package org.ecomonitor.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP side of the client: one method per server endpoint, over {@link HttpClient}. Failures become
 * {@link SyncException}s of the right {@link SyncException.Kind}. Push bodies are sent gzip-compressed; the pull
 * stream is read as it arrives (never held in memory).
 */
public final class ServerConnection {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http;
    private volatile Duration requestTimeout = Duration.ofMinutes(10);

    public ServerConnection(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI base() {
        return base;
    }

    /** How long one request may take before it counts as cut (tests shorten it). */
    public void requestTimeout(Duration d) {
        this.requestTimeout = d;
    }

    /** True when the server answers its health check (a short timeout: this is the connectivity probe). */
    public boolean healthy() {
        try {
            HttpRequest req = HttpRequest.newBuilder(base.resolve("api/health")).timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("ecomonitor-server");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A token and its expiry, from a login. */
    public record Login(String token, long expiresMs, String user, String role) {
    }

    public Login login(String user, char[] password) {
        ObjectNode body = JSON.createObjectNode().put("user", user).put("password", new String(password));
        JsonNode n = send(HttpRequest.newBuilder(base.resolve("api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), null);
        return new Login(n.path("token").asText(), n.path("expires").asLong(), n.path("user").asText(), n.path("role").asText());
    }

    public void logout(String token) {
        send(HttpRequest.newBuilder(base.resolve("api/logout")).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    /** Sends one push batch (gzip) and returns the server's answer. */
    public JsonNode push(String token, ObjectNode batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            JSON.writeValue(gz, batch);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(base.resolve("api/push")).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())), token);
    }

    /** Opens the pull stream after {@code cursor} (decompressed); the caller closes it. */
    public InputStream pull(String token, String cursor, int page, long limit) {
        URI uri = base.resolve("api/pull?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&page=" + page
                + "&limit=" + limit);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<InputStream> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw offline(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw offline(e);
        }
        if (r.statusCode() != 200) {
            try (InputStream in = r.body()) {
                throw failure(r.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw offline(e);
            }
        }
        try {
            boolean gzip = r.headers().firstValue("Content-Encoding").map(v -> v.contains("gzip")).orElse(false);
            return gzip ? new GZIPInputStream(r.body(), 1 << 16) : r.body();
        } catch (IOException e) {
            throw offline(e);
        }
    }

    private JsonNode send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r;
        try {
            r = http.send(builder.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw offline(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw offline(e);
        }
        if (r.statusCode() != 200) {
            throw failure(r.statusCode(), r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.SERVER_ERROR, r.statusCode(), null, e, "sync.bad_answer", base, e.getMessage());
        }
    }

    SyncException offline(Exception e) {
        return new SyncException(SyncException.Kind.OFFLINE, 0, null, e, "sync.offline", base,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    SyncException failure(int status, String body) {
        String code = null;
        String message = body;
        try {
            JsonNode n = JSON.readTree(body);
            code = n.path("error").asText(null);
            message = n.path("message").asText(body);
        } catch (IOException | RuntimeException e) {
            // not JSON: keep the text
        }
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500);
        }
        SyncException.Kind kind = status == 401 ? SyncException.Kind.LOGIN_REQUIRED
                : status >= 500 ? SyncException.Kind.SERVER_ERROR : SyncException.Kind.REFUSED;
        return new SyncException(kind, status, code, null, "sync.refused", base, status, message);
    }
}
