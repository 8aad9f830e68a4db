package org.ecomonitor.cli;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.FileSpec;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.io.Notice;
import org.ecomonitor.model.Rejection;
import org.ecomonitor.model.StationKind;
import picocli.CommandLine;
import org.ecomonitor.store.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code import --store S.gpkg PATH... [--strict] [--crs EPSG:n]}: one transaction for all paths. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import point layers, vector layers, readings and HJ 212 logs (files or folders) into a project store.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, description = "The project GeoPackage (created when missing).")
    Path store;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (a folder may carry a manifest.json).")
    List<Path> paths;

    @Option(names = "--strict", description = "Land nothing if any row is rejected.")
    boolean strict;

    @Option(names = "--crs", paramLabel = "EPSG:n", description = "CRS of coordinates in files that do not say (default: detect).")
    String crs;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Text encoding of CSV files (default: detect UTF-8 or GBK).")
    String encoding;

    @Option(names = "--kind", paramLabel = "KIND", description = "Station kind of point files without a kind column: "
            + "air, surface_water, drinking_water, groundwater, soil, noise, radiation, pollution_source, ecology.")
    String kind;

    @Option(names = "--layer", paramLabel = "NAME", description = "Target layer: admin_areas, rivers, stations, or a new layer's name.")
    String layer;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = "--max-listed", defaultValue = "50", description = "Rejected rows to list (default ${DEFAULT-VALUE}; --json lists all).")
    int maxListed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImportOptions options = ImportOptions.defaults().withStrict(strict);
        if (crs != null) {
            options = options.withCrs(Crs.parse(crs));
        }
        if (encoding != null) {
            options = options.withCharset(Charset.forName(encoding));
        }
        TerminalProgress progress = new TerminalProgress(json);
        long start = System.nanoTime();
        ImportReport report;
        try (ProjectStore s = ProjectStore.openOrCreate(store)) {
            Importer importer = new Importer(s, options, progress);
            if (kind == null && layer == null) {
                report = importer.importPaths(paths);
            } else {
                StationKind k = kind == null ? null : StationKind.parse(kind);
                if (kind != null && k == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), Messages.get("reject.kind_unknown", kind));
                }
                report = importer.importFiles(paths, new FileSpec(k, layer, Map.of(), null, null, Map.of()));
            }
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            Output.json(out, toJson(report, seconds));
        } else {
            print(out, report, seconds);
        }
        if (!report.landed()) {
            return 1;
        }
        return report.rejectedCount() > 0 ? EcoMonitorCommand.EXIT_REJECTED : 0;
    }

    private Map<String, Object> toJson(ImportReport r, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", store.toString());
        m.put("landed", r.landed());
        m.put("import_id", r.importId());
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        m.put("files", r.files());
        m.put("stations", Map.of("inserted", r.stationsInserted(), "updated", r.stationsUpdated(), "unchanged", r.stationsUnchanged()));
        m.put("features", r.features());
        m.put("readings", Map.of("submitted", r.readingsSubmitted(), "inserted", r.readingsInserted(),
                "updated", r.readingsUpdated(), "unchanged", r.readingsUnchanged()));
        m.put("alarms", r.alarms().size());
        m.put("rejected", r.rejectedCount());
        List<Map<String, Object>> rej = new ArrayList<>();
        for (Rejection x : r.rejections()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", x.file());
            e.put("line", x.line());
            e.put("column", x.column());
            e.put("reason", x.reasonKey());
            e.put("message", Messages.get(x.reasonKey(), x.args().toArray()));
            rej.add(e);
        }
        m.put("rejections", rej);
        List<Map<String, Object>> notices = new ArrayList<>();
        for (Notice n : r.notices()) {
            notices.add(Map.of("file", n.file(), "key", n.key(), "message", Messages.get(n.key(), n.args().toArray())));
        }
        m.put("notices", notices);
        return m;
    }

    private void print(PrintWriter out, ImportReport r, double seconds) {
        out.println(Messages.get("cli.import.summary", r.files().size(), store, String.format("%.1f", seconds)));
        out.println(Messages.get("cli.import.stations", r.stationsInserted(), r.stationsUpdated(), r.stationsUnchanged(), r.features()));
        out.println(Messages.get("cli.import.readings", r.readingsInserted(), r.readingsUpdated(), r.readingsUnchanged()));
        if (!r.alarms().isEmpty()) {
            out.println(Messages.get("cli.import.alarms", r.alarms().size()));
        }
        for (Notice n : r.notices()) {
            out.println(Messages.get("cli.import.notice", n.file().isEmpty() ? "" : n.file() + ": ", Messages.get(n.key(), n.args().toArray())));
        }
        if (r.rejectedCount() > 0) {
            out.println(Messages.get("cli.import.rejected", r.rejectedCount()));
            int n = 0;
            for (Rejection x : r.rejections()) {
                if (n++ >= maxListed) {
                    out.println(Messages.get("cli.import.more", r.rejectedCount() - maxListed));
                    break;
                }
                out.println("  " + Output.describe(x));
            }
        }
        if (!r.landed()) {
            out.println(Messages.get("cli.import.strict_nothing"));
        }
        out.flush();
    }
}
