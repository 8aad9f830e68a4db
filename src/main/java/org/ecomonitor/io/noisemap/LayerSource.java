package org.ecomonitor.io.noisemap;

import java.nio.file.Path;

/**
 * Where a polygon layer (a clip area, acoustic functional zones) comes from: a layer of the project store, or a
 * file (GeoJSON, Shapefile or GeoPackage).
 *
 * @param storeLayer the store's table name, or null
 * @param file       the file, or null
 */
public record LayerSource(String storeLayer, Path file) {

    public LayerSource {
        if ((storeLayer == null) == (file == null)) {
            throw new IllegalArgumentException("exactly one of store layer and file");
        }
    }

    public static LayerSource storeLayer(String table) {
        return new LayerSource(table, null);
    }

    public static LayerSource file(Path file) {
        return new LayerSource(null, file);
    }

    /** The name shown in messages. */
    public String describe() {
        return storeLayer != null ? storeLayer : file.toString();
    }
}
