package org.ecomonitor.sync;

import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.SyncServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve --tls-keystore}: the server speaks HTTPS with the keystore's certificate. */
class TlsServerTest {

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithTheKeystoresCertificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        String password = "keystore-secret";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool made a keystore");

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        try (ServerDatabase db = ServerDatabase.open("sqlite:" + dir.resolve("server.db"));
             SyncServer server = SyncServer.start(db, SyncServer.Options.defaults(0).withHost("127.0.0.1")
                     .withTls(keystore, password))) {
            assertTrue(server.tls());
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("ecomonitor-server"), health.body());
            // plain HTTP on the TLS port gets no API answer
            HttpClient plain = HttpClient.newHttpClient();
            boolean refused;
            try {
                HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                refused = r.statusCode() != 200;
            } catch (java.io.IOException e) {
                refused = true;
            }
            assertTrue(refused);
        }
    }
}
