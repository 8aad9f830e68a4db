package org.ecomonitor.store;

import org.ecomonitor.geo.Crs;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.LayerInfo.Column;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, as numbered steps. A new store runs them all; an older store runs the ones it lacks, in one
 * transaction, so a failed migration leaves it untouched. A store whose version is above {@link #CURRENT} was
 * written by a newer EcoMonitor and is refused.
 * The readings table's id is an INTEGER PRIMARY KEY that {@link ReadingKey} computes from station, parameter and
 * instant, without AUTOINCREMENT (GeoPackage 1.3 allows modifying its example table SQL, OGC geopackage issue 517):
 * the table is clustered by series and unique on (station, parameter, instant) through its key alone.
 * <ol>
 *   <li>stations, rivers and administrative areas (features, EPSG:4490); parameters, readings, permit limits,
 *       import log and rejections (attributes)</li>
 *   <li>reading revisions: a corrected reading keeps its previous value, flag and import</li>
 *   <li>alarms (raised by the alarm rules after imports, acknowledged by users) and the project's alarm rules</li>
 *   <li>sync (issue 7): {@code sync_version} columns on stations and readings (the server version a row is based
 *       on, 0 for a row the server has never seen), the outbox of local changes {@code sync_outbox} filled by
 *       triggers and by the readings writer (see {@link SyncOutboxSchema}), {@code sync_state} (client id, server,
 *       user, token, pull cursor, in-flight batch) and {@code sync_conflicts}</li>
 * </ol>
 */
final class Migrations {

    static final int CURRENT = 4;

    private final Connection connection;
    private final FeatureTables features;

    Migrations(Connection connection, FeatureTables features) {
        this.connection = connection;
        this.features = features;
    }

    static int schemaVersion(Connection connection) {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ecomonitor_meta'")) {
                if (!rs.next()) {
                    return 0;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT value FROM ecomonitor_meta WHERE key = 'schema_version'")) {
                return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    void migrate(Path path) {
        migrate(path, CURRENT);
    }

    /** Migrates up to {@code target} (tests build older stores with a lower target). */
    void migrate(Path path, int target) {
        int version = schemaVersion(connection);
        if (version > CURRENT) {
            throw new UserException("store.too_new", path, version, CURRENT);
        }
        if (version >= target) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            for (int v = version + 1; v <= target; v++) {
                step(v);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("INSERT OR REPLACE INTO ecomonitor_meta(key, value) VALUES ('schema_version', '" + target + "')");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // keep the original failure
            }
            throw e instanceof UserException ue ? ue : new UserException(e, "store.migration_failed", path, version, target,
                    ProjectStore.rootMessage(e));
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // connection is closing anyway
            }
        }
    }

    private void step(int version) throws SQLException {
        switch (version) {
            case 1 -> version1();
            case 2 -> version2();
            case 3 -> version3();
            case 4 -> exec(SyncOutboxSchema.VERSION_4);
            default -> throw new IllegalStateException("no migration step " + version);
        }
    }

    private void exec(String... sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private void version1() throws SQLException {
        exec("CREATE TABLE ecomonitor_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)");
        features.createLayer(StationTable.TABLE, "stations", "Monitoring points of every kind (column kind)",
                "POINT", Crs.CGCS2000, List.of(
                        new Column("code", "TEXT NOT NULL"), new Column("name", "TEXT"), new Column("kind", "TEXT NOT NULL"),
                        new Column("adcode", "TEXT"), new Column("zone", "TEXT"), new Column("level", "TEXT"),
                        new Column("attributes", "TEXT")));
        exec("CREATE UNIQUE INDEX stations_code ON stations(code)",
                "CREATE INDEX stations_kind ON stations(kind)");
        features.createLayer("rivers", "rivers", "Rivers and streams", "MULTILINESTRING", Crs.CGCS2000, List.of(
                new Column("name", "TEXT"), new Column("name_en", "TEXT"), new Column("approximate", "INTEGER"),
                new Column("attributes", "TEXT")));
        features.createLayer("admin_areas", "admin_areas", "Administrative areas with six-digit adcodes",
                "MULTIPOLYGON", Crs.CGCS2000, List.of(
                        new Column("adcode", "TEXT NOT NULL"), new Column("name", "TEXT"), new Column("level", "TEXT"),
                        new Column("attributes", "TEXT")));
        exec("CREATE UNIQUE INDEX admin_areas_adcode ON admin_areas(adcode)");

        exec("CREATE TABLE parameters (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, code TEXT NOT NULL UNIQUE, "
                        + "hj212 TEXT, name_zh TEXT, name_en TEXT, unit TEXT)",
                "CREATE TABLE import_log (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, started_ms INTEGER NOT NULL, "
                        + "finished_ms INTEGER, source TEXT NOT NULL, format TEXT, status TEXT NOT NULL, "
                        + "stations INTEGER DEFAULT 0, features INTEGER DEFAULT 0, rows_read INTEGER DEFAULT 0, "
                        + "inserted INTEGER DEFAULT 0, updated INTEGER DEFAULT 0, unchanged INTEGER DEFAULT 0, "
                        + "rejected INTEGER DEFAULT 0, user_name TEXT, message TEXT)",
                "CREATE TABLE import_rejections (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, import_id INTEGER NOT NULL "
                        + "REFERENCES import_log(id) ON DELETE CASCADE, file TEXT, line INTEGER, column_name TEXT, "
                        + "reason TEXT NOT NULL, args TEXT)",
                "CREATE INDEX import_rejections_import ON import_rejections(import_id)",
                "CREATE TABLE readings (id INTEGER PRIMARY KEY NOT NULL, "
                        + "station_id INTEGER NOT NULL, parameter_id INTEGER NOT NULL, t INTEGER NOT NULL, value REAL, "
                        + "flag TEXT NOT NULL DEFAULT 'N', import_id INTEGER)",
                "CREATE TABLE permit_limits (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, station_code TEXT NOT NULL, "
                        + "parameter TEXT NOT NULL, limit_value REAL NOT NULL, unit TEXT, basis TEXT, "
                        + "UNIQUE (station_code, parameter))");
        new ParameterCatalogue(connection).seed();
        features.registerAttributes("parameters", "Parameter catalogue (HJ 212-2017 codes where they exist)");
        features.registerAttributes("readings", "Readings: station, parameter, instant (UTC epoch ms), value, HJ 212 flag");
        features.registerAttributes("permit_limits", "Emission limits of pollution sources' permits");
        features.registerAttributes("import_log", "One row per import");
        features.registerAttributes("import_rejections", "Rows an import rejected, with file, line and reason");
    }

    private void version2() throws SQLException {
        exec("CREATE TABLE reading_revisions (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, reading_id INTEGER NOT NULL, "
                        + "old_value REAL, old_flag TEXT, old_import_id INTEGER, new_value REAL, new_flag TEXT, "
                        + "new_import_id INTEGER, changed_ms INTEGER NOT NULL)",
                "CREATE INDEX reading_revisions_reading ON reading_revisions(reading_id)",
                "CREATE TRIGGER readings_revision AFTER UPDATE OF value, flag ON readings "
                        + "WHEN OLD.value IS NOT NEW.value OR OLD.flag IS NOT NEW.flag BEGIN "
                        + "INSERT INTO reading_revisions(reading_id, old_value, old_flag, old_import_id, new_value, new_flag, "
                        + "new_import_id, changed_ms) VALUES (OLD.id, OLD.value, OLD.flag, OLD.import_id, NEW.value, NEW.flag, "
                        + "NEW.import_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END");
        features.registerAttributes("reading_revisions", "Earlier values of corrected readings");
    }

    private void version3() throws SQLException {
        exec("CREATE TABLE alarm_rules (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, rule_id TEXT NOT NULL UNIQUE, "
                        + "definition TEXT NOT NULL)",
                "CREATE TABLE alarms (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, station TEXT NOT NULL, "
                        + "parameter TEXT NOT NULL, rule_id TEXT NOT NULL, kind TEXT NOT NULL, start_ms INTEGER NOT NULL, "
                        + "end_ms INTEGER NOT NULL, value REAL, message_key TEXT NOT NULL, args TEXT, raised_ms INTEGER NOT NULL, "
                        + "acknowledged_by TEXT, acknowledged_ms INTEGER, comment TEXT, "
                        + "UNIQUE (station, parameter, rule_id, start_ms))",
                "CREATE INDEX alarms_open ON alarms(acknowledged_ms, start_ms)");
        features.registerAttributes("alarm_rules", "The project's alarm rules (JSON), editable");
        features.registerAttributes("alarms", "Alarms raised on readings, with acknowledgements");
    }
}
