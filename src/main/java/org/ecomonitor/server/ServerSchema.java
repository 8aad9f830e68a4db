package org.ecomonitor.server;

import org.ecomonitor.i18n.UserException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server database's schema, as numbered steps run in one transaction (PostgreSQL: under an advisory lock, so
 * several instances starting together migrate once). A database of a newer schema is refused.
 * <ol>
 *   <li>users, tokens, login failures, audit log; the sync counter (one row: the last sequence number handed out);
 *       stations, parameters, readings (with their history), generic records (other layers' features, planned
 *       points, alarm acknowledgements); the clients' push marks</li>
 * </ol>
 * Every synced row carries {@code version} (1 for its first version, +1 a change), {@code seq} (the change log's
 * sequence number of its latest change, indexed: pull reads {@code seq > cursor}), {@code deleted} (a tombstone
 * keeps its key so the deletion reaches every workstation), {@code updated_by} and {@code updated_ms}.
 */
final class ServerSchema {

    static final int CURRENT = 1;

    private final ServerDatabase db;

    ServerSchema(ServerDatabase db) {
        this.db = db;
    }

    void migrate() {
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                if (db.dialect() == ServerDatabase.Dialect.POSTGRESQL) {
                    st.execute("SELECT pg_advisory_xact_lock(7007001)");
                }
                st.execute("CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)");
            }
            int version = version(c);
            if (version > CURRENT) {
                throw new UserException("server.db.too_new", db.description(), version, CURRENT);
            }
            for (int v = version + 1; v <= CURRENT; v++) {
                step(c, v);
            }
            if (version < CURRENT) {
                try (PreparedStatement ps = c.prepareStatement(version == 0
                        ? "INSERT INTO server_meta(key, value) VALUES ('schema_version', ?)"
                        : "UPDATE server_meta SET value = ? WHERE key = 'schema_version'")) {
                    ps.setString(1, Integer.toString(CURRENT));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM server_meta WHERE key = 'schema_version'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }

    private void step(Connection c, int version) throws SQLException {
        if (version != 1) {
            throw new IllegalStateException("no server schema step " + version);
        }
        String id = db.dialect().serialId;
        String key = db.dialect().computedId;
        String synced = "version BIGINT NOT NULL, seq BIGINT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, "
                + "updated_by TEXT, updated_ms BIGINT";
        try (Statement st = c.createStatement()) {
            for (String sql : new String[]{
                    "CREATE TABLE sync_counter (id INTEGER PRIMARY KEY NOT NULL, value BIGINT NOT NULL)",
                    "INSERT INTO sync_counter(id, value) VALUES (1, 0)",
                    "CREATE TABLE users (id " + id + ", name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, "
                            + "counties TEXT NOT NULL, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, "
                            + "created_ms BIGINT NOT NULL)",
                    "CREATE TABLE tokens (token_hash TEXT PRIMARY KEY NOT NULL, user_id BIGINT NOT NULL, "
                            + "issued_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)",
                    "CREATE INDEX tokens_user ON tokens(user_id)",
                    "CREATE TABLE login_failures (id " + id + ", name TEXT NOT NULL, address TEXT, at_ms BIGINT NOT NULL)",
                    "CREATE INDEX login_failures_name ON login_failures(name, at_ms)",
                    "CREATE INDEX login_failures_address ON login_failures(address, at_ms)",
                    "CREATE TABLE audit_log (id " + id + ", at_ms BIGINT NOT NULL, user_name TEXT, action TEXT NOT NULL, "
                            + "target TEXT, detail TEXT, address TEXT)",
                    "CREATE TABLE stations (id " + id + ", code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT, "
                            + "lon DOUBLE PRECISION, lat DOUBLE PRECISION, adcode TEXT, zone TEXT, attributes TEXT, " + synced + ")",
                    "CREATE INDEX stations_seq ON stations(seq)",
                    "CREATE TABLE parameters (id " + id + ", code TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE readings (id " + key + ", station_id BIGINT NOT NULL, parameter_id BIGINT NOT NULL, "
                            + "t BIGINT NOT NULL, value DOUBLE PRECISION, flag TEXT NOT NULL, " + synced + ")",
                    "CREATE INDEX readings_seq ON readings(seq)",
                    "CREATE TABLE reading_history (id " + id + ", reading_id BIGINT NOT NULL, version BIGINT NOT NULL, "
                            + "value DOUBLE PRECISION, flag TEXT, deleted INTEGER NOT NULL, updated_by TEXT, updated_ms BIGINT)",
                    "CREATE INDEX reading_history_reading ON reading_history(reading_id)",
                    "CREATE TABLE records (collection TEXT NOT NULL, key TEXT NOT NULL, adcode TEXT, body TEXT, " + synced
                            + ", PRIMARY KEY (collection, key))",
                    "CREATE INDEX records_seq ON records(seq)",
                    "CREATE TABLE sync_clients (client_id TEXT PRIMARY KEY NOT NULL, user_name TEXT, mark_n BIGINT NOT NULL, "
                            + "mark_k BIGINT NOT NULL, digest TEXT, response TEXT, updated_ms BIGINT)",
            }) {
                st.execute(sql);
            }
        }
    }
}
