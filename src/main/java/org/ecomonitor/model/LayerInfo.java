package org.ecomonitor.model;

import java.util.List;

/**
 * A vector layer of a project as the store describes it.
 *
 * @param table        the GeoPackage table name
 * @param title        the display name (gpkg_contents identifier)
 * @param geometryType POINT, LINESTRING, MULTILINESTRING, POLYGON, MULTIPOLYGON, GEOMETRY ...
 * @param srsId        EPSG code of the stored coordinates
 * @param featureCount number of features
 * @param extent       {minX, minY, maxX, maxY} or null when empty
 * @param columns      attribute columns (without fid and geometry)
 */
public record LayerInfo(String table, String title, String geometryType, int srsId, long featureCount,
                        double[] extent, List<Column> columns) {

    /** An attribute column: name and SQL type (TEXT, INTEGER, REAL). */
    public record Column(String name, String type) {
    }
}
