package org.ecomonitor.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.StationKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder's {@code manifest.json}: the files to import in order, each with what the folder's owner knows about
 * it (layer, station kind, column names, CRS, station), and generators of synthetic history. Example:
 * <pre>{@code
 * { "title": "铜仁市监测网络",
 *   "files": [
 *     { "path": "boundaries/tongren_counties.geojson", "layer": "admin_areas" },
 *     { "path": "stations/air_stations.csv", "kind": "air", "columns": { "code": "站点编码" } },
 *     { "generator": "air-history", "seed": 20220101, "from": "2022-01-01", "to": "2025-01-01" } ] }
 * }</pre>
 */
public record Manifest(String title, List<Entry> entries) {

    public static final String FILE_NAME = "manifest.json";

    /** One entry: a file with its spec, or a generator with its parameters. */
    public record Entry(Path path, FileSpec spec, String generator, Map<String, String> generatorOptions) {
    }

    public static Manifest read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserException(e, "import.manifest_invalid", file, e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode e : root.path("files")) {
            index++;
            if (e.has("generator")) {
                Map<String, String> opts = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    opts.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
                }
                entries.add(new Entry(null, FileSpec.NONE, e.get("generator").asText(), opts));
                continue;
            }
            String p = e.path("path").asText(null);
            if (p == null) {
                throw new UserException("import.manifest_entry_invalid", file, index, "path");
            }
            StationKind kind = null;
            if (e.has("kind")) {
                kind = StationKind.parse(e.get("kind").asText());
                if (kind == null) {
                    throw new UserException("import.manifest_entry_invalid", file, index, "kind");
                }
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("columns").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                columns.put(f.getKey(), f.getValue().asText());
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("attributes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                attributes.put(f.getKey(), f.getValue().asText());
            }
            Integer crs = e.has("crs") ? Crs.parse(e.get("crs").asText()) : null;
            FileSpec spec = new FileSpec(kind, e.path("layer").asText(null), columns, crs,
                    e.path("station").asText(null), attributes);
            entries.add(new Entry(folder.resolve(p), spec, null, Map.of()));
        }
        return new Manifest(root.path("title").asText(""), entries);
    }
}
