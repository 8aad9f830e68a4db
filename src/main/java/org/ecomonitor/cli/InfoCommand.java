package org.ecomonitor.cli;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.ReadingTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code info --store S.gpkg [--json]}: layers, stations per kind, readings per kind and parameter, time range. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Describe a project store.")
final class InfoCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true)
    Path store;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore s = ProjectStore.open(store)) {
            List<LayerInfo> layers = s.features().list();
            List<ReadingTable.Summary> summary = s.readings().summary();
            Map<String, Long> kinds = s.stations().countByKind();
            long total = summary.stream().mapToLong(ReadingTable.Summary::count).sum();
            long first = summary.stream().mapToLong(ReadingTable.Summary::first).min().orElse(0);
            long last = summary.stream().mapToLong(ReadingTable.Summary::last).max().orElse(0);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("store", store.toString());
                m.put("schema_version", s.schemaVersion());
                List<Map<String, Object>> ls = new ArrayList<>();
                for (LayerInfo l : layers) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("name", l.table());
                    e.put("geometry", l.geometryType());
                    e.put("srs", "EPSG:" + l.srsId());
                    e.put("features", l.featureCount());
                    e.put("extent", l.extent());
                    ls.add(e);
                }
                m.put("layers", ls);
                m.put("stations_by_kind", kinds);
                List<Map<String, Object>> rs = new ArrayList<>();
                for (ReadingTable.Summary r : summary) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("kind", r.kind());
                    e.put("parameter", r.parameter());
                    e.put("count", r.count());
                    e.put("first", Instant.ofEpochMilli(r.first()).toString());
                    e.put("last", Instant.ofEpochMilli(r.last()).toString());
                    rs.add(e);
                }
                m.put("readings", rs);
                m.put("readings_total", total);
                if (total > 0) {
                    m.put("time_range", List.of(Instant.ofEpochMilli(first).toString(), Instant.ofEpochMilli(last).toString()));
                }
                Output.json(out, m);
                return 0;
            }
            out.println(Messages.get("cli.info.store", store, s.schemaVersion()));
            out.println(Messages.get("cli.info.layers"));
            for (LayerInfo l : layers) {
                double[] e = l.extent();
                out.printf("  %-24s %-16s %,10d  %s%n", l.table(), l.geometryType(), l.featureCount(),
                        e == null ? "-" : String.format("%.4f,%.4f,%.4f,%.4f  %s", e[0], e[1], e[2], e[3], Crs.displayName(l.srsId())));
            }
            out.println(Messages.get("cli.info.stations"));
            kinds.forEach((k, n) -> out.printf("  %-24s %,10d%n", Messages.get("kind." + k), n));
            out.println(Messages.get("cli.info.readings", total));
            for (ReadingTable.Summary r : summary) {
                out.printf("  %-18s %-10s %,12d  %s .. %s%n", Messages.get("kind." + r.kind()), r.parameter(), r.count(),
                        TIME.format(Instant.ofEpochMilli(r.first())), TIME.format(Instant.ofEpochMilli(r.last())));
            }
            out.flush();
        }
        return 0;
    }
}
