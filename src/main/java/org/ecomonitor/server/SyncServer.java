package org.ecomonitor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.i18n.UserException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The central server's HTTP API (Javalin on Jetty), stateless: everything it knows is in the {@link ServerDatabase},
 * so several instances can serve one PostgreSQL database. Endpoints (JSON; errors are
 * {@code {"error": code, "message": text}} with a 4xx/5xx status):
 * <pre>
 *   GET  /api/health                     no authentication: {"status":"ok", ...}
 *   POST /api/login  {"user","password"} a bearer token: {"token","expires","user","role","counties"}
 *   POST /api/logout                     revokes the token
 *   GET  /api/me                         the token's user
 *   POST /api/push   (gzip allowed)      applies a batch of changes exactly once ({@link PushApplier})
 *   GET  /api/pull?cursor=C&amp;limit=N  gzip newline-delimited JSON of the changes after C ({@link ChangeLog})
 * </pre>
 * Hardening: request bodies are limited ({@link Options#maxBodyBytes}, compressed and uncompressed), logins are
 * rate-limited ({@link LoginThrottle}), tokens expire and can be revoked ({@link TokenService}), every query is a
 * prepared statement, every write is in the audit log ({@link AuditLog}), scopes are enforced on every read and
 * write. The protocol: {@code src/main/resources/org/ecomonitor/sync/PROTOCOL.md}.
 */
public final class SyncServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Name of the service in the health answer, which clients check. */
    public static final String SERVICE = "ecomonitor-server";

    /** How to run the server. */
    public record Options(String host, int port, Path tlsKeystore, String tlsPassword, Duration tokenLifetime,
                          long maxBodyBytes, int pullPage, long pullLimit) {

        public static Options defaults(int port) {
            return new Options("0.0.0.0", port, null, null, Duration.ofHours(12), 32L << 20, 5_000, 1_000_000);
        }

        public Options withHost(String h) {
            return new Options(h, port, tlsKeystore, tlsPassword, tokenLifetime, maxBodyBytes, pullPage, pullLimit);
        }

        public Options withTls(Path keystore, String password) {
            return new Options(host, port, keystore, password, tokenLifetime, maxBodyBytes, pullPage, pullLimit);
        }

        public Options withTokenLifetime(Duration d) {
            return new Options(host, port, tlsKeystore, tlsPassword, d, maxBodyBytes, pullPage, pullLimit);
        }

        public Options withMaxBodyBytes(long n) {
            return new Options(host, port, tlsKeystore, tlsPassword, tokenLifetime, n, pullPage, pullLimit);
        }

        public Options withPull(int page, long limit) {
            return new Options(host, port, tlsKeystore, tlsPassword, tokenLifetime, maxBodyBytes, page, limit);
        }
    }

    private final ServerDatabase db;
    private final Options options;
    private final UserDirectory users;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final ChangeLog changeLog;
    private final PushApplier pushes;
    private final Javalin app;

    private SyncServer(ServerDatabase db, Options options) {
        this.db = db;
        this.options = options;
        this.users = new UserDirectory(db);
        this.tokens = new TokenService(db, users, options.tokenLifetime());
        this.throttle = new LoginThrottle(db);
        this.changeLog = new ChangeLog(db);
        this.pushes = new PushApplier(db);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.disableCompression();
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jetty.defaultHost = options.host();
            if (options.tlsKeystore() != null) {
                config.jetty.addConnector((server, httpConfig) -> tlsConnector(server, httpConfig, options));
            }
        });
        routes();
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration httpConfig, Options o) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(o.tlsKeystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(o.tlsPassword() == null ? "" : o.tlsPassword());
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(o.host());
        connector.setPort(o.port());
        return connector;
    }

    /** Starts a server on the options' port (0: any free port, see {@link #port()}). */
    public static SyncServer start(ServerDatabase db, Options options) {
        SyncServer server = new SyncServer(db, options);
        try {
            if (options.tlsKeystore() != null) {
                server.app.start();
            } else {
                server.app.start(options.host(), options.port());
            }
        } catch (RuntimeException e) {
            throw new UserException(e, "server.start_failed", options.port(), ServerDatabase.rootMessage(e));
        }
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    public boolean tls() {
        return options.tlsKeystore() != null;
    }

    public UserDirectory users() {
        return users;
    }

    public ChangeLog changeLog() {
        return changeLog;
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---- routes

    private void routes() {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(Locale.ENGLISH)));
        app.exception(ServerDatabase.ServerDatabaseException.class,
                (e, ctx) -> error(ctx, 503, "database_unavailable", e.getMessage(Locale.ENGLISH)));
        app.exception(UserException.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage(Locale.ENGLISH)));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal_error",
                Messages.get(Locale.ENGLISH, "server.api.internal", e.getClass().getSimpleName())));
        app.error(404, ctx -> {
            if (ctx.result() == null || !ctx.res().isCommitted()) {
                error(ctx, 404, "not_found", Messages.get(Locale.ENGLISH, "server.api.not_found", ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> error(ctx, 405, "method_not_allowed",
                Messages.get(Locale.ENGLISH, "server.api.not_found", ctx.method() + " " + ctx.path())));
        app.get("/api/health", this::health);
        app.post("/api/login", this::login);
        app.post("/api/logout", ctx -> {
            authenticated(ctx);
            tokens.revoke(bearer(ctx));
            ctx.json(JSON.createObjectNode().put("status", "logged_out"));
        });
        app.get("/api/me", ctx -> ctx.json(userJson(authenticated(ctx))));
        app.post("/api/push", this::push);
        app.get("/api/pull", this::pull);
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(JSON.createObjectNode().put("error", code).put("message", message).toString());
    }

    private void health(Context ctx) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", "ok");
        n.put("service", SERVICE);
        n.put("schema", ServerSchema.CURRENT);
        n.put("database", db.dialect().name().toLowerCase(Locale.ROOT));
        n.put("time", System.currentTimeMillis());
        ctx.json(n);
    }

    private void login(Context ctx) throws IOException {
        JsonNode body = readJson(ctx);
        String name = body.path("user").asText(null);
        String password = body.path("password").asText(null);
        if (name == null || password == null) {
            throw new ApiException(400, "bad_request", "server.api.bad_field", "user/password", "login");
        }
        String address = ctx.ip();
        long wait = throttle.waitSeconds(name, address);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "too_many_attempts", "server.api.throttled", name, wait);
        }
        var user = users.authenticate(name, password.toCharArray());
        if (user.isEmpty()) {
            throttle.failed(name, address);
            throw new ApiException(401, "bad_credentials", "server.api.bad_credentials", name);
        }
        throttle.succeeded(name);
        TokenService.Issued issued = tokens.issue(user.get());
        ObjectNode n = userJson(user.get());
        n.put("token", issued.token());
        n.put("expires", issued.expiresMs());
        ctx.json(n);
    }

    private static ObjectNode userJson(User u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("user", u.name());
        n.put("role", u.role().code());
        var counties = n.putArray("counties");
        u.counties().stream().sorted().forEach(counties::add);
        return n;
    }

    private static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).trim();
    }

    private User authenticated(Context ctx) {
        String token = bearer(ctx);
        if (token == null) {
            throw new ApiException(401, "unauthenticated", "server.api.unauthenticated");
        }
        TokenService.Check check = tokens.check(token);
        if (check.user() == null) {
            throw switch (check.refusal()) {
                case EXPIRED -> new ApiException(401, "token_expired", "server.api.token_expired");
                case REVOKED -> new ApiException(401, "token_revoked", "server.api.token_revoked");
                case USER_DISABLED -> new ApiException(401, "user_disabled", "server.api.user_disabled");
                default -> new ApiException(401, "unauthenticated", "server.api.unauthenticated");
            };
        }
        return check.user();
    }

    private void push(Context ctx) throws IOException {
        User user = authenticated(ctx);
        JsonNode batch = readJson(ctx);
        ctx.json(pushes.apply(user, batch, ctx.ip()));
    }

    private void pull(Context ctx) throws IOException {
        User user = authenticated(ctx);
        PullCursor cursor = PullCursor.parse(ctx.queryParam("cursor"));
        long limit = options.pullLimit();
        String l = ctx.queryParam("limit");
        if (l != null) {
            try {
                limit = Math.max(1, Math.min(limit, Long.parseLong(l)));
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad_request", "server.api.bad_field", "limit", "pull");
            }
        }
        int page = options.pullPage();
        String pg = ctx.queryParam("page");
        if (pg != null) {
            try {
                page = (int) Math.max(100, Math.min(100_000, Long.parseLong(pg)));
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad_request", "server.api.bad_field", "page", "pull");
            }
        }
        ctx.status(200);
        ctx.res().setContentType("application/x-ndjson; charset=utf-8");
        ctx.res().setHeader("Content-Encoding", "gzip");
        OutputStream raw = ctx.res().getOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }; OutputStream out = new BufferedOutputStream(gz, 1 << 16)) {
            changeLog.pull(user, cursor, page, limit, out);
        }
    }

    /** The request body as JSON: gzip-decoded when so declared, within the size limit (413 beyond it). */
    private JsonNode readJson(Context ctx) throws IOException {
        long max = options.maxBodyBytes();
        if (ctx.req().getContentLengthLong() > max) {
            throw new ApiException(413, "body_too_large", "server.api.too_large", max);
        }
        InputStream in = new LimitedInputStream(ctx.req().getInputStream(), max);
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            in = new LimitedInputStream(new GZIPInputStream(in, 1 << 16), max);
        } else if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding)) {
            throw new ApiException(415, "unsupported_encoding", "server.api.bad_field", "Content-Encoding", encoding);
        }
        try (InputStream body = in) {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new ApiException(400, "bad_request", "server.api.bad_json", "not an object");
            }
            return n;
        } catch (LimitedInputStream.TooLarge e) {
            throw new ApiException(413, "body_too_large", "server.api.too_large", max);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (e.getCause() instanceof LimitedInputStream.TooLarge) {
                throw new ApiException(413, "body_too_large", "server.api.too_large", max);
            }
            throw new ApiException(400, "bad_request", "server.api.bad_json", e.getOriginalMessage());
        }
    }

    /** Reads at most {@code max} bytes, then fails with {@link TooLarge}. */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        static final class TooLarge extends IOException {
            TooLarge() {
                super("request body too large");
            }
        }

        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw new TooLarge();
            }
            return n;
        }
    }

    /** The routes, for documentation and tests. */
    static List<String> routeList() {
        return List.of("GET /api/health", "POST /api/login", "POST /api/logout", "GET /api/me", "POST /api/push", "GET /api/pull");
    }
}
