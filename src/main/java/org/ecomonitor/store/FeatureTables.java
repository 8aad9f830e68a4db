package org.ecomonitor.store;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Feature;
import org.ecomonitor.model.LayerInfo;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The GeoPackage feature tables of a project: creation (registered in gpkg_contents and gpkg_geometry_columns,
 * with the SRS in gpkg_spatial_ref_sys), batched inserts that keep the contents extent up to date, listing
 * and reading. Attribute tables are registered with {@link #registerAttributes}.
 */
public final class FeatureTables {

    /** The geometry column of every feature table we create. */
    public static final String GEOMETRY_COLUMN = "geom";

    private final Connection connection;

    FeatureTables(Connection connection) {
        this.connection = connection;
    }

    /** Makes a safe table name from any text: letters (any script), digits and underscores, not starting with a digit. */
    public static String tableName(String text) {
        StringBuilder b = new StringBuilder();
        text.trim().codePoints().forEach(c -> b.appendCodePoint(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_'));
        String s = b.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "layer_" + s;
        }
        if (s.startsWith("gpkg_") || s.startsWith("rtree_") || s.startsWith("sqlite_")) {
            s = "layer_" + s;
        }
        return s;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Inserts the EPSG definition into gpkg_spatial_ref_sys when it is not there yet. */
    public void ensureSrs(int epsg) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, epsg);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            String wkt = Crs.wkt(epsg);
            if (wkt == null) {
                throw new UserException("crs.unknown", "EPSG:" + epsg);
            }
            try (PreparedStatement ins = connection.prepareStatement(
                    "INSERT INTO gpkg_spatial_ref_sys(srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?,?,?,?,?,?)")) {
                ins.setString(1, Crs.displayName(epsg).replaceFirst("^EPSG:\\d+ ?", ""));
                ins.setInt(2, epsg);
                ins.setString(3, "EPSG");
                ins.setInt(4, epsg);
                ins.setString(5, wkt);
                ins.setString(6, Crs.displayName(epsg));
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public boolean exists(String table) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM gpkg_contents WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Creates a feature table {@code table} with an integer fid, a geometry column and the given attribute
     * columns, registered as a features layer in EPSG {@code srsId}.
     */
    public void createLayer(String table, String title, String description, String geometryType, int srsId,
                            List<LayerInfo.Column> columns) {
        ensureSrs(srsId);
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table))
                .append(" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ")
                .append(GEOMETRY_COLUMN).append(' ').append(geometryType);
        for (LayerInfo.Column c : columns) {
            sql.append(", ").append(quote(c.name())).append(' ').append(c.type());
        }
        sql.append(')');
        try (Statement st = connection.createStatement()) {
            st.execute(sql.toString());
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO gpkg_contents(table_name, data_type, identifier, description, last_change, srs_id) VALUES (?, 'features', ?, ?, ?, ?)")) {
                ps.setString(1, table);
                ps.setString(2, title);
                ps.setString(3, description == null ? "" : description);
                ps.setString(4, now());
                ps.setInt(5, srsId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO gpkg_geometry_columns(table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)")) {
                ps.setString(1, table);
                ps.setString(2, GEOMETRY_COLUMN);
                ps.setString(3, geometryType);
                ps.setInt(4, srsId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Registers an existing plain table as a GeoPackage attributes table (no geometry). */
    public void registerAttributes(String table, String description) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR IGNORE INTO gpkg_contents(table_name, data_type, identifier, description, last_change) VALUES (?, 'attributes', ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, description);
            ps.setString(4, now());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    /** Removes a feature layer and its registrations. */
    public void dropLayer(String table) {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + quote(table));
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM gpkg_geometry_columns WHERE table_name = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM gpkg_contents WHERE table_name = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Every features layer, in gpkg_contents order. */
    public List<LayerInfo> list() {
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        List<LayerInfo> result = new ArrayList<>();
        for (String t : tables) {
            result.add(info(t));
        }
        return result;
    }

    /** The description of one features layer; an unknown name is a {@link UserException}. */
    public LayerInfo info(String table) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT c.identifier, g.geometry_type_name, g.srs_id, c.min_x, c.min_y, c.max_x, c.max_y "
                        + "FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UserException("layer.unknown", table, String.join(", ", names()));
                }
                String title = rs.getString(1);
                String type = rs.getString(2);
                int srs = rs.getInt(3);
                double[] extent = null;
                rs.getDouble(4);
                if (!rs.wasNull()) {
                    extent = new double[]{rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)};
                }
                long count;
                try (Statement st = connection.createStatement();
                     ResultSet c = st.executeQuery("SELECT count(*) FROM " + quote(table))) {
                    count = c.next() ? c.getLong(1) : 0;
                }
                return new LayerInfo(table, title, type, srs, count, extent, columns(table));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return names;
    }

    /** Attribute columns of a table (fid and geometry excluded). */
    public List<LayerInfo.Column> columns(String table) {
        List<LayerInfo.Column> cols = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                if (!name.equalsIgnoreCase("fid") && !name.equalsIgnoreCase(GEOMETRY_COLUMN)) {
                    cols.add(new LayerInfo.Column(name, rs.getString("type").toUpperCase(Locale.ROOT)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return cols;
    }

    /**
     * Inserts features in batches and grows the layer's extent in gpkg_contents when closed.
     * Use inside {@link ProjectStore#inTransaction}.
     */
    public Inserter inserter(String table) {
        LayerInfo info = info(table);
        return new Inserter(info);
    }

    /** Batched feature insertion into one table; {@link #close()} flushes and updates the extent. */
    public final class Inserter implements AutoCloseable {
        private final LayerInfo info;
        private final PreparedStatement ps;
        private final GpkgGeometry codec;
        private final Envelope envelope = new Envelope();
        private int pending;
        private long inserted;

        private Inserter(LayerInfo info) {
            this.info = info;
            this.codec = new GpkgGeometry(info.srsId());
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(info.table())).append(" (").append(GEOMETRY_COLUMN);
            for (LayerInfo.Column c : info.columns()) {
                sql.append(", ").append(quote(c.name()));
            }
            sql.append(") VALUES (?").append(", ?".repeat(info.columns().size())).append(')');
            try {
                ps = connection.prepareStatement(sql.toString());
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        /** Adds one feature; attributes missing from the map are stored as NULL, unknown ones are ignored. */
        public void add(Geometry geometry, Map<String, ?> attributes) {
            try {
                ps.setBytes(1, codec.encode(geometry));
                int i = 2;
                for (LayerInfo.Column c : info.columns()) {
                    setValue(ps, i++, attributes.get(c.name()), c.type());
                }
                ps.addBatch();
                if (geometry != null && !geometry.isEmpty()) {
                    envelope.expandToInclude(geometry.getEnvelopeInternal());
                }
                inserted++;
                if (++pending >= 2000) {
                    ps.executeBatch();
                    pending = 0;
                }
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        public long inserted() {
            return inserted;
        }

        @Override
        public void close() {
            try {
                if (pending > 0) {
                    ps.executeBatch();
                }
                ps.close();
                growExtent(info.table(), envelope);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }

    static void setValue(PreparedStatement ps, int index, Object value, String type) throws SQLException {
        if (value == null || (value instanceof String s && s.isEmpty() && !type.startsWith("TEXT"))) {
            ps.setNull(index, Types.NULL);
            return;
        }
        switch (type) {
            case "INTEGER" -> {
                if (value instanceof Number n) {
                    ps.setLong(index, n.longValue());
                } else {
                    try {
                        ps.setLong(index, Long.parseLong(value.toString().trim()));
                    } catch (NumberFormatException e) {
                        ps.setString(index, value.toString());
                    }
                }
            }
            case "REAL", "DOUBLE", "FLOAT" -> {
                if (value instanceof Number n) {
                    ps.setDouble(index, n.doubleValue());
                } else {
                    try {
                        ps.setDouble(index, Double.parseDouble(value.toString().trim()));
                    } catch (NumberFormatException e) {
                        ps.setString(index, value.toString());
                    }
                }
            }
            default -> ps.setString(index, value.toString());
        }
    }

    /** Grows the layer's extent in gpkg_contents to include {@code env} (no change when it is null). */
    void growExtent(String table, Envelope env) {
        if (env.isNull()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?1), ?1), min_y = min(coalesce(min_y, ?2), ?2), "
                        + "max_x = max(coalesce(max_x, ?3), ?3), max_y = max(coalesce(max_y, ?4), ?4), last_change = ?5 WHERE table_name = ?6")) {
            ps.setDouble(1, env.getMinX());
            ps.setDouble(2, env.getMinY());
            ps.setDouble(3, env.getMaxX());
            ps.setDouble(4, env.getMaxY());
            ps.setString(5, now());
            ps.setString(6, table);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Recomputes the extent of a layer from its geometries (after updates or deletes). */
    public void recomputeExtent(String table) {
        Envelope env = new Envelope();
        forEach(table, f -> {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                env.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        });
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? WHERE table_name = ?")) {
            if (env.isNull()) {
                for (int i = 1; i <= 4; i++) {
                    ps.setNull(i, Types.DOUBLE);
                }
            } else {
                ps.setDouble(1, env.getMinX());
                ps.setDouble(2, env.getMinY());
                ps.setDouble(3, env.getMaxX());
                ps.setDouble(4, env.getMaxY());
            }
            ps.setString(5, now());
            ps.setString(6, table);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Streams every feature of a layer in fid order. */
    public void forEach(String table, Consumer<Feature> action) {
        LayerInfo.Column[] cols = columns(table).toArray(LayerInfo.Column[]::new);
        int srs = srsOf(table);
        GpkgGeometry codec = new GpkgGeometry(srs);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + quote(table) + " ORDER BY fid")) {
            while (rs.next()) {
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (LayerInfo.Column c : cols) {
                    Object v = rs.getObject(c.name());
                    if (v instanceof Integer i) {
                        v = i.longValue();
                    } else if (v instanceof Float f) {
                        v = f.doubleValue();
                    }
                    attrs.put(c.name(), v);
                }
                action.accept(new Feature(rs.getLong("fid"), codec.decode(rs.getBytes(GEOMETRY_COLUMN)), attrs));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** All features of a layer (for small layers; use {@link #forEach} for big ones). */
    public List<Feature> readAll(String table) {
        List<Feature> list = new ArrayList<>();
        forEach(table, list::add);
        return list;
    }

    /** The EPSG code of a feature table's geometry column. */
    public int srsOf(String table) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UserException("layer.unknown", table, String.join(", ", names()));
                }
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
