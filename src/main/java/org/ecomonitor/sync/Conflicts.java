package org.ecomonitor.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecomonitor.i18n.UserException;
import org.ecomonitor.model.Flag;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.StoreException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Edits that met another edit of the same row on the server. The server kept its copy; the workstation keeps its
 * own row as it was edited ("mine") and the server's copy ("theirs") here, until the user chooses:
 * {@link Resolution#MINE} (push mine over theirs), {@link Resolution#THEIRS} (take theirs) or field by field
 * ({@link Resolution#fields}). A conflict is one row per (entity, key); a newer server version met on a later pull
 * or push replaces "theirs". Resolving is one local transaction; what it pushes goes out with the next sync.
 * <p>
 * Fields: a station's are {@code kind, name, lon, lat, adcode, zone} and {@code attributes.NAME} for each attribute;
 * a reading's are {@code value} and {@code flag}; a record's {@code adcode} and {@code body} (its JSON text).
 */
public final class Conflicts {

    /** Which side a field (or the whole row) is taken from. */
    public enum Side { MINE, THEIRS }

    /** How to resolve a conflict: one side for everything, or a side per field (fields not named keep mine). */
    public record Resolution(Side whole, Map<String, Side> perField) {
        public static final Resolution MINE = new Resolution(Side.MINE, Map.of());
        public static final Resolution THEIRS = new Resolution(Side.THEIRS, Map.of());

        public static Resolution fields(Map<String, Side> choices) {
            return new Resolution(null, Map.copyOf(choices));
        }
    }

    /**
     * One open conflict. {@code mine} and {@code theirs} map field names to values (null when that side deleted the
     * row, see {@code mineDeleted}, {@code theirsDeleted}); {@code differing} lists the fields whose values differ.
     */
    public record Conflict(long id, String entity, String key, Map<String, Object> mine, boolean mineDeleted,
                           Map<String, Object> theirs, boolean theirsDeleted, long theirVersion, String theirUser,
                           long theirTimeMs, long detectedMs, List<String> differing) {
    }

    private final ProjectStore store;

    public Conflicts(ProjectStore store) {
        this.store = store;
    }

    /** The open conflicts, oldest first. */
    public List<Conflict> open() {
        List<Conflict> list = new ArrayList<>();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT id, entity, key, mine, theirs, their_version, "
                + "their_user, their_time_ms, detected_ms FROM sync_conflicts WHERE resolved_ms IS NULL ORDER BY id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return list;
    }

    public int openCount() {
        try (PreparedStatement ps = store.connection().prepareStatement(
                "SELECT count(*) FROM sync_conflicts WHERE resolved_ms IS NULL"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static Conflict read(ResultSet rs) throws SQLException {
        JsonNode mine = json(rs.getString(4));
        JsonNode theirs = json(rs.getString(5));
        String entity = rs.getString(2);
        Map<String, Object> m = fields(entity, mine.path("data"));
        Map<String, Object> t = fields(entity, theirs.path("data"));
        boolean md = mine.path("deleted").asBoolean();
        boolean td = theirs.path("deleted").asBoolean();
        Set<String> keys = new LinkedHashSet<>(m.keySet());
        keys.addAll(t.keySet());
        List<String> differing = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(m.get(k), t.get(k))) {
                differing.add(k);
            }
        }
        return new Conflict(rs.getLong(1), entity, rs.getString(3), md ? null : m, md, td ? null : t, td, rs.getLong(6),
                rs.getString(7), rs.getLong(8), rs.getLong(9), differing);
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? ServerConnection.JSON.createObjectNode() : ServerConnection.JSON.readTree(text);
        } catch (IOException e) {
            return ServerConnection.JSON.createObjectNode();
        }
    }

    static Map<String, Object> fields(String entity, JsonNode data) {
        if (data == null || data.isMissingNode() || data.isNull()) {
            return new LinkedHashMap<>();
        }
        if ("station".equals(entity)) {
            return StationJson.fields(data);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        if ("record".equals(entity)) {
            JsonNode a = data.path("adcode");
            JsonNode b = data.path("body");
            f.put("adcode", a.isNull() || a.isMissingNode() ? null : a.asText());
            f.put("body", b.isNull() || b.isMissingNode() ? null : b.toString());
            return f;
        }
        JsonNode v = data.path("value");
        f.put("value", v.isNumber() ? v.asDouble() : null);
        f.put("flag", data.path("flag").asText("N"));
        return f;
    }

    // ---- recording (push answers, pulls)

    /** Records (or refreshes) the conflict a pushed change met; {@code cf} is the server's conflict entry. */
    void record(Outbox.Change change, JsonNode cf) {
        ObjectNode mine = ServerConnection.JSON.createObjectNode();
        mine.put("deleted", "D".equals(change.op()));
        if ("station".equals(change.entity())) {
            if (change.wire().has("data")) {
                mine.set("data", change.wire().get("data"));
            }
        } else if ("record".equals(change.entity())) {
            JsonNode a = change.wire().path("adcode");
            mine.set("data", RecordJson.data(a.isNull() || a.isMissingNode() ? null : a.asText(), change.wire().get("body")));
        } else {
            ObjectNode d = mine.putObject("data");
            d.set("value", change.wire().get(3));
            d.put("flag", change.wire().get(4).asText());
        }
        ObjectNode theirs = ServerConnection.JSON.createObjectNode();
        theirs.put("deleted", cf.path("deleted").asBoolean());
        theirs.set("data", cf.path("theirs"));
        upsert(change.entity(), change.key(), mine.toString(), theirs.toString(), cf.path("version").asLong(),
                cf.path("by").asText(null), cf.path("at").asLong());
    }

    /** A pulled version of a row that has an open conflict: it becomes the new "theirs". Returns false if none. */
    boolean refreshTheirs(String entity, String key, JsonNode data, boolean deleted, long version, String by, long at) {
        try (PreparedStatement ps = store.connection().prepareStatement("UPDATE sync_conflicts SET theirs = ?, "
                + "their_version = ?, their_user = ?, their_time_ms = ? WHERE entity = ? AND key = ? AND resolved_ms IS NULL "
                + "AND their_version < ?")) {
            ObjectNode theirs = ServerConnection.JSON.createObjectNode();
            theirs.put("deleted", deleted);
            theirs.set("data", data);
            ps.setString(1, theirs.toString());
            ps.setLong(2, version);
            ps.setString(3, by);
            ps.setLong(4, at);
            ps.setString(5, entity);
            ps.setString(6, key);
            ps.setLong(7, version);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return hasOpen(entity, key);
    }

    boolean hasOpen(String entity, String key) {
        try (PreparedStatement ps = store.connection().prepareStatement(
                "SELECT 1 FROM sync_conflicts WHERE entity = ? AND key = ? AND resolved_ms IS NULL")) {
            ps.setString(1, entity);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private void upsert(String entity, String key, String mine, String theirs, long version, String by, long at) {
        Connection c = store.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_conflicts SET mine = ?, theirs = ?, their_version = ?, "
                    + "their_user = ?, their_time_ms = ? WHERE entity = ? AND key = ? AND resolved_ms IS NULL")) {
                ps.setString(1, mine);
                ps.setString(2, theirs);
                ps.setLong(3, version);
                ps.setString(4, by);
                ps.setLong(5, at);
                ps.setString(6, entity);
                ps.setString(7, key);
                if (ps.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_conflicts(entity, key, mine, theirs, their_version, "
                    + "their_user, their_time_ms, detected_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, entity);
                ps.setString(2, key);
                ps.setString(3, mine);
                ps.setString(4, theirs);
                ps.setLong(5, version);
                ps.setString(6, by);
                ps.setLong(7, at);
                ps.setLong(8, System.currentTimeMillis());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    // ---- resolving

    /**
     * Resolves an open conflict: the chosen content becomes the local row, based on the server's version; when it
     * is not exactly theirs it goes to the outbox and is pushed with the next sync.
     */
    public void resolve(long conflictId, Resolution resolution) {
        Conflict cf = open().stream().filter(c -> c.id() == conflictId).findFirst()
                .orElseThrow(() -> new UserException("sync.conflict.unknown", conflictId));
        store.inTransaction(() -> {
            boolean takeTheirs = resolution.whole() == Side.THEIRS;
            boolean keepMine = resolution.whole() == Side.MINE;
            Map<String, Object> merged;
            boolean deleted;
            if (takeTheirs) {
                merged = cf.theirs();
                deleted = cf.theirsDeleted();
            } else if (keepMine) {
                merged = cf.mine();
                deleted = cf.mineDeleted();
            } else {
                if (cf.mineDeleted() || cf.theirsDeleted()) {
                    // nothing to merge field by field: a deleted side wins only when every field is chosen from it
                    boolean allTheirs = !resolution.perField().isEmpty()
                            && resolution.perField().values().stream().allMatch(s -> s == Side.THEIRS);
                    merged = allTheirs ? cf.theirs() : cf.mine();
                    deleted = allTheirs ? cf.theirsDeleted() : cf.mineDeleted();
                    takeTheirs = allTheirs;
                } else {
                    merged = new LinkedHashMap<>(cf.mine());
                    for (Map.Entry<String, Side> e : resolution.perField().entrySet()) {
                        if (e.getValue() == Side.THEIRS) {
                            merged.put(e.getKey(), cf.theirs().get(e.getKey()));
                        }
                    }
                    deleted = false;
                    takeTheirs = merged.equals(cf.theirs());
                }
            }
            write(cf, merged, deleted, !takeTheirs);
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "UPDATE sync_conflicts SET resolved_ms = ?, resolution = ? WHERE id = ?")) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setString(2, resolution.whole() != null ? resolution.whole().name() : "FIELDS " + resolution.perField());
                ps.setLong(3, cf.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Writes the chosen content locally with the server's version; {@code push}: and records it in the outbox. */
    private void write(Conflict cf, Map<String, Object> content, boolean deleted, boolean push) throws SQLException {
        Connection c = store.connection();
        SyncSettings settings = new SyncSettings(store);
        settings.put(SyncSettings.RECORDING, "0");
        try {
            if ("station".equals(cf.entity())) {
                writeStation(c, cf, content, deleted, push);
            } else if ("record".equals(cf.entity())) {
                writeRecord(c, cf, content, deleted, push);
            } else {
                writeReading(c, cf, content, deleted, push);
            }
        } finally {
            settings.put(SyncSettings.RECORDING, null);
        }
    }

    private void writeStation(Connection c, Conflict cf, Map<String, Object> content, boolean deleted, boolean push) throws SQLException {
        if (deleted) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM stations WHERE code = ?")) {
                ps.setString(1, cf.key());
                ps.executeUpdate();
            }
            if (push) {
                outbox(c, "station", "D", null, cf.key(), cf.theirVersion());
            }
            return;
        }
        Station s = StationJson.station(cf.key(), StationJson.fromFields(content));
        store.stations().upsert(s);
        try (PreparedStatement ps = c.prepareStatement("UPDATE stations SET sync_version = ? WHERE code = ?")) {
            ps.setLong(1, cf.theirVersion());
            ps.setString(2, cf.key());
            ps.executeUpdate();
        }
        if (push) {
            long fid = store.stations().idsByCode().get(cf.key());
            outbox(c, "station", "U", fid, null, 0);
        }
    }

    private void writeRecord(Connection c, Conflict cf, Map<String, Object> content, boolean deleted, boolean push) throws SQLException {
        int tab = cf.key().indexOf('\t');
        String collection = cf.key().substring(0, tab);
        String key = cf.key().substring(tab + 1);
        if (deleted) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_records WHERE collection = ? AND key = ?")) {
                ps.setString(1, collection);
                ps.setString(2, key);
                ps.executeUpdate();
            }
            if (push) {
                outbox(c, "record", "D", null, cf.key(), cf.theirVersion());
            }
            return;
        }
        Object adcode = content.get("adcode");
        Object body = content.get("body");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_records(collection, key, adcode, body, sync_version) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(collection, key) DO UPDATE SET adcode = excluded.adcode, "
                + "body = excluded.body, sync_version = excluded.sync_version")) {
            ps.setString(1, collection);
            ps.setString(2, key);
            ps.setString(3, adcode == null ? null : adcode.toString());
            ps.setString(4, body == null ? null : body.toString());
            ps.setLong(5, cf.theirVersion());
            ps.executeUpdate();
        }
        if (push) {
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM sync_records WHERE collection = ? AND key = ?")) {
                ps.setString(1, collection);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    outbox(c, "record", "U", rs.getLong(1), null, 0);
                }
            }
        }
    }

    private void writeReading(Connection c, Conflict cf, Map<String, Object> content, boolean deleted, boolean push) throws SQLException {
        String[] k = cf.key().split("\t", -1);
        Long sid = store.stations().idsByCode().get(k[0]);
        Long pid = store.parameters().idsByCode().get(k[1]);
        if (sid == null || pid == null) {
            return;   // the station is gone locally: nothing to write
        }
        long t = Long.parseLong(k[2]);
        long id = org.ecomonitor.store.ReadingKey.of(sid, pid, t);
        if (deleted) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM readings WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            if (push) {
                outbox(c, "reading", "D", id, cf.key(), cf.theirVersion());
            }
            return;
        }
        Object v = content.get("value");
        Flag flag = Flag.parse(String.valueOf(content.getOrDefault("flag", "N")));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO readings(id, station_id, parameter_id, t, value, flag, "
                + "import_id, sync_version) VALUES (?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT(id) DO UPDATE SET value = excluded.value, "
                + "flag = excluded.flag, sync_version = excluded.sync_version")) {
            ps.setLong(1, id);
            ps.setLong(2, sid);
            ps.setLong(3, pid);
            ps.setLong(4, t);
            if (v instanceof Number n) {
                ps.setDouble(5, n.doubleValue());
            } else {
                ps.setNull(5, Types.REAL);
            }
            ps.setString(6, (flag == null ? Flag.N : flag).name());
            ps.setLong(7, cf.theirVersion());
            ps.executeUpdate();
        }
        if (push) {
            outbox(c, "reading", "U", id, null, 0);
        }
    }

    private static void outbox(Connection c, String entity, String op, Long rowId, String key, long base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_outbox(entity, op, row_id, key, base_version) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, entity);
            ps.setString(2, op);
            if (rowId == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setLong(3, rowId);
            }
            ps.setString(4, key);
            ps.setLong(5, base);
            ps.executeUpdate();
        }
    }
}
