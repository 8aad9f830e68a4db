package org.ecomonitor.io;

import org.ecomonitor.i18n.UserException;
import org.ecomonitor.store.GpkgGeometry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the feature layers of another GeoPackage (QGIS, GDAL, another EcoMonitor project), read-only: each
 * features table of gpkg_contents with its geometry column and SRS (EPSG codes only).
 */
final class GeoPackageLayerReader {

    record Layer(String table, int crs, List<VectorImport.SourceFeature> features) {
    }

    private GeoPackageLayerReader() {
    }

    static List<Layer> read(Path file) {
        String name = file.getFileName().toString();
        List<Layer> layers = new ArrayList<>();
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement st = c.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT g.table_name, g.column_name, s.organization, s.organization_coordsys_id FROM gpkg_geometry_columns g "
                            + "JOIN gpkg_contents c ON c.table_name = g.table_name "
                            + "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE c.data_type = 'features' ORDER BY c.rowid")) {
                while (rs.next()) {
                    tables.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            for (String[] t : tables) {
                if (!"EPSG".equalsIgnoreCase(t[2])) {
                    throw new UserException("import.gpkg_srs_unsupported", name, t[0], t[2] + ":" + t[3]);
                }
                int crs = Integer.parseInt(t[3]);
                GpkgGeometry codec = new GpkgGeometry(crs);
                List<VectorImport.SourceFeature> features = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t[0].replace("\"", "\"\"") + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    long record = 0;
                    while (rs.next()) {
                        record++;
                        Map<String, Object> attrs = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i);
                            if (col.equalsIgnoreCase(t[1]) || col.equalsIgnoreCase("fid")) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            if (v instanceof Integer n) {
                                v = n.longValue();
                            } else if (v instanceof Float f) {
                                v = f.doubleValue();
                            } else if (v instanceof byte[]) {
                                continue;
                            }
                            attrs.put(col, v);
                        }
                        features.add(new VectorImport.SourceFeature(record, codec.decode(rs.getBytes(t[1])), attrs));
                    }
                }
                layers.add(new Layer(t[0], crs, features));
            }
        } catch (SQLException e) {
            throw new UserException(e, "import.gpkg_unreadable", name, e.getMessage());
        }
        return layers;
    }
}
