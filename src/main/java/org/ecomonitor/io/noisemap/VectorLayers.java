package org.ecomonitor.io.noisemap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.io.TextEncoding;
import org.ecomonitor.io.shapefile.ShapefileFeature;
import org.ecomonitor.io.shapefile.ShapefileReader;
import org.ecomonitor.model.Feature;
import org.ecomonitor.store.GpkgGeometry;
import org.ecomonitor.store.ProjectStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the features of a clip or zone layer, from the project store or from a file: GeoJSON (longitude/latitude,
 * or the EPSG code of an old-style "crs" member), ESRI Shapefile (the .prj's CRS) or GeoPackage (every features
 * table). Small layers only: everything is read into memory.
 */
final class VectorLayers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Features and their CRS.
     *
     * @param features the features
     * @param crs      EPSG code of their coordinates, 0 when the file does not say
     */
    record Loaded(List<Feature> features, int crs) {
    }

    private VectorLayers() {
    }

    /** @throws UserException when the layer or file is missing or unreadable */
    static Loaded load(ProjectStore store, LayerSource source) {
        if (source.storeLayer() != null) {
            if (store == null) {
                throw new UserException("noisemap.layerNeedsStore", source.storeLayer());
            }
            String table = source.storeLayer();
            int crs = store.features().srsOf(table);
            return new Loaded(store.features().readAll(table), crs);
        }
        Path file = source.file();
        if (!Files.isRegularFile(file)) {
            throw new UserException("noisemap.layerFileMissing", file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return geoJson(file);
        }
        if (name.endsWith(".shp")) {
            return shapefile(file);
        }
        if (name.endsWith(".gpkg")) {
            return geoPackage(file);
        }
        throw new UserException("noisemap.layerFormatUnknown", file);
    }

    private static Loaded geoJson(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(TextEncoding.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new UserException(e, "noisemap.layerUnreadable", file, e.getMessage());
        }
        int crs = Crs.CGCS2000;
        JsonNode crsName = root.path("crs").path("properties").path("name");
        if (crsName.isTextual()) {
            String t = crsName.asText();
            if (t.toUpperCase(Locale.ROOT).endsWith("CRS84")) {
                t = "EPSG:4326";
            }
            try {
                int code = Integer.parseInt(t.substring(t.lastIndexOf(':') + 1));
                crs = code == 84 ? Crs.CGCS2000 : code;
            } catch (NumberFormatException e) {
                throw new UserException("noisemap.layerUnreadable", file, t);
            }
        }
        List<JsonNode> nodes = new ArrayList<>();
        switch (root.path("type").asText("")) {
            case "FeatureCollection" -> root.path("features").forEach(nodes::add);
            case "Feature" -> nodes.add(root);
            default -> nodes.add(JSON.createObjectNode().put("type", "Feature").set("geometry", root));
        }
        GeoJsonReader reader = new GeoJsonReader();
        List<Feature> features = new ArrayList<>();
        long fid = 0;
        for (JsonNode f : nodes) {
            fid++;
            JsonNode g = f.get("geometry");
            Geometry geometry = null;
            if (g != null && !g.isNull()) {
                try {
                    geometry = reader.read(g.toString());
                } catch (ParseException | RuntimeException e) {
                    throw new UserException(e, "noisemap.layerUnreadable", file + " #" + fid, e.getMessage());
                }
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                attrs.put(e.getKey(), v.isNull() ? null : v.isNumber() ? (Object) v.numberValue() : v.asText());
            }
            features.add(new Feature(fid, geometry, attrs));
        }
        return new Loaded(features, crs);
    }

    private static Loaded shapefile(Path file) {
        List<Feature> features = new ArrayList<>();
        try (ShapefileReader r = ShapefileReader.open(file)) {
            int crs = r.crs().epsg().orElse(0);
            while (r.hasNext()) {
                ShapefileFeature f = r.next();
                features.add(new Feature(f.recordNumber(), f.geometry(), f.attributes()));
            }
            return new Loaded(features, crs);
        }
    }

    private static Loaded geoPackage(Path file) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        List<Feature> features = new ArrayList<>();
        int crs = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement st = c.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT g.table_name, g.column_name, s.organization_coordsys_id FROM gpkg_geometry_columns g "
                            + "JOIN gpkg_contents c ON c.table_name = g.table_name "
                            + "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id "
                            + "WHERE c.data_type = 'features' ORDER BY c.rowid")) {
                while (rs.next()) {
                    tables.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            long fid = 0;
            for (String[] t : tables) {
                int code = Integer.parseInt(t[2]);
                if (crs != 0 && code != crs) {
                    throw new UserException("noisemap.layerMixedCrs", file, crs, code);
                }
                crs = code;
                GpkgGeometry codec = new GpkgGeometry(code);
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t[0].replace("\"", "\"\"") + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> attrs = new LinkedHashMap<>();
                        Geometry g = null;
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i);
                            if (col.equalsIgnoreCase(t[1])) {
                                g = codec.decode(rs.getBytes(i));
                            } else if (!col.equalsIgnoreCase("fid")) {
                                attrs.put(col, rs.getObject(i));
                            }
                        }
                        features.add(new Feature(++fid, g, attrs));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException(e, "noisemap.layerUnreadable", file, e.getMessage());
        }
        return new Loaded(features, crs);
    }
}
