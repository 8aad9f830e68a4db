package org.ecomonitor.io.shapefile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the files of one shapefile beside each other: same base name, extension matched case-insensitively
 * (stations.shp, STATIONS.DBF and stations.Prj belong together), as Windows users expect on every file system.
 */
final class SiblingFiles {

    private SiblingFiles() {
    }

    /** The name without its last extension: "站点.shp" gives "站点". */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The existing sibling with the given extension (no dot), or null. */
    static Path find(Path file, String extension) throws IOException {
        Path dir = directory(file);
        String base = baseName(file);
        for (String candidate : List.of(base + "." + extension.toLowerCase(Locale.ROOT),
                base + "." + extension.toUpperCase(Locale.ROOT))) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        List<Path> all = all(file, extension);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every existing sibling with the given extension in any letter case. */
    static List<Path> all(Path file, String extension) throws IOException {
        String wanted = baseName(file) + "." + extension;
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(file))) {
            for (Path p : files) {
                if (p.getFileName().toString().equalsIgnoreCase(wanted) && Files.isRegularFile(p)) {
                    found.add(p);
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static Path directory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
