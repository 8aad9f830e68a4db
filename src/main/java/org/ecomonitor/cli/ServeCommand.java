package org.ecomonitor.cli;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve --port P [--db sqlite:FILE | --db postgresql://HOST/DB?user=...] [--tls-keystore FILE]}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the central sync server until stopped (Ctrl+C).")
final class ServeCommand implements Callable<Integer> {

    static final String DEFAULT_DB = "sqlite:ecomonitor-server.db";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "TCP port (0: any free port, printed on start).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--db", defaultValue = DEFAULT_DB,
            description = "sqlite:FILE or postgresql://HOST[:PORT]/DB?user=U&password=P (default ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 or JKS keystore: serve HTTPS.")
    Path tlsKeystore;

    @Option(names = "--tls-password-env", paramLabel = "VAR", defaultValue = "ECOMONITOR_TLS_PASSWORD",
            description = "Environment variable holding the keystore password (default ${DEFAULT-VALUE}).")
    String tlsPasswordEnv;

    @Option(names = "--token-ttl", paramLabel = "DURATION", defaultValue = "PT12H",
            description = "Lifetime of login tokens, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration tokenTtl;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "33554432",
            description = "Largest request body accepted, compressed or not (default ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--json", description = "Print the start line as JSON.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServerDatabase database = ServerDatabase.open(db);
        SyncServer.Options options = SyncServer.Options.defaults(port).withHost(host).withTokenLifetime(tokenTtl)
                .withMaxBodyBytes(maxBody);
        if (tlsKeystore != null) {
            String pw = System.getenv(tlsPasswordEnv);
            options = options.withTls(tlsKeystore, pw == null ? "" : pw);
        }
        SyncServer server;
        try {
            server = SyncServer.start(database, options);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
            stopped.countDown();
        }, "ecomonitor-server-shutdown"));
        String url = (server.tls() ? "https" : "http") + "://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + server.port() + "/";
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "listening");
            m.put("url", url);
            m.put("port", server.port());
            m.put("database", database.description());
            Output.json(out, m);
        } else {
            out.println(Messages.get("cli.serve.listening", url, database.description()));
            out.flush();
        }
        stopped.await();
        return 0;
    }
}
