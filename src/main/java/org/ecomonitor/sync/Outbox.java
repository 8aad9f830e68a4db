package org.ecomonitor.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecomonitor.model.Station;
import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local outbox ({@code sync_outbox}, filled by triggers and imports, see the store's SyncOutboxSchema) seen as
 * batches to push.
 * <p>
 * A position in the outbox is a {@link Mark}: (entry number, reading key inside a range entry, or
 * {@link Mark#WHOLE} when the entry is done). A batch covers the changes after the last acknowledged mark up to
 * its own end mark, at most {@code limit} of them, each read from the store as it is now, with the version it is
 * based on (the row's {@code sync_version}); a key that changed several times is sent once. Before it is sent the
 * batch's marks and digest are stored ({@code inflight}): after a crash the same batch is rebuilt and sent again,
 * and the server, which remembers the last batch it applied, acknowledges it without applying it twice.
 * {@link #acknowledged} stores the answer in one transaction: versions of the accepted rows, conflicts, the new
 * acknowledged mark, and the entries that are done leave the outbox.
 */
public final class Outbox {

    /** A position in the outbox. */
    public record Mark(long entry, long key) implements Comparable<Mark> {
        static final long WHOLE = Long.MAX_VALUE;
        static final Mark START = new Mark(0, 0);

        static Mark parse(String s) {
            if (s == null) {
                return START;
            }
            int slash = s.indexOf('/');
            return new Mark(Long.parseLong(s.substring(0, slash)), Long.parseLong(s.substring(slash + 1)));
        }

        @Override
        public String toString() {
            return entry + "/" + key;
        }

        ArrayNode json() {
            return ServerConnection.JSON.createArrayNode().add(entry).add(key);
        }

        @Override
        public int compareTo(Mark o) {
            int c = Long.compare(entry, o.entry);
            return c != 0 ? c : Long.compare(key, o.key);
        }
    }

    /** One change to send: what (entity, key), how (op), from which version, and the row it came from. */
    record Change(String entity, String op, String key, long base, long rowId, JsonNode wire) {
    }

    /** A batch ready to send. */
    public static final class Batch {
        final Mark from;
        final Mark to;
        final List<Change> changes;
        final String digest;

        Batch(Mark from, Mark to, List<Change> changes) {
            this.from = from;
            this.to = to;
            this.changes = changes;
            this.digest = digest(changes);
        }

        public int size() {
            return changes.size();
        }

        /** The push request body. */
        ObjectNode request(String clientId) {
            ObjectNode n = ServerConnection.JSON.createObjectNode();
            n.put("client", clientId);
            n.set("from", from.json());
            n.set("to", to.json());
            n.put("digest", digest);
            ArrayNode stations = n.putArray("stations");
            ArrayNode records = n.putArray("records");
            ArrayNode readings = n.putArray("readings");
            for (Change c : changes) {
                switch (c.entity) {
                    case "station" -> stations.add(c.wire);
                    case "record" -> records.add(c.wire);
                    default -> readings.add(c.wire);
                }
            }
            return n;
        }

        private static String digest(List<Change> changes) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                java.nio.ByteBuffer base = java.nio.ByteBuffer.allocate(8);
                for (Change c : changes) {
                    md.update((byte) c.entity.charAt(1));
                    md.update((byte) c.op.charAt(0));
                    md.update(c.key.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update(base.clear().putLong(c.base).array());
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final ProjectStore store;
    private final SyncSettings settings;

    public Outbox(ProjectStore store, SyncSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The last acknowledged mark (under the current client id). */
    Mark acked() {
        return Mark.parse(settings.get(SyncSettings.ACKED).orElse(null));
    }

    /** Number of local changes not yet pushed (readings of an import counted one by one). */
    public long pending() {
        Connection c = store.connection();
        Mark acked = acked();
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT n, op, row_id, row_end, import_id FROM sync_outbox WHERE n >= ?");
             PreparedStatement range = c.prepareStatement("SELECT count(*) FROM readings WHERE id >= ? AND id <= ? AND import_id = ?")) {
            ps.setLong(1, acked.entry());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long entry = rs.getLong(1);
                    if (entry == acked.entry() && acked.key() == Mark.WHOLE) {
                        continue;
                    }
                    if ("R".equals(rs.getString(2))) {
                        range.setLong(1, entry == acked.entry() ? acked.key() + 1 : rs.getLong(3));
                        range.setLong(2, rs.getLong(4));
                        range.setLong(3, rs.getLong(5));
                        try (ResultSet r = range.executeQuery()) {
                            n += r.next() ? r.getLong(1) : 0;
                        }
                    } else {
                        n++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return n;
    }

    /** The batch to send next: the one in flight if any (rebuilt identically), else a new one; empty when none. */
    public Optional<Batch> next(int limit) {
        Optional<String> inflight = settings.get(SyncSettings.INFLIGHT);
        Mark from = acked();
        if (inflight.isPresent()) {
            Mark to = Mark.parse(inflight.get());
            return Optional.of(build(from, to, Integer.MAX_VALUE));
        }
        Batch b = build(from, null, limit);
        if (b.changes.isEmpty() && b.to.equals(from)) {
            return Optional.empty();
        }
        store.inTransaction(() -> {
            settings.put(SyncSettings.INFLIGHT, b.to.toString());
            return null;
        });
        return Optional.of(b);
    }

    /** Reads the changes after {@code from}: up to {@code stop} when given, else up to {@code limit} changes. */
    private Batch build(Mark from, Mark stop, int limit) {
        Connection c = store.connection();
        Map<Object, Change> changes = new LinkedHashMap<>();
        Mark to = from;
        Codes codes = new Codes(c);
        try (PreparedStatement entries = c.prepareStatement(
                "SELECT n, entity, op, row_id, row_end, import_id, key, base_version FROM sync_outbox WHERE n >= ? "
                        + (stop == null ? "" : "AND n <= ? ") + "ORDER BY n")) {
            entries.setLong(1, from.entry());
            if (stop != null) {
                entries.setLong(2, stop.entry());
            }
            try (ResultSet rs = entries.executeQuery()) {
                while (rs.next() && changes.size() < limit) {
                    long n = rs.getLong(1);
                    if (n == from.entry() && from.key() == Mark.WHOLE) {
                        continue;
                    }
                    String entity = rs.getString(2);
                    String op = rs.getString(3);
                    if ("R".equals(op)) {
                        long lo = n == from.entry() ? from.key() + 1 : rs.getLong(4);
                        long hi = rs.getLong(5);
                        if (stop != null && n == stop.entry() && stop.key() != Mark.WHOLE) {
                            hi = Math.min(hi, stop.key());
                        }
                        int room = limit - changes.size();
                        long last = readRange(c, codes, lo, hi, rs.getLong(6), room, changes);
                        if (last != Long.MIN_VALUE && changes.size() >= limit && last < hi) {
                            to = new Mark(n, last);
                            break;
                        }
                        to = stop != null && n == stop.entry() ? stop : new Mark(n, Mark.WHOLE);
                        continue;
                    }
                    Change change = switch (entity) {
                        case "station" -> "D".equals(op) ? stationDelete(rs.getString(7), rs.getLong(8)) : station(c, rs.getLong(4));
                        case "record" -> "D".equals(op) ? recordDelete(rs.getString(7), rs.getLong(8)) : record(c, rs.getLong(4));
                        default -> "D".equals(op) ? readingDelete(rs.getLong(4), rs.getString(7), rs.getLong(8))
                                : reading(c, codes, rs.getLong(4));
                    };
                    if (change != null) {
                        put(changes, change);
                    }
                    to = new Mark(n, Mark.WHOLE);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return new Batch(from, stop != null ? stop : to, new ArrayList<>(changes.values()));
    }

    /** Keeps one change per row, the latest (readings are told apart by their key, the rest by entity and key). */
    private static void put(Map<Object, Change> changes, Change change) {
        Object id = "reading".equals(change.entity) ? (Object) change.rowId : change.entity + "\u0001" + change.key;
        changes.remove(id);
        changes.put(id, change);
    }

    /** Station and parameter codes by local id. */
    static final class Codes {
        final Map<Long, String> stations = new HashMap<>();
        final Map<Long, String> parameters = new HashMap<>();

        Codes(Connection c) {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT fid, code FROM stations")) {
                    while (rs.next()) {
                        stations.put(rs.getLong(1), rs.getString(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT id, code FROM parameters")) {
                    while (rs.next()) {
                        parameters.put(rs.getLong(1), rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }

    private Change station(Connection c, long fid) throws SQLException {
        String code;
        long version;
        try (PreparedStatement ps = c.prepareStatement("SELECT code, sync_version FROM stations WHERE fid = ?")) {
            ps.setLong(1, fid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;   // deleted since: its D entry follows
                }
                code = rs.getString(1);
                version = rs.getLong(2);
            }
        }
        Station s = store.stations().find(code).orElseThrow();
        ObjectNode wire = ServerConnection.JSON.createObjectNode();
        wire.put("code", code);
        wire.put("op", "U");
        wire.put("base", version);
        wire.set("data", StationJson.data(s));
        return new Change("station", "U", code, version, fid, wire);
    }

    private static Change stationDelete(String code, long base) {
        ObjectNode wire = ServerConnection.JSON.createObjectNode();
        wire.put("code", code);
        wire.put("op", "D");
        wire.put("base", base);
        return new Change("station", "D", code, base, -1, wire);
    }

    private static Change record(Connection c, long rowid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT collection, key, adcode, body, sync_version FROM sync_records WHERE rowid = ?")) {
            ps.setLong(1, rowid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ObjectNode wire = ServerConnection.JSON.createObjectNode();
                wire.put("collection", rs.getString(1));
                wire.put("key", rs.getString(2));
                wire.put("op", "U");
                wire.put("base", rs.getLong(5));
                wire.put("adcode", rs.getString(3));
                wire.set("body", RecordJson.body(rs.getString(4)));
                return new Change("record", "U", rs.getString(1) + "\t" + rs.getString(2), rs.getLong(5), rowid, wire);
            }
        }
    }

    private static Change recordDelete(String key, long base) {
        int tab = key == null ? -1 : key.indexOf('\t');
        if (tab < 0) {
            return null;
        }
        ObjectNode wire = ServerConnection.JSON.createObjectNode();
        wire.put("collection", key.substring(0, tab));
        wire.put("key", key.substring(tab + 1));
        wire.put("op", "D");
        wire.put("base", base);
        return new Change("record", "D", key, base, -1, wire);
    }

    private static Change reading(Connection c, Codes codes, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT station_id, parameter_id, t, value, flag, sync_version FROM readings WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? readingChange(codes, id, rs) : null;
            }
        }
    }

    /** Reads rows of one import in a key range; returns the last key read (or MIN_VALUE when none). */
    private static long readRange(Connection c, Codes codes, long lo, long hi, long importId, int room,
                                  Map<Object, Change> changes) throws SQLException {
        long last = Long.MIN_VALUE;
        if (room <= 0 || lo > hi) {
            return last;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT station_id, parameter_id, t, value, flag, sync_version, id "
                + "FROM readings WHERE id >= ? AND id <= ? AND import_id = ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, lo);
            ps.setLong(2, hi);
            ps.setLong(3, importId);
            ps.setInt(4, room);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(7);
                    Change ch = readingChange(codes, last, rs);
                    if (ch != null) {
                        put(changes, ch);
                    }
                }
            }
        }
        return last;
    }

    private static Change readingChange(Codes codes, long id, ResultSet rs) throws SQLException {
        String station = codes.stations.get(rs.getLong(1));
        String parameter = codes.parameters.get(rs.getLong(2));
        if (station == null || parameter == null) {
            return null;   // a reading of a station deleted locally: not synced
        }
        long t = rs.getLong(3);
        double v = rs.getDouble(4);
        boolean isNull = rs.wasNull();
        String flag = rs.getString(5);
        long base = rs.getLong(6);
        ArrayNode wire = ServerConnection.JSON.createArrayNode().add(station).add(parameter).add(t);
        if (isNull) {
            wire.addNull();
        } else {
            wire.add(v);
        }
        wire.add(flag).add(base).add("U");
        return new Change("reading", "U", station + "\t" + parameter + "\t" + t, base, id, wire);
    }

    private static Change readingDelete(long id, String key, long base) {
        if (key == null) {
            return null;
        }
        String[] p = key.split("\t", -1);
        if (p.length != 3) {
            return null;
        }
        ArrayNode wire = ServerConnection.JSON.createArrayNode().add(p[0]).add(p[1]).add(Long.parseLong(p[2]))
                .addNull().add("N").add(base).add("D");
        return new Change("reading", "D", key, base, id, wire);
    }

    /**
     * Stores the server's answer to a batch, in one transaction: accepted rows get the version the server gave them
     * (base + 1, or the server's own version when it already had the same content), conflicts are kept with both
     * copies, the acknowledged mark moves to the batch's end and entries done leave the outbox.
     */
    void acknowledged(Batch batch, JsonNode response, Conflicts conflicts) {
        store.inTransaction(() -> {
            Map<String, JsonNode> conflicted = new HashMap<>();
            for (JsonNode cf : response.path("conflicts")) {
                conflicted.put(cf.path("entity").asText() + "\u0001" + cf.path("key").asText(), cf);
            }
            Map<String, Long> same = new HashMap<>();
            for (JsonNode s : response.path("same")) {
                same.put(s.path("entity").asText() + "\u0001" + s.path("key").asText(), s.path("version").asLong());
            }
            Connection c = store.connection();
            try (PreparedStatement station = c.prepareStatement("UPDATE stations SET sync_version = ? WHERE code = ?");
                 PreparedStatement record = c.prepareStatement("UPDATE sync_records SET sync_version = ? WHERE collection = ? AND key = ?");
                 PreparedStatement reading = c.prepareStatement("UPDATE readings SET sync_version = ? WHERE id = ?")) {
                int pending = 0;
                boolean plain = conflicted.isEmpty() && same.isEmpty();
                for (Change ch : batch.changes) {
                    String k = plain ? null : ch.entity + "\u0001" + ch.key;
                    JsonNode cf = plain ? null : conflicted.get(k);
                    if (cf != null) {
                        conflicts.record(ch, cf);
                        continue;
                    }
                    if ("D".equals(ch.op)) {
                        continue;
                    }
                    long version = plain ? ch.base + 1 : same.getOrDefault(k, ch.base + 1);
                    if ("station".equals(ch.entity)) {
                        station.setLong(1, version);
                        station.setString(2, ch.key);
                        station.executeUpdate();
                    } else if ("record".equals(ch.entity)) {
                        int tab = ch.key.indexOf('\t');
                        record.setLong(1, version);
                        record.setString(2, ch.key.substring(0, tab));
                        record.setString(3, ch.key.substring(tab + 1));
                        record.executeUpdate();
                    } else {
                        reading.setLong(1, version);
                        reading.setLong(2, ch.rowId);
                        reading.addBatch();
                        if (++pending % 5000 == 0) {
                            reading.executeBatch();
                        }
                    }
                }
                reading.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(batch.to.key() == Mark.WHOLE
                    ? "DELETE FROM sync_outbox WHERE n <= ?" : "DELETE FROM sync_outbox WHERE n < ?")) {
                ps.setLong(1, batch.to.entry());
                ps.executeUpdate();
            }
            settings.put(SyncSettings.ACKED, batch.to.toString());
            settings.put(SyncSettings.INFLIGHT, null);
            return null;
        });
    }

    /** The server no longer knows our marks (copied or restored file): start again under a new client id. */
    void restartUnderNewClientId() {
        store.inTransaction(() -> {
            settings.put(SyncSettings.CLIENT_ID, null);
            settings.put(SyncSettings.INFLIGHT, null);
            Mark acked = acked();
            // keep the position: entries before it are done; the next batch starts from the same place
            settings.put(SyncSettings.ACKED, null);
            if (acked.key() != Mark.WHOLE) {
                // a partly pushed range entry: its pushed part is on the server already, base versions are up to date
                try (PreparedStatement ps = store.connection().prepareStatement("UPDATE sync_outbox SET row_id = ? WHERE n = ?")) {
                    ps.setLong(1, acked.key() + 1);
                    ps.setLong(2, acked.entry());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Keys with local changes not yet pushed: for pull, which must not overwrite them. */
    PendingKeys pendingKeys() {
        return new PendingKeys(store.connection(), acked());
    }
}
