package org.ecomonitor.gui;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.ImportOptions;
import org.ecomonitor.io.ImportReport;
import org.ecomonitor.io.Importer;
import org.ecomonitor.model.Progress;
import org.ecomonitor.store.ProjectStore;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Tongren sample project that a first start creates: its input files travel inside the application as
 * classpath resources ({@code samples/tongren/}); they are copied to a temporary folder (when inside the jar) and
 * imported into a new store, written beside the target and moved into place only when the import succeeded.
 */
public final class SampleProject {

    static final String RESOURCE = "/samples/tongren/manifest.json";

    private SampleProject() {
    }

    /** Creates the sample store at {@code target} (which must not exist) and returns the import's report. */
    public static ImportReport create(Path target, Progress progress) {
        Path temp = null;
        // a GeoPackage must end in .gpkg, so the file being written is NAME.creating.gpkg
        Path part = partOf(target);
        try {
            Path folder;
            URL url = SampleProject.class.getResource(RESOURCE);
            if (url == null) {
                throw new UserException("gui.sample.missing");
            }
            if ("file".equals(url.getProtocol())) {
                folder = Path.of(url.toURI()).getParent();
            } else {
                temp = Files.createTempDirectory("ecomonitor-sample");
                folder = extract(url.toURI(), temp);
            }
            return importInto(folder, target, part, progress);
        } catch (IOException | URISyntaxException e) {
            throw new UserException(e, "gui.sample.failed", target, e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // left for the next start to replace
            }
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** Imports a project folder into {@code part}, then moves it to {@code target} (also used by tests). */
    static ImportReport importInto(Path folder, Path target, Path part, Progress progress) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.deleteIfExists(part);
        ImportReport report;
        try (ProjectStore store = ProjectStore.create(part)) {
            report = new Importer(store, ImportOptions.defaults(), progress).importPaths(List.of(folder));
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        return report;
    }

    /** The name of the file a project is written to before it is complete. */
    static Path partOf(Path target) {
        String name = target.getFileName().toString();
        return target.resolveSibling(name.replaceFirst("(?i)\\.gpkg$", "") + ".creating.gpkg");
    }

    /** Copies {@code samples/tongren} out of the jar into {@code target}; returns the copied folder. */
    private static Path extract(URI manifest, Path target) throws IOException {
        String s = manifest.toString();
        URI jar = URI.create(s.substring(0, s.indexOf("!/")));
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of())) {
            Path source = fs.getPath("/samples/tongren");
            Path out = target.resolve("tongren");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path dest = out.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.createDirectories(dest.getParent());
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return out;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file the system cleans later
                }
            });
        } catch (IOException e) {
            // nothing to clean
        }
    }
}
