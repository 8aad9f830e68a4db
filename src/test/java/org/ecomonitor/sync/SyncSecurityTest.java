package org.ecomonitor.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.ecomonitor.server.UserDirectory;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.ecomonitor.sync.SyncTestKit.BIJIANG;
import static org.ecomonitor.sync.SyncTestKit.PASSWORD;
import static org.ecomonitor.sync.SyncTestKit.WANSHAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication, tokens, scopes, size limits, rate limiting and SQL-injection strings, over real HTTP. */
class SyncSecurityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVIL = "x'); DROP TABLE stations; --\" OR 1=1 /* 碧江 */";

    @TempDir
    Path dir;
    ServerDatabase db;
    SyncServer server;
    URI url;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        db = ServerDatabase.open(databaseSpec());
        SyncTestKit.users(db);
        server = SyncServer.start(db, SyncServer.Options.defaults(0).withHost("127.0.0.1").withMaxBodyBytes(1 << 20));
        url = SyncTestKit.url(server);
    }

    /** The server database of each test: a SQLite file here, a PostgreSQL database in the subclass. */
    protected String databaseSpec() {
        return "sqlite:" + dir.resolve("server.db");
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    record Answer(int status, JsonNode body, HttpResponse<byte[]> raw) {
    }

    Answer call(String method, String path, String token, byte[] body, String encoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = r.body();
        if (r.headers().firstValue("Content-Encoding").orElse("").contains("gzip")) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        JsonNode n;
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            n = text.startsWith("{") && !text.contains("\n{") ? JSON.readTree(text) : JSON.getNodeFactory().textNode(text);
        } catch (IOException e) {
            n = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
        return new Answer(r.statusCode(), n, r);
    }

    String login(String user) throws Exception {
        Answer a = call("POST", "api/login", null, JSON.createObjectNode().put("user", user).put("password", PASSWORD)
                .toString().getBytes(StandardCharsets.UTF_8), null);
        assertEquals(200, a.status(), a.body().toString());
        return a.body().get("token").asText();
    }

    static byte[] json(JsonNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    ObjectNode push(String client, JsonNode stations, JsonNode readings) {
        ObjectNode n = JSON.createObjectNode();
        n.put("client", client);
        n.putArray("from").add(0).add(0);
        n.putArray("to").add(1).add(Long.MAX_VALUE);
        n.put("digest", "d");
        n.set("stations", stations == null ? JSON.createArrayNode() : stations);
        n.set("readings", readings == null ? JSON.createArrayNode() : readings);
        return n;
    }

    static ObjectNode station(String code, String adcode) {
        ObjectNode s = JSON.createObjectNode();
        s.put("code", code);
        s.put("op", "U");
        s.put("base", 0);
        ObjectNode d = s.putObject("data");
        d.put("kind", "air");
        d.put("name", code);
        d.put("lon", 109.2);
        d.put("lat", 27.7);
        d.put("adcode", adcode);
        d.put("zone", "Asia/Shanghai");
        d.putObject("attributes");
        return s;
    }

    @Test
    void healthNeedsNoLoginAndEverythingElseDoes() throws Exception {
        Answer h = call("GET", "api/health", null, null, null);
        assertEquals(200, h.status());
        assertEquals("ok", h.body().get("status").asText());
        Answer me = call("GET", "api/me", null, null, null);
        assertEquals(401, me.status());
        assertEquals("unauthenticated", me.body().get("error").asText());
        assertTrue(me.body().get("message").asText().contains("Log in"), me.body().toString());
        assertEquals(401, call("GET", "api/pull", "not-a-token", null, null).status());
        Answer missing = call("GET", "api/nothing", null, null, null);
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.body().get("error").asText());
    }

    @Test
    void wrongPasswordsAreRefusedAndThenRateLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            Answer a = call("POST", "api/login", null, json(JSON.createObjectNode().put("user", "pia").put("password", "wrong" + i)), null);
            assertEquals(401, a.status());
            assertEquals("bad_credentials", a.body().get("error").asText());
        }
        Answer limited = call("POST", "api/login", null, json(JSON.createObjectNode().put("user", "pia").put("password", PASSWORD)), null);
        assertEquals(429, limited.status(), "even the right password waits");
        assertTrue(limited.raw().headers().firstValue("Retry-After").isPresent());
        Answer unknown = call("POST", "api/login", null, json(JSON.createObjectNode().put("user", EVIL).put("password", EVIL)), null);
        assertEquals(401, unknown.status(), "an injection string as user name is just a wrong user");
        SyncClient c = new SyncClient(ProjectStore.create(dir.resolve("w.gpkg")));
        c.configure(url, "tom");
        SyncException e = assertThrows(SyncException.class, () -> c.login("not the password".toCharArray()));
        assertEquals(SyncException.Kind.LOGIN_REQUIRED, e.kind());
        assertFalse(c.loggedIn());
        c.store().close();
    }

    @Test
    void expiredAndRevokedTokensAreRefused() throws Exception {
        try (SyncServer shortLived = SyncServer.start(db, SyncServer.Options.defaults(0).withHost("127.0.0.1")
                .withTokenLifetime(Duration.ofMillis(1500)))) {
            URI other = SyncTestKit.url(shortLived);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(other.resolve("api/login")).POST(HttpRequest.BodyPublishers
                    .ofString("{\"user\":\"ana\",\"password\":\"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(r.body()).get("token").asText();
            assertEquals(200, call("GET", "api/me", token, null, null).status(), "a token from one instance is valid at another");
            Thread.sleep(1600);
            Answer expired = call("GET", "api/me", token, null, null);
            assertEquals(401, expired.status());
            assertEquals("token_expired", expired.body().get("error").asText());
        }
        String token = login("ana");
        assertEquals(200, call("POST", "api/logout", token, null, null).status());
        Answer revoked = call("GET", "api/me", token, null, null);
        assertEquals(401, revoked.status());
        assertEquals("token_revoked", revoked.body().get("error").asText());

        String tom = login("tom");
        new UserDirectory(db).setPassword("tom", "another password".toCharArray(), "test");
        assertEquals("token_revoked", call("GET", "api/me", tom, null, null).body().get("error").asText());

        String wan = login("wan");
        new UserDirectory(db).disable("wan", "test");
        assertEquals(401, call("GET", "api/pull", wan, null, null).status());
        assertEquals(401, call("POST", "api/login", null, json(JSON.createObjectNode().put("user", "wan").put("password", PASSWORD)), null).status());

        // the client forgets a refused token and says the user must log in
        try (ProjectStore s = ProjectStore.create(dir.resolve("c.gpkg"))) {
            SyncClient c = SyncTestKit.client(s, url, "ana");
            c.logout();
            assertFalse(c.loggedIn());
            SyncException e = assertThrows(SyncException.class, () -> SyncTestKit.sync(c));
            assertEquals(SyncException.Kind.LOGIN_REQUIRED, e.kind());
        }
    }

    @Test
    void countyUsersCanNeitherPullNorPushAnotherCounty() throws Exception {
        try (ProjectStore a = ProjectStore.create(dir.resolve("a.gpkg"));
             ProjectStore t = ProjectStore.create(dir.resolve("t.gpkg"))) {
            SyncTestKit.station(a, "BJ1", "碧江", BIJIANG, Map.of());
            SyncTestKit.station(a, "WS1", "万山", WANSHAN, Map.of());
            SyncTestKit.importReadings(a, dir, List.of("BJ1", "WS1"), List.of("PM2.5"), 50, 3);
            SyncTestKit.sync(SyncTestKit.client(a, url, "ana"));

            SyncClient tom = SyncTestKit.client(t, url, "tom");
            SyncClient.Report r = SyncTestKit.sync(tom);
            assertEquals(1, r.pulledStations(), "tom sees Bijiang only");
            assertEquals(50, r.pulledReadings());
            assertTrue(t.stations().find("WS1").isEmpty());

            String token = login("tom");
            Answer station = call("POST", "api/push", token, json(push("evil-1", JSON.createArrayNode().add(station("WS1", WANSHAN)), null)), null);
            assertEquals(403, station.status());
            assertEquals("forbidden_scope", station.body().get("error").asText());
            Answer moveIn = call("POST", "api/push", token, json(push("evil-2", JSON.createArrayNode().add(station("WS1", BIJIANG)), null)), null);
            assertEquals(403, moveIn.status(), "a station of another county cannot be pulled into one's own");
            Answer reading = call("POST", "api/push", token, json(push("evil-3", null, JSON.createArrayNode().add(
                    JSON.createArrayNode().add("WS1").add("PM2.5").add(1_700_000_000_000L).add(1.0).add("N").add(0).add("U")))), null);
            assertEquals(403, reading.status());
            Answer planner = call("POST", "api/push", login("pia"), json(push("evil-4", null, JSON.createArrayNode().add(
                    JSON.createArrayNode().add("BJ1").add("PM2.5").add(1_700_000_000_000L).add(1.0).add("N").add(0).add("U")))), null);
            assertEquals(403, planner.status());
            assertEquals("forbidden_role", planner.body().get("error").asText());

            // through the client: a Wanshan station made on tom's workstation is refused as a whole batch
            SyncTestKit.station(t, "WS9", "越界", WANSHAN, Map.of());
            SyncException e = assertThrows(SyncException.class, () -> SyncTestKit.sync(tom));
            assertEquals(SyncException.Kind.REFUSED, e.kind());
            assertEquals(403, e.status());
            assertTrue(e.getMessage().contains("WS9"), e.getMessage());
        }
    }

    @Test
    void oversizedBodiesAreRefusedWith413() throws Exception {
        String token = login("ana");
        byte[] big = new byte[2 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        Answer plain = call("POST", "api/push", token, big, null);
        assertEquals(413, plain.status());
        assertEquals("body_too_large", plain.body().get("error").asText());
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                gz.write(spaces);
            }
        }
        assertTrue(bomb.size() < (1 << 20));
        Answer inflated = call("POST", "api/push", token, bomb.toByteArray(), "gzip");
        assertEquals(413, inflated.status(), "the limit holds after decompression too");
        Answer login = call("POST", "api/login", null, big, null);
        assertEquals(413, login.status());
        Answer garbage = call("POST", "api/push", token, "{not json".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(400, garbage.status());
        assertEquals("bad_request", garbage.body().get("error").asText());
        assertEquals(400, call("GET", "api/pull?cursor=1;DROP%20TABLE%20readings", token, null, null).status());
    }

    @Test
    void injectionStringsInEveryTextFieldAreStoredVerbatim() throws Exception {
        String token = login("ana");
        ObjectNode s = station(EVIL, BIJIANG);
        ObjectNode d = (ObjectNode) s.get("data");
        d.put("kind", EVIL);
        d.put("name", EVIL + " name");
        d.put("zone", EVIL + " zone");
        d.putObject("attributes").put(EVIL, EVIL + " value");
        ObjectNode batch = push("client " + EVIL, JSON.createArrayNode().add(s), JSON.createArrayNode().add(
                JSON.createArrayNode().add(EVIL).add(EVIL + " parameter").add(1_700_000_000_000L).add(12.5).add("N").add(0).add("U")));
        batch.put("digest", EVIL);
        Answer pushed = call("POST", "api/push", token, json(batch), null);
        assertEquals(200, pushed.status(), pushed.body().toString());
        Answer pulled = call("GET", "api/pull", token, null, null);
        assertEquals(200, pulled.status());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : pulled.body().asText().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        JsonNode st = lines.stream().filter(n -> n.path("t").asText().equals("station")).findFirst().orElseThrow();
        assertEquals(EVIL, st.get("code").asText());
        assertEquals(EVIL, st.get("data").get("kind").asText());
        assertEquals(EVIL + " name", st.get("data").get("name").asText());
        assertEquals(EVIL + " zone", st.get("data").get("zone").asText());
        assertEquals(EVIL + " value", st.get("data").get("attributes").get(EVIL).asText());
        JsonNode reading = lines.stream().filter(JsonNode::isArray).findFirst().orElseThrow();
        assertEquals(EVIL, reading.get(0).asText());
        assertEquals(EVIL + " parameter", reading.get(1).asText());
        Answer replay = call("POST", "api/push", token, json(batch), null);
        assertTrue(replay.body().get("replayed").asBoolean(), "the same batch again is acknowledged, not applied");

        // and through two workstations: a station whose every text field is hostile arrives unchanged
        try (ProjectStore a = ProjectStore.create(dir.resolve("a.gpkg"));
             ProjectStore b = ProjectStore.create(dir.resolve("b.gpkg"))) {
            SyncTestKit.station(a, EVIL + "2", EVIL, BIJIANG, Map.of(EVIL, EVIL, "level", EVIL));
            SyncTestKit.sync(SyncTestKit.client(a, url, "ana"));
            SyncTestKit.sync(SyncTestKit.client(b, url, "ana"));
            var got = b.stations().find(EVIL + "2").orElseThrow();
            assertEquals(EVIL, got.name());
            assertEquals(EVIL, got.attribute(EVIL));
            assertEquals(EVIL, got.attribute("level"));
        }
    }
}
