package org.ecomonitor.store;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.ecomonitor.i18n.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A project's local store: one OGC GeoPackage 1.3 file (created by NGA GeoPackage, so QGIS and GDAL open it
 * unchanged) holding the station, river and administrative-area feature tables, any imported vector layer, and
 * the attribute tables of parameters, readings and the import log.
 * <p>
 * The schema carries a version in {@code ecomonitor_meta}; {@link #open} migrates an older store in one
 * transaction and refuses one written by a newer EcoMonitor. All writes go through {@link #inTransaction}, so a
 * killed process leaves the store as it was before the transaction (SQLite's rollback journal).
 * Not thread-safe: one thread uses a store at a time (the GUI hands it to one background worker).
 */
public final class ProjectStore implements AutoCloseable {

    private final Path path;
    private final Connection connection;
    private final FeatureTables features;
    private final StationTable stations;
    private final ParameterCatalogue parameters;
    private final ReadingTable readings;
    private final ImportLog importLog;
    private final AlarmTable alarms;
    private final RecordTable records;

    private ProjectStore(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
        this.features = new FeatureTables(connection);
        this.stations = new StationTable(connection, features);
        this.parameters = new ParameterCatalogue(connection);
        this.readings = new ReadingTable(connection);
        this.importLog = new ImportLog(connection);
        this.alarms = new AlarmTable(connection);
        this.records = new RecordTable(connection);
    }

    /** Creates a new, empty project store; an existing file is an error. */
    public static ProjectStore create(Path file) {
        if (Files.exists(file)) {
            throw new UserException("store.exists", file);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            newGeoPackage(file);
        } catch (IOException | RuntimeException e) {
            throw new UserException(e, "store.create_failed", file, rootMessage(e));
        }
        ProjectStore store = openExisting(file);
        store.migrate();
        return store;
    }

    /**
     * Writes an empty GeoPackage 1.3 with NGA GeoPackage (the required tables, application id, the geometry
     * columns table). Opening a store afterwards needs no NGA: plain JDBC is a quarter of a second faster at
     * start-up, which the window feels.
     */
    private static void newGeoPackage(Path file) {
        GeoPackageManager.create(file.toFile(), false);
        GeoPackage gp = GeoPackageManager.open(file.toFile(), true);
        try {
            gp.createGeometryColumnsTable();
            declareGeoPackage13(gp.getConnection().getConnection());
        } finally {
            gp.close();
        }
    }

    /** Creates a store at an older schema version, to test migrations. */
    static ProjectStore createAtVersion(Path file, int version) {
        try {
            newGeoPackage(file);
        } catch (RuntimeException e) {
            throw new UserException(e, "store.create_failed", file, rootMessage(e));
        }
        ProjectStore store = openExisting(file);
        new Migrations(store.connection, store.features).migrate(file, version);
        return store;
    }

    /** Opens an existing store, migrating it to the current schema. */
    public static ProjectStore open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("store.missing", file);
        }
        ProjectStore store = openExisting(file);
        try {
            store.migrate();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Opens the store, creating it first when the file does not exist. */
    public static ProjectStore openOrCreate(Path file) {
        return Files.exists(file) ? open(file) : create(file);
    }

    private static ProjectStore openExisting(Path file) {
        Connection c;
        try {
            c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new UserException(e, "store.not_geopackage", file, rootMessage(e));
        }
        try (Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('gpkg_contents', 'gpkg_spatial_ref_sys')")) {
            if (!rs.next() || rs.getInt(1) != 2) {
                throw new SQLException("no gpkg_contents and gpkg_spatial_ref_sys tables");
            }
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the file is not ours; nothing to keep
            }
            throw new UserException(e, "store.not_geopackage", file, rootMessage(e));
        }
        ProjectStore store = new ProjectStore(file, c);
        try (Statement st = store.connection.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA cache_size = -65536");
            st.execute("PRAGMA temp_store = MEMORY");
        } catch (SQLException e) {
            store.close();
            throw new StoreException(e);
        }
        return store;
    }

    /**
     * NGA writes GeoPackage 1.4's user_version; our content is GeoPackage 1.3 (what the issue asks and what
     * Debian's GDAL 3.6 reads without a warning), so the file says 1.3.
     */
    static void declareGeoPackage13(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA user_version = 10300");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private void migrate() {
        if (Migrations.schemaVersion(connection) == 0) {
            // a GeoPackage of another tool becoming a project: the geometry columns table may be missing
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, "
                        + "column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, "
                        + "z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                        + "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
                        + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                        + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            } catch (SQLException e) {
                throw new StoreException(e);
            }
            declareGeoPackage13(connection);
        }
        new Migrations(connection, features).migrate(path);
    }

    public Path path() {
        return path;
    }

    /** The schema version the store has now (after migration it is {@link Migrations#CURRENT}). */
    public int schemaVersion() {
        return Migrations.schemaVersion(connection);
    }

    public FeatureTables features() {
        return features;
    }

    public StationTable stations() {
        return stations;
    }

    public ParameterCatalogue parameters() {
        return parameters;
    }

    public ReadingTable readings() {
        return readings;
    }

    public ImportLog importLog() {
        return importLog;
    }

    public AlarmTable alarms() {
        return alarms;
    }

    /** Synced records of other tools (planned points, alarm acknowledgements ...). */
    public RecordTable records() {
        return records;
    }

    /** The JDBC connection, for the store package's siblings that need plain SQL (sync, export). */
    public Connection connection() {
        return connection;
    }

    /** Work that throws checked exceptions inside a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (the exception
     * is rethrown; SQL and I/O failures wrapped in {@link StoreException}). Nested calls join the outer one.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        boolean outer;
        try {
            outer = connection.getAutoCommit();
            if (outer) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        if (!outer) {
            try {
                return work.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new StoreException(e);
            }
        }
        boolean committed = false;
        try {
            T result = work.run();
            connection.commit();
            committed = true;
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(e);
        } finally {
            try {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the original failure matters more; the connection is unusable anyway
            }
        }
    }

    /** Runs one SQL query returning a single long (count, max ...). */
    long queryLong(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
