package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.CancelledException;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Imports files and folders into a project store, as one transaction: either everything that was accepted
 * lands, or (cancelled, failed, or strict with rejections) nothing does, even if the process is killed.
 * <p>
 * The format comes from the file's extension: CSV/TSV/TXT and XLSX tables (points, long or wide readings,
 * decided by their columns), GeoJSON, KML, Shapefile, GeoPackage, HJ 212-2017 packet logs (.hj212, .log).
 * A folder follows its {@code manifest.json} when it has one; otherwise its files are imported layers first,
 * then readings, each group in name order.
 */
public final class Importer {

    private final ProjectStore store;
    private final ImportOptions options;
    private final Progress progress;

    public Importer(ProjectStore store, ImportOptions options, Progress progress) {
        this.store = store;
        this.options = options;
        this.progress = progress;
    }

    /** Thrown inside the transaction to roll a strict import back. */
    private static final class StrictRollback extends RuntimeException {
        StrictRollback() {
            super(null, null, false, false);
        }
    }

    /** Imports the paths with no further knowledge about them. */
    public ImportReport importPaths(List<Path> paths) {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (Path p : paths) {
            entries.add(new Manifest.Entry(p, FileSpec.NONE, null, java.util.Map.of()));
        }
        return importEntries(entries, String.join(";", paths.stream().map(Path::toString).toList()));
    }

    /** Imports files (or folders) all described by the same spec (the CLI's --kind and --layer). */
    public ImportReport importFiles(List<Path> paths, FileSpec spec) {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (Path p : paths) {
            entries.add(new Manifest.Entry(p, spec, null, java.util.Map.of()));
        }
        return importEntries(entries, String.join(";", paths.stream().map(Path::toString).toList()));
    }

    /** Imports one file with what is known about it. */
    public ImportReport importFile(Path file, FileSpec spec) {
        return importEntries(List.of(new Manifest.Entry(file, spec, null, java.util.Map.of())), file.toString());
    }

    private ImportReport importEntries(List<Manifest.Entry> entries, String source) {
        ImportReport[] result = new ImportReport[1];
        ImportSession[] sessions = new ImportSession[1];
        long start = System.nanoTime();
        try {
            store.inTransaction(() -> {
                ImportSession session = new ImportSession(store, options, source, "auto");
                sessions[0] = session;
                result[0] = session.report();
                for (Manifest.Entry e : entries) {
                    progress.checkCancelled();
                    run(session, e);
                }
                if (options.strict() && session.report().rejectedCount() > 0) {
                    throw new StrictRollback();
                }
                session.finish(session.report().rejectedCount() > 0 ? "with_rejections" : "ok", null);
                session.report().landed = true;
                return null;
            });
        } catch (StrictRollback e) {
            result[0].landed = false;
            result[0].importId = 0;
        }
        ImportReport report = result[0];
        report.importSeconds = (System.nanoTime() - start) / 1e9;
        // the alarm rules run on what landed, in a transaction of their own right after the import's: the data
        // are in the store either way, and an interrupted evaluation is simply run again by the next import
        ImportSession session = sessions[0];
        if (report.landed && !session.touched().isEmpty()) {
            long a0 = System.nanoTime();
            report.alarms = store.inTransaction(() -> new AlarmService(store).evaluate(session.touched(),
                    session.touchedParameters(), progress));
            report.alarmSeconds = (System.nanoTime() - a0) / 1e9;
        }
        return report;
    }

    private void run(ImportSession session, Manifest.Entry e) {
        if (e.generator() != null) {
            HistoryGenerators.run(e.generator(), session, e.generatorOptions(), progress);
            return;
        }
        Path p = e.path();
        if (Files.isDirectory(p)) {
            folder(session, p);
        } else if (Files.isRegularFile(p)) {
            file(session, p, e.spec());
        } else {
            throw new UserException("import.path_missing", p);
        }
    }

    private void folder(ImportSession session, Path folder) {
        if (Files.isRegularFile(folder.resolve(Manifest.FILE_NAME))) {
            Manifest m = Manifest.read(folder);
            for (Manifest.Entry e : m.entries()) {
                progress.checkCancelled();
                run(session, e);
            }
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).filter(Importer::isSupported).filter(f -> !isDocumentation(f))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException ex) {
            throw new UserException(ex, "io.read_failed", folder, ex.getMessage());
        }
        List<Path> readings = new ArrayList<>();
        for (Path f : files) {
            if (isReadingsFile(f)) {
                readings.add(f);
            } else {
                file(session, f, FileSpec.NONE);
            }
        }
        for (Path f : readings) {
            file(session, f, FileSpec.NONE);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    /** True for the extensions the importer reads. */
    public static boolean isSupported(Path p) {
        return switch (extension(p)) {
            case "csv", "tsv", "txt", "xlsx", "geojson", "json", "kml", "shp", "gpkg", "hj212", "log" ->
                    !p.getFileName().toString().equals(Manifest.FILE_NAME);
            default -> false;
        };
    }

    /** Licence and read-me files travel with data; a folder import leaves them alone. */
    private static boolean isDocumentation(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith("license") || n.startsWith("licence") || n.startsWith("readme") || n.startsWith("notice")
                || n.startsWith("copying");
    }

    /** Readings files are imported after layers in a folder without a manifest (so their stations exist). */
    private static boolean isReadingsFile(Path p) {
        String ext = extension(p);
        if (ext.equals("hj212") || ext.equals("log")) {
            return true;
        }
        if (!(ext.equals("csv") || ext.equals("tsv") || ext.equals("txt") || ext.equals("xlsx"))) {
            return false;
        }
        try (TableSource t = ext.equals("xlsx") ? new XlsxTable(p) : new CsvTable(p, null)) {
            ColumnRoles roles = new ColumnRoles(t.header(), java.util.Map.of());
            return roles.has(ColumnRoles.TIME) && !roles.hasGeographic() && !roles.hasProjected();
        } catch (UserException e) {
            return false;
        }
    }

    private void file(ImportSession session, Path p, FileSpec spec) {
        String name = p.getFileName().toString();
        session.file(name);
        switch (extension(p)) {
            case "csv", "tsv", "txt" -> {
                try (CsvTable t = new CsvTable(p, options.charset())) {
                    new TableImport(t, session, spec, progress).run();
                }
            }
            case "xlsx" -> {
                try (XlsxTable t = new XlsxTable(p)) {
                    new TableImport(t, session, spec, progress).run();
                }
            }
            case "geojson", "json" -> {
                GeoJsonLayerReader.Result r = GeoJsonLayerReader.read(p, session);
                int crs = spec.crs() != null ? spec.crs() : r.crs();
                new VectorImport(session, spec, name, progress).land(r.features(), crs, baseName(name));
            }
            case "kml" -> new VectorImport(session, spec, name, progress)
                    .land(KmlLayerReader.read(p, session), org.ecomonitor.geo.Crs.WGS84, baseName(name));
            case "gpkg" -> {
                for (GeoPackageLayerReader.Layer l : GeoPackageLayerReader.read(p)) {
                    FileSpec s = spec.layer() != null ? spec : new FileSpec(spec.kind(), l.table(), spec.columns(),
                            spec.crs(), spec.station(), spec.attributes());
                    new VectorImport(session, s, name + "/" + l.table(), progress).land(l.features(), l.crs(), l.table());
                }
            }
            case "shp" -> ShapefileImport.run(p, session, spec, progress);
            case "hj212", "log" -> Hj212Import.run(p, session, progress);
            default -> throw new UserException("import.format_unknown", name);
        }
    }

    private static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
