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
    private final List<String> jvmOptions;
    private Process process;

    /** A server for tests: small heap, quick start (C1 only). */
    ServerProcess(String db, int port) {
        this(db, port, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    ServerProcess(String db, int port, List<String> jvmOptions) {
        this.db = db;
        this.port = port;
        this.jvmOptions = jvmOptions;
    }

    /** The child's process id (its /proc/PID/status tells its peak memory). */
    long pid() {
        return process.pid();
    }

    /** Peak resident memory of the child (VmHWM), in bytes; -1 where /proc is not there. */
    long peakRss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
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
        cmd.addAll(jvmOptions);
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
