package org.ecomonitor.cli;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.LayerExporter;
import org.ecomonitor.store.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code export --store S.gpkg --layer L --to FILE}: GeoJSON, Shapefile, CSV or GeoPackage by extension. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a layer (or 'readings') to GeoJSON, Shapefile (.shp), CSV or GeoPackage.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true)
    Path store;

    @Option(names = "--layer", required = true, description = "Layer name (see info), or 'readings'.")
    String layer;

    @Option(names = "--to", required = true, description = "Target file; its extension picks the format.")
    Path to;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        TerminalProgress progress = new TerminalProgress(json);
        long n;
        try (ProjectStore s = ProjectStore.open(store)) {
            n = new LayerExporter(s, progress).export(layer, to);
        } finally {
            progress.finish();
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", layer);
            m.put("to", to.toString());
            m.put("written", n);
            Output.json(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().println(Messages.get("cli.export.done", n, layer, to));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
