package org.ecomonitor.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server as a real child JVM ({@code java -cp <test class path> org.ecomonitor.cli.Main serve ...}), so a test
 * can kill it (SIGKILL, no shutdown hook) at any moment and start it again on the same database and port.
 */
final class ServerProcess implements AutoCloseable {

    private final String db;
    private final int port;
    private Process process;

    ServerProcess(String db, int port) {
        this.db = db;
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    ServerProcess start(Path logDir) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:TieredStopAtLevel=1");   // starts faster; the tests measure no speed
        cmd.add("-XX:+UseSerialGC");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.ecomonitor.cli.Main");
        cmd.addAll(List.of("serve", "--port", Integer.toString(port), "--host", "127.0.0.1", "--db", db, "--json"));
        process = new ProcessBuilder(cmd).redirectError(logDir.resolve("server-" + System.nanoTime() + ".err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder json = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            json.append(line);
            if (line.startsWith("}")) {
                break;
            }
        }
        JsonNode started = new ObjectMapper().readTree(json.toString());
        if (!"listening".equals(started.path("status").asText())) {
            throw new IOException("server did not start: " + json);
        }
        return this;
    }

    /** SIGKILL: the server dies wherever it is, as in a power cut. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
