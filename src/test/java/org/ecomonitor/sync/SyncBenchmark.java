package org.ecomonitor.sync;

import com.sun.net.httpserver.HttpServer;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.model.Station;
import org.ecomonitor.model.StationKind;
import org.ecomonitor.server.Role;
import org.ecomonitor.server.ServerDatabase;
import org.ecomonitor.server.UserDirectory;
import org.ecomonitor.store.ProjectStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7's sync benchmark, over loopback with the server in a child JVM (SQLite): the first pull of the Tongren
 * sample project (over three million readings) into an empty store, and a push of one million new readings; time,
 * throughput and peak memory of both sides, beside the ceiling: a plain HTTP transfer of the same data as one gzip
 * file (download for the pull, upload for the push). Run: {@code mvn -Pbenchmark verify -Dtest=SyncBenchmark}.
 */
@Tag("benchmark")
class SyncBenchmark {

    static final List<String> SERVER_JVM = List.of("-Xmx1g", "-XX:+UseSerialGC");

    @Test
    void firstPullOfTheSampleAndPushOfAMillionReadings() throws Exception {
        Path dir = Files.createTempDirectory("ecomonitor-sync-bench");
        Path a = dir.resolve("a.gpkg");
        long t = System.nanoTime();
        try (ProjectStore store = ProjectStore.create(a)) {
            ImportReport r = new Importer(store, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(Path.of("samples/tongren")));
            System.out.printf("sample imported: %,d readings in %.1f s%n", r.readingsInserted(), secs(t));
        }
        String db = "sqlite:" + dir.resolve("server.db");
        try (ServerDatabase database = ServerDatabase.open(db)) {
            new UserDirectory(database).add("ana", Role.ANALYST, Set.of(), SyncTestKit.PASSWORD.toCharArray(), "bench");
        }
        int port = ServerProcess.freePort();
        URI url = SyncTestKit.url(port);

        // seed the server with the whole sample (a push of every reading)
        long sampleReadings;
        try (ServerProcess server = new ServerProcess(db, port, SERVER_JVM).start(dir);
             ProjectStore store = ProjectStore.open(a)) {
            SyncClient client = SyncTestKit.client(store, url, "ana");
            long pending = client.pending();
            resetPeaks();
            t = System.nanoTime();
            SyncClient.Report r = client.sync(Progress.NONE);
            double s = secs(t);
            sampleReadings = SyncTestKit.snapshot(store).readings();
            report("push of the whole sample (seeding)", r.pushed(), s, peakHeap(), server.peakRss());
            assertEquals(pending, r.pushed());
        }

        // first pull into an empty store
        Path b = dir.resolve("b.gpkg");
        String token;
        try (ServerProcess server = new ServerProcess(db, port, SERVER_JVM).start(dir);
             ProjectStore store = ProjectStore.create(b)) {
            SyncClient client = SyncTestKit.client(store, url, "ana");
            token = store.connection().createStatement().executeQuery("SELECT value FROM sync_state WHERE key = 'token'").getString(1);
            System.gc();
            resetPeaks();
            t = System.nanoTime();
            SyncClient.Report r = client.sync(Progress.NONE);
            double s = secs(t);
            report("first pull", r.pulledReadings(), s, peakHeap(), server.peakRss());
            assertEquals(sampleReadings, r.pulledReadings());

            // the ceiling: the same data (the pull's lines, all responses) as one gzip file, over plain HTTP
            Path file = dir.resolve("pull.ndjson.gz");
            HttpClient http = HttpClient.newHttpClient();
            String cursor = "0.0.0";
            boolean more = true;
            try (BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
                while (more) {
                    HttpResponse<InputStream> page = http.send(HttpRequest.newBuilder(url.resolve("api/pull?page=100000&cursor=" + cursor))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
                    assertEquals(200, page.statusCode());
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(page.body()), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.startsWith("{\"t\":\"end\"")) {
                                var end = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
                                cursor = end.get("cursor").asText();
                                more = end.get("more").asBoolean();
                            } else if (!line.startsWith("{\"t\":\"cursor\"")) {
                                w.write(line);
                                w.write('\n');
                            }
                        }
                    }
                }
            }
            System.out.printf("the same data as one gzip file: %.1f MB%n", Files.size(file) / 1e6);
            ceilingDownload(file, sampleReadings);
        }

        // a push of one million new readings
        try (ProjectStore store = ProjectStore.open(a)) {
            List<Station> air = store.stations().ofKind(StationKind.AIR);
            Path csv = dir.resolve("new.csv");
            String[] params = {"PM2.5", "PM10", "SO2", "NO2", "CO", "O3"};
            int hours = (int) Math.ceil(1_000_000.0 / (air.size() * params.length));
            long rows = (long) air.size() * params.length * hours;
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            LocalDateTime t0 = LocalDateTime.of(2025, 2, 1, 0, 0);
            try (BufferedWriter w = Files.newBufferedWriter(csv)) {
                w.write("station,parameter,time,value,flag\n");
                for (Station st : air) {
                    for (int h = 0; h < hours; h++) {
                        String time = f.format(t0.plusHours(h));
                        for (int p = 0; p < params.length; p++) {
                            w.write(st.code() + "," + params[p] + "," + time + "," + ((h * 7 + p * 13) % 150 + 1) + ",N\n");
                        }
                    }
                }
            }
            ImportReport imported = new Importer(store, ImportOptions.defaults(), Progress.NONE).importPaths(List.of(csv));
            assertEquals(rows, imported.readingsInserted());
            try (ServerProcess server = new ServerProcess(db, port, SERVER_JVM).start(dir)) {
                SyncClient client = new SyncClient(store);
                System.gc();
                resetPeaks();
                t = System.nanoTime();
                SyncClient.Report r = client.sync(Progress.NONE);
                double s = secs(t);
                report("push of new readings", r.pushed(), s, peakHeap(), server.peakRss());
                assertEquals(rows, r.pushed());
            }
            ceilingUpload(csv, rows);
        }
    }

    /** Downloads the file from a plain HTTP server (the JDK's), counting bytes, then again decompressing and counting lines. */
    static void ceilingDownload(Path file, long rows) throws Exception {
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/pull.ndjson.gz", ex -> {
            ex.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        plain.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/pull.ndjson.gz");
            long t = System.nanoTime();
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = r.body().transferTo(OutputStream.nullOutputStream());
            double s = secs(t);
            System.out.printf("ceiling, plain download of the gzip file: %.2f s, %,.0f readings/s (%.1f MB)%n", s, rows / s, bytes / 1e6);
            t = System.nanoTime();
            r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(r.body(), 1 << 16), StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                    lines++;
                }
            }
            s = secs(t);
            System.out.printf("ceiling, download + gunzip + split lines: %.2f s, %,.0f readings/s (%,d lines)%n", s, rows / s, lines);
            assertTrue(lines >= rows);
        } finally {
            plain.stop(0);
        }
    }

    /** Uploads the new readings as one gzip file to a plain HTTP server that reads and discards them. */
    static void ceilingUpload(Path csv, long rows) throws Exception {
        Path gz = csv.resolveSibling("new.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            Files.copy(csv, out);
        }
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/upload", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        plain.start();
        try {
            long t = System.nanoTime();
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/upload"))
                    .POST(HttpRequest.BodyPublishers.ofFile(gz)).build(), HttpResponse.BodyHandlers.discarding());
            double s = secs(t);
            assertEquals(200, r.statusCode());
            System.out.printf("ceiling, plain upload of the same readings as one gzip file: %.2f s, %,.0f readings/s (%.1f MB)%n",
                    s, rows / s, Files.size(gz) / 1e6);
        } finally {
            plain.stop(0);
        }
    }

    static double secs(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    static void report(String what, long rows, double s, long clientHeap, long serverRss) {
        System.out.printf("%s: %,d rows in %.2f s, %,.0f rows/s; client peak heap %.0f MB, server peak RSS %.0f MB%n",
                what, rows, s, rows / s, clientHeap / 1e6, serverRss / 1e6);
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            b.resetPeakUsage();
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                sum += b.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
