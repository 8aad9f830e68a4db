package org.ecomonitor.gui.tiles;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tiles from a web server by URL template: {@code {z}}, {@code {x}}, {@code {y}} (XYZ rows), {@code {-y}} (TMS
 * rows), {@code {s}} (one of the subdomains, in turn), e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}.
 * Every tile goes through a {@link TileCache} first. When the system property {@code ecomonitor.offline} is true
 * (the tests set it) only loopback hosts are contacted.
 */
public final class XyzTileSource implements TileSource {

    public static final String OSM_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    private static final String USER_AGENT = "EcoMonitor-Workstation/0.1 (desktop GIS)";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(8))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final String template;
    private final List<String> subdomains;
    private final TileCache cache;
    private final int maxZoom;
    private final AtomicInteger turn = new AtomicInteger();

    public XyzTileSource(String template, List<String> subdomains, TileCache cache, int maxZoom) {
        this.template = template;
        this.subdomains = subdomains == null || subdomains.isEmpty() ? List.of("a", "b", "c") : subdomains;
        this.cache = cache;
        this.maxZoom = maxZoom;
    }

    public String template() {
        return template;
    }

    /** The URL of one tile. */
    public String url(int z, long x, long y) {
        long tmsY = (1L << z) - 1 - y;
        return template.replace("{z}", Integer.toString(z)).replace("{x}", Long.toString(x))
                .replace("{-y}", Long.toString(tmsY)).replace("{y}", Long.toString(y))
                .replace("{s}", subdomains.get(Math.floorMod(turn.getAndIncrement(), subdomains.size())));
    }

    @Override
    public byte[] tile(int zoom, long x, long y) throws IOException {
        if (zoom > maxZoom) {
            return null;
        }
        byte[] cached = cache == null ? null : cache.get(zoom, x, y);
        if (cached != null) {
            return cached;
        }
        byte[] data = download(url(zoom, x, y));
        if (data != null && cache != null) {
            cache.put(zoom, x, y, data);
        }
        return data;
    }

    /** Downloads one URL; null on 404/204 (no tile there), an IOException on other failures. */
    static byte[] download(String url) throws IOException {
        URI uri = URI.create(url);
        if (Boolean.getBoolean("ecomonitor.offline") && !isLoopback(uri.getHost())) {
            throw new IOException("offline mode: not contacting " + uri.getHost());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("User-Agent", USER_AGENT).GET().build();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 404 || status == 204) {
                return null;
            }
            if (status != 200) {
                throw new IOException("HTTP " + status + " for " + url);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress() && host.matches("[0-9.:\\[\\]]+");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean isOnline() {
        return true;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }
}
