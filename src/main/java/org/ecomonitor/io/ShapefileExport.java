package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.shapefile.AttributeColumn;
import org.ecomonitor.io.shapefile.ShapeType;
import org.ecomonitor.io.shapefile.ShapefileCrs;
import org.ecomonitor.io.shapefile.ShapefileWriter;
import org.ecomonitor.model.LayerInfo;
import org.ecomonitor.store.ProjectStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a store layer as an ESRI Shapefile (UTF-8 DBF with a .cpg, the layer's CRS in the .prj) through our
 * {@link ShapefileWriter}. A layer of mixed geometry types cannot be a shapefile and is refused.
 */
final class ShapefileExport {

    private ShapefileExport() {
    }

    static long write(ProjectStore store, LayerInfo info, Path target) {
        ShapeType type = switch (info.geometryType()) {
            case "POINT" -> ShapeType.POINT;
            case "MULTIPOINT" -> ShapeType.MULTIPOINT;
            case "LINESTRING", "MULTILINESTRING" -> ShapeType.POLYLINE;
            case "POLYGON", "MULTIPOLYGON" -> ShapeType.POLYGON;
            default -> throw new UserException("export.shp_mixed", info.table(), info.geometryType());
        };
        List<AttributeColumn> columns = new ArrayList<>();
        for (LayerInfo.Column c : info.columns()) {
            String t = c.type();
            columns.add(t.startsWith("INTEGER") ? AttributeColumn.integer(c.name())
                    : t.startsWith("REAL") || t.startsWith("DOUBLE") ? AttributeColumn.real(c.name())
                    : AttributeColumn.text(c.name()));
        }
        long[] n = {0};
        try (ShapefileWriter w = ShapefileWriter.create(target, type, columns, ShapefileCrs.ofEpsg(info.srsId()))) {
            store.features().forEach(info.table(), f -> {
                w.write(f.geometry(), f.attributes());
                n[0]++;
            });
            w.finish();
        }
        return n[0];
    }
}
