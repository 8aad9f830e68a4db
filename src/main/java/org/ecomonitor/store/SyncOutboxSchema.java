package org.ecomonitor.store;

/**
 * The local tables of offline-first sync (schema step 4), and how every local change reaches the outbox.
 * <p>
 * {@code sync_outbox} lists local changes in the order they happened ({@code n}, AUTOINCREMENT so numbers are
 * never reused, even after the table was emptied: the server remembers the last number it applied per client).
 * An entry names what changed, not its content: the push reads the row as it is then. Entries are
 * <ul>
 *   <li>{@code U}: a station ({@code row_id} = fid), a reading ({@code row_id} = its {@link ReadingKey}) or a record
 *       of {@code sync_records} ({@code row_id} = its rowid) was inserted or updated;</li>
 *   <li>{@code D}: it was deleted; {@code key} holds its identity (station code; station code, parameter code and
 *       instant; or collection and key; separated by tabs) and {@code base_version} its last server version;</li>
 *   <li>{@code R}: the readings an import wrote to one series: keys {@code row_id..row_end} whose {@code import_id}
 *       is still that import (a later import that overwrote some of them has its own entry).</li>
 * </ul>
 * Triggers write {@code U} and {@code D} entries in the same statement as the change, so nothing escapes the
 * outbox, whoever edits the file (QGIS too). Rows the sync client writes from the server change
 * {@code sync_version}, and triggers ignore such writes; deletions it applies switch recording off through
 * {@code sync_state('recording')} inside the same transaction. Imports write one {@code R} entry per series instead
 * of one entry per reading (a trigger per reading made imports 30 % slower): see {@link ReadingTable.Writer}.
 */
final class SyncOutboxSchema {

    private SyncOutboxSchema() {
    }

    /** True unless the sync client is applying server changes. */
    private static final String RECORDING = "(SELECT value FROM sync_state WHERE key = 'recording') IS NOT '0'";

    static final String[] VERSION_4 = {
            "ALTER TABLE stations ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE readings ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0",
            "CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT)",
            "CREATE TABLE sync_outbox (n INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, entity TEXT NOT NULL, "
                    + "op TEXT NOT NULL, row_id INTEGER, row_end INTEGER, import_id INTEGER, key TEXT, base_version INTEGER)",
            "CREATE TABLE sync_conflicts (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, entity TEXT NOT NULL, "
                    + "key TEXT NOT NULL, mine TEXT, theirs TEXT, their_version INTEGER NOT NULL, their_user TEXT, "
                    + "their_time_ms INTEGER, detected_ms INTEGER NOT NULL, resolved_ms INTEGER, resolution TEXT)",
            "CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_ms, entity, key)",
            // synced records of other tools (planned points, alarm acknowledgements, features of other layers)
            "CREATE TABLE sync_records (collection TEXT NOT NULL, key TEXT NOT NULL, adcode TEXT, body TEXT, "
                    + "sync_version INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (collection, key))",
            "CREATE TRIGGER sync_record_insert AFTER INSERT ON sync_records WHEN NEW.sync_version = 0 AND " + RECORDING
                    + " BEGIN INSERT INTO sync_outbox(entity, op, row_id) VALUES ('record', 'U', NEW.rowid); END",
            "CREATE TRIGGER sync_record_update AFTER UPDATE ON sync_records WHEN NEW.sync_version = OLD.sync_version AND "
                    + RECORDING + " BEGIN INSERT INTO sync_outbox(entity, op, row_id) VALUES ('record', 'U', NEW.rowid); END",
            "CREATE TRIGGER sync_record_delete AFTER DELETE ON sync_records WHEN " + RECORDING
                    + " BEGIN INSERT INTO sync_outbox(entity, op, row_id, key, base_version) VALUES ('record', 'D', OLD.rowid, "
                    + "OLD.collection || char(9) || OLD.key, OLD.sync_version); END",
            // stations: every insert, update and delete that is not the sync client's own
            "CREATE TRIGGER sync_station_insert AFTER INSERT ON stations WHEN NEW.sync_version = 0 AND " + RECORDING
                    + " BEGIN INSERT INTO sync_outbox(entity, op, row_id) VALUES ('station', 'U', NEW.fid); END",
            "CREATE TRIGGER sync_station_update AFTER UPDATE ON stations WHEN NEW.sync_version = OLD.sync_version AND "
                    + RECORDING + " BEGIN INSERT INTO sync_outbox(entity, op, row_id) VALUES ('station', 'U', NEW.fid); END",
            "CREATE TRIGGER sync_station_recode AFTER UPDATE OF code ON stations WHEN OLD.code IS NOT NEW.code AND "
                    + RECORDING + " BEGIN INSERT INTO sync_outbox(entity, op, key, base_version) "
                    + "VALUES ('station', 'D', OLD.code, OLD.sync_version); END",
            "CREATE TRIGGER sync_station_delete AFTER DELETE ON stations WHEN " + RECORDING
                    + " BEGIN INSERT INTO sync_outbox(entity, op, key, base_version) "
                    + "VALUES ('station', 'D', OLD.code, OLD.sync_version); END",
            // readings: imports record ranges (ReadingTable.Writer); every other insert or update one entry a row
            "CREATE TRIGGER sync_reading_insert AFTER INSERT ON readings WHEN NEW.sync_version = 0 AND NEW.import_id IS NULL"
                    + " BEGIN INSERT INTO sync_outbox(entity, op, row_id) VALUES ('reading', 'U', NEW.id); END",
            "CREATE TRIGGER sync_reading_update AFTER UPDATE ON readings WHEN NEW.sync_version = OLD.sync_version "
                    + "AND (NEW.import_id IS NULL OR NEW.import_id IS OLD.import_id)"
                    + " BEGIN INSERT INTO sync_outbox(entity, op, row_id) VALUES ('reading', 'U', NEW.id); END",
            "CREATE TRIGGER sync_reading_delete AFTER DELETE ON readings WHEN " + RECORDING
                    + " BEGIN INSERT INTO sync_outbox(entity, op, row_id, key, base_version) VALUES ('reading', 'D', OLD.id, "
                    + "(SELECT code FROM stations WHERE fid = OLD.station_id) || char(9) || "
                    + "(SELECT code FROM parameters WHERE id = OLD.parameter_id) || char(9) || OLD.t, OLD.sync_version); END",
    };
}
