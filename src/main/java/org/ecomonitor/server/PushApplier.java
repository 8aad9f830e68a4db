package org.ecomonitor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecomonitor.model.Flag;
import org.ecomonitor.store.ReadingKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies one pushed batch of changes, exactly once, in one transaction.
 * <p>
 * A batch covers the client's outbox from mark {@code from} (exclusive) to {@code to} (inclusive); a mark is a pair
 * (outbox entry number, position inside the entry). The server keeps, per client id, the last mark it applied, the
 * batch's digest and its response. A batch whose {@code to} is that mark and whose digest matches is a replay (the
 * client did not get the answer): it is answered with the stored response and nothing is applied again. A batch
 * starting at the stored mark is applied. Anything else means the client's state and the server's diverged (a
 * copied or restored project file): 409 {@code sync_diverged}, and the client starts again under a new client id.
 * <p>
 * Every change names the version it was based on ({@code base}, 0 for a row the client never got from the server).
 * When the server's row has another version, the change is a conflict: the server keeps its copy and returns it;
 * otherwise the row gets version + 1, the next sequence number, the user and the time; a corrected reading's
 * previous version goes to {@code reading_history}. Scope: every station, reading and record of the batch, before
 * and after the change, must lie in the user's counties and the role must allow writing it, or the whole batch is
 * refused with 403.
 */
public final class PushApplier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerDatabase db;
    private final AuditLog audit;

    public PushApplier(ServerDatabase db) {
        this.db = db;
        this.audit = new AuditLog(db);
    }

    /** Applies a batch (the request's JSON) for a user; returns the response JSON. */
    public ObjectNode apply(User user, JsonNode batch, String address) {
        String client = text(batch, "client");
        if (client == null || client.isBlank() || client.length() > 100) {
            throw new ApiException(400, "bad_request", "server.api.bad_field", "client", "push");
        }
        long[] from = mark(batch.get("from"), "from");
        long[] to = mark(batch.get("to"), "to");
        String digest = text(batch, "digest");
        JsonNode stations = array(batch, "stations");
        JsonNode records = array(batch, "records");
        JsonNode readings = array(batch, "readings");
        checkRights(user, stations, records, readings);
        int count = stations.size() + records.size() + readings.size();
        return db.inTransaction(c -> {
            long seq = ChangeLog.allocate(c, count);
            long[] stored = new long[2];
            String[] storedDigest = new String[1];
            String storedResponse = clientMark(c, client, stored, storedDigest);
            if (storedResponse != null && compare(to, stored) == 0 && java.util.Objects.equals(digest, storedDigest[0])) {
                c.rollback();
                ObjectNode replay;
                try {
                    replay = (ObjectNode) JSON.readTree(storedResponse);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new SQLException(e);
                }
                replay.put("replayed", true);
                return replay;
            }
            if (compare(from, stored) != 0 || compare(to, from) < 0) {
                throw new ApiException(409, "sync_diverged", "server.api.diverged", client,
                        stored[0] + "/" + stored[1], from[0] + "/" + from[1]);
            }
            Batch b = new Batch(c, user, seq);
            ObjectNode response = JSON.createObjectNode();
            ArrayNode conflicts = response.putArray("conflicts");
            b.conflicts = conflicts;
            b.same = response.putArray("same");
            for (JsonNode s : stations) {
                b.station(s);
            }
            for (JsonNode r : records) {
                b.record(r);
            }
            b.readings(readings);
            response.put("applied", b.applied);
            response.put("replayed", false);
            response.putArray("mark").add(to[0]).add(to[1]);
            saveMark(c, client, user, to, digest, response.toString());
            audit.record(c, user.name(), "push", client, "stations " + stations.size() + ", records " + records.size()
                    + ", readings " + readings.size() + ", applied " + b.applied + ", conflicts " + conflicts.size(), address);
            return response;
        });
    }

    private static void checkRights(User user, JsonNode stations, JsonNode records, JsonNode readings) {
        if (!stations.isEmpty() && !user.role().mayWrite(Role.Entity.STATION)
                || !records.isEmpty() && !user.role().mayWrite(Role.Entity.RECORD)
                || !readings.isEmpty() && !user.role().mayWrite(Role.Entity.READING)) {
            throw new ApiException(403, "forbidden_role", "server.api.role_forbidden", user.name(), user.role().code());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode array(JsonNode batch, String field) {
        JsonNode a = batch.get(field);
        if (a == null || a.isNull()) {
            return JSON.createArrayNode();
        }
        if (!a.isArray()) {
            throw new ApiException(400, "bad_request", "server.api.bad_field", field, "push");
        }
        return a;
    }

    private static long[] mark(JsonNode n, String field) {
        if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).canConvertToLong() || !n.get(1).canConvertToLong()) {
            throw new ApiException(400, "bad_request", "server.api.bad_field", field, "push");
        }
        return new long[]{n.get(0).asLong(), n.get(1).asLong()};
    }

    private static int compare(long[] a, long[] b) {
        int c = Long.compare(a[0], b[0]);
        return c != 0 ? c : Long.compare(a[1], b[1]);
    }

    /** The stored mark of a client ({0, 0} when new) and its digest; returns the stored response or null. */
    private static String clientMark(Connection c, String client, long[] mark, String[] digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT mark_n, mark_k, digest, response FROM sync_clients WHERE client_id = ?")) {
            ps.setString(1, client);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                mark[0] = rs.getLong(1);
                mark[1] = rs.getLong(2);
                digest[0] = rs.getString(3);
                return rs.getString(4);
            }
        }
    }

    private static void saveMark(Connection c, String client, User user, long[] to, String digest, String response) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sync_clients SET user_name = ?, mark_n = ?, mark_k = ?, digest = ?, response = ?, updated_ms = ? WHERE client_id = ?")) {
            ps.setString(1, user.name());
            ps.setLong(2, to[0]);
            ps.setLong(3, to[1]);
            ps.setString(4, digest);
            ps.setString(5, response);
            ps.setLong(6, System.currentTimeMillis());
            ps.setString(7, client);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_clients(user_name, mark_n, mark_k, digest, response, updated_ms, client_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, user.name());
            ps.setLong(2, to[0]);
            ps.setLong(3, to[1]);
            ps.setString(4, digest);
            ps.setString(5, response);
            ps.setLong(6, System.currentTimeMillis());
            ps.setString(7, client);
            ps.executeUpdate();
        }
    }

    /** The state of one batch being applied. */
    private static final class Batch {
        final Connection c;
        final User user;
        final long now = System.currentTimeMillis();
        long seq;
        long applied;
        ArrayNode conflicts;
        /** Changes with a stale base whose content the server already has: not conflicts, no new version. */
        ArrayNode same;
        final Map<String, long[]> stationIds = new HashMap<>();   // code -> {id, inScope 0/1}
        final Map<String, Long> parameterIds = new HashMap<>();

        Batch(Connection c, User user, long firstSeq) {
            this.c = c;
            this.user = user;
            this.seq = firstSeq;
        }

        void forbidden(String what) {
            throw new ApiException(403, "forbidden_scope", "server.api.scope_forbidden", user.name(), what);
        }

        // ---- stations

        void station(JsonNode change) throws SQLException {
            String code = text(change, "code");
            String op = text(change, "op");
            if (code == null || code.isBlank() || !("U".equals(op) || "D".equals(op))) {
                throw new ApiException(400, "bad_request", "server.api.bad_field", "code/op", "station");
            }
            long base = change.path("base").asLong(0);
            StationRow row = "U".equals(op) ? StationRow.of(change.get("data")) : null;
            if (row != null && !user.covers(row.adcode())) {
                forbidden(code);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, name, lon, lat, adcode, zone, attributes, "
                    + "version, deleted, updated_by, updated_ms FROM stations WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!user.covers(rs.getString(6))) {
                            forbidden(code);
                        }
                        long version = rs.getLong(9);
                        boolean deletedThere = rs.getInt(10) != 0;
                        StationRow theirs = new StationRow(rs.getString(2), rs.getString(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8));
                        if (version != base && (row == null ? deletedThere : !deletedThere && sameStation(row, theirs))) {
                            same.addObject().put("entity", "station").put("key", code).put("version", version);
                            return;
                        }
                        if (version != base) {
                            ObjectNode conflict = conflicts.addObject();
                            conflict.put("entity", "station");
                            conflict.put("key", code);
                            conflict.put("version", version);
                            conflict.put("deleted", rs.getInt(10) != 0);
                            conflict.put("by", rs.getString(11));
                            conflict.put("at", rs.getLong(12));
                            conflict.set("theirs", theirs.toJson());
                            return;
                        }
                        long id = rs.getLong(1);
                        if (row == null) {
                            try (PreparedStatement up = c.prepareStatement("UPDATE stations SET deleted = 1, version = ?, seq = ?, "
                                    + "updated_by = ?, updated_ms = ? WHERE id = ?")) {
                                up.setLong(1, version + 1);
                                up.setLong(2, seq++);
                                up.setString(3, user.name());
                                up.setLong(4, now);
                                up.setLong(5, id);
                                up.executeUpdate();
                            }
                        } else {
                            try (PreparedStatement up = c.prepareStatement("UPDATE stations SET kind = ?, name = ?, lon = ?, "
                                    + "lat = ?, adcode = ?, zone = ?, attributes = ?, deleted = 0, version = ?, seq = ?, "
                                    + "updated_by = ?, updated_ms = ? WHERE id = ?")) {
                                bind(up, row);
                                up.setLong(8, version + 1);
                                up.setLong(9, seq++);
                                up.setString(10, user.name());
                                up.setLong(11, now);
                                up.setLong(12, id);
                                up.executeUpdate();
                            }
                        }
                        stationIds.remove(code);
                        applied++;
                        return;
                    }
                }
            }
            if (row == null) {
                applied++;   // deleting what the server never had
                return;
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO stations(kind, name, lon, lat, adcode, zone, "
                    + "attributes, deleted, version, seq, updated_by, updated_ms, code) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?, ?)")) {
                bind(ins, row);
                ins.setLong(8, seq++);
                ins.setString(9, user.name());
                ins.setLong(10, now);
                ins.setString(11, code);
                ins.executeUpdate();
            }
            applied++;
        }

        private static boolean sameStation(StationRow a, StationRow b) {
            return java.util.Objects.equals(a.kind(), b.kind()) && java.util.Objects.equals(a.name(), b.name())
                    && a.lon() == b.lon() && a.lat() == b.lat() && java.util.Objects.equals(a.adcode(), b.adcode())
                    && java.util.Objects.equals(a.zone(), b.zone()) && sameJson(a.attributes(), b.attributes());
        }

        private static boolean sameJson(String a, String b) {
            try {
                JsonNode x = a == null ? JSON.createObjectNode() : JSON.readTree(a);
                JsonNode y = b == null ? JSON.createObjectNode() : JSON.readTree(b);
                return x.equals(y);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return java.util.Objects.equals(a, b);
            }
        }

        private static void bind(PreparedStatement ps, StationRow row) throws SQLException {
            ps.setString(1, row.kind());
            ps.setString(2, row.name());
            ps.setDouble(3, row.lon());
            ps.setDouble(4, row.lat());
            ps.setString(5, row.adcode());
            ps.setString(6, row.zone());
            ps.setString(7, row.attributes());
        }

        // ---- records

        void record(JsonNode change) throws SQLException {
            String collection = text(change, "collection");
            String key = text(change, "key");
            String op = text(change, "op");
            if (collection == null || key == null || !("U".equals(op) || "D".equals(op))) {
                throw new ApiException(400, "bad_request", "server.api.bad_field", "collection/key/op", "record");
            }
            long base = change.path("base").asLong(0);
            String adcode = text(change, "adcode");
            JsonNode body = change.get("body");
            if ("U".equals(op) && !user.covers(adcode)) {
                forbidden(collection + "/" + key);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT adcode, body, version, deleted, updated_by, updated_ms "
                    + "FROM records WHERE collection = ? AND key = ?")) {
                ps.setString(1, collection);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!user.covers(rs.getString(1))) {
                            forbidden(collection + "/" + key);
                        }
                        long version = rs.getLong(3);
                        if (version != base) {
                            ObjectNode conflict = conflicts.addObject();
                            conflict.put("entity", "record");
                            conflict.put("key", collection + "\t" + key);
                            conflict.put("version", version);
                            conflict.put("deleted", rs.getInt(4) != 0);
                            conflict.put("by", rs.getString(5));
                            conflict.put("at", rs.getLong(6));
                            ObjectNode theirs = conflict.putObject("theirs");
                            theirs.put("adcode", rs.getString(1));
                            String stored = rs.getString(2);
                            theirs.set("body", stored == null ? JSON.nullNode() : JSON.readTree(stored));
                            return;
                        }
                        try (PreparedStatement up = c.prepareStatement("UPDATE records SET adcode = ?, body = ?, deleted = ?, "
                                + "version = ?, seq = ?, updated_by = ?, updated_ms = ? WHERE collection = ? AND key = ?")) {
                            boolean delete = "D".equals(op);
                            up.setString(1, delete ? rs.getString(1) : adcode);
                            up.setString(2, delete ? rs.getString(2) : (body == null ? null : body.toString()));
                            up.setInt(3, delete ? 1 : 0);
                            up.setLong(4, version + 1);
                            up.setLong(5, seq++);
                            up.setString(6, user.name());
                            up.setLong(7, now);
                            up.setString(8, collection);
                            up.setString(9, key);
                            up.executeUpdate();
                        }
                        applied++;
                        return;
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new SQLException(e);
                }
            }
            if ("U".equals(op)) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO records(collection, key, adcode, body, deleted, "
                        + "version, seq, updated_by, updated_ms) VALUES (?, ?, ?, ?, 0, 1, ?, ?, ?)")) {
                    ins.setString(1, collection);
                    ins.setString(2, key);
                    ins.setString(3, adcode);
                    ins.setString(4, body == null ? null : body.toString());
                    ins.setLong(5, seq++);
                    ins.setString(6, user.name());
                    ins.setLong(7, now);
                    ins.executeUpdate();
                }
            }
            applied++;
        }

        // ---- readings

        /** A pushed reading: [station, parameter, t, value|null, flag, base, op]. */
        private record Pushed(String station, String parameter, long t, Double value, String flag, long base, boolean delete,
                              long key) {
        }

        void readings(JsonNode readings) throws SQLException {
            if (readings.isEmpty()) {
                return;
            }
            // parse, resolve ids, check scope; group by series
            TreeMap<Long, List<Pushed>> bySeries = new TreeMap<>();
            for (JsonNode r : readings) {
                if (!r.isArray() || r.size() < 7) {
                    throw new ApiException(400, "bad_request", "server.api.bad_field", "readings", "push");
                }
                String station = r.get(0).asText();
                String parameter = r.get(1).asText();
                if (!r.get(2).canConvertToLong()) {
                    throw new ApiException(400, "bad_request", "server.api.bad_field", "t", "reading");
                }
                long t = r.get(2).asLong();
                Double value = r.get(3).isNull() ? null : r.get(3).asDouble();
                String flag = r.get(4).asText("N");
                if (Flag.parse(flag) == null || flag.length() != 1 || !ReadingKey.inRange(t)) {
                    throw new ApiException(400, "bad_request", "server.api.bad_reading", station, parameter, t);
                }
                long stationId = stationId(station);
                long parameterId = parameterId(parameter);
                long key = ReadingKey.of(stationId, parameterId, t);
                bySeries.computeIfAbsent(key >>> 33, k -> new ArrayList<>())
                        .add(new Pushed(station, parameter, t, value, flag, r.get(5).asLong(0), "D".equals(r.get(6).asText()), key));
            }
            try (PreparedStatement existing = c.prepareStatement("SELECT id, version, value, flag, deleted, updated_by, "
                    + "updated_ms FROM readings WHERE id >= ? AND id <= ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO readings(id, station_id, parameter_id, t, value, "
                         + "flag, version, seq, deleted, updated_by, updated_ms) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE readings SET t = ?, value = ?, flag = ?, version = ?, "
                         + "seq = ?, deleted = ?, updated_by = ?, updated_ms = ? WHERE id = ?");
                 PreparedStatement history = c.prepareStatement("INSERT INTO reading_history(reading_id, version, value, "
                         + "flag, deleted, updated_by, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int inserts = 0;
                int updates = 0;
                for (List<Pushed> series : bySeries.values()) {
                    long lo = Long.MAX_VALUE;
                    long hi = Long.MIN_VALUE;
                    for (Pushed p : series) {
                        lo = Math.min(lo, p.key);
                        hi = Math.max(hi, p.key);
                    }
                    Map<Long, Object[]> current = new HashMap<>();
                    existing.setLong(1, lo);
                    existing.setLong(2, hi);
                    try (ResultSet rs = existing.executeQuery()) {
                        while (rs.next()) {
                            double v = rs.getDouble(3);
                            Double value = rs.wasNull() ? null : v;
                            current.put(rs.getLong(1), new Object[]{rs.getLong(2), value, rs.getString(4), rs.getInt(5),
                                    rs.getString(6), rs.getLong(7)});
                        }
                    }
                    for (Pushed p : series) {
                        Object[] cur = current.get(p.key);
                        if (cur == null) {
                            if (!p.delete) {
                                insert.setLong(1, p.key);
                                insert.setLong(2, p.key >>> 43);
                                insert.setLong(3, (p.key >>> 33) & 1023);
                                insert.setLong(4, p.t);
                                setValue(insert, 5, p.value);
                                insert.setString(6, p.flag);
                                insert.setLong(7, seq++);
                                insert.setInt(8, 0);
                                insert.setString(9, user.name());
                                insert.setLong(10, now);
                                insert.addBatch();
                                current.put(p.key, new Object[]{1L, p.value, p.flag, 0, user.name(), now});
                                if (++inserts % 2000 == 0) {
                                    insert.executeBatch();
                                }
                            }
                            applied++;
                            continue;
                        }
                        long version = (Long) cur[0];
                        boolean deletedThere = (Integer) cur[3] != 0;
                        if (version != p.base && (p.delete ? deletedThere
                                : !deletedThere && java.util.Objects.equals(p.value, cur[1]) && p.flag.equals(cur[2]))) {
                            same.addObject().put("entity", "reading").put("key", p.station + "\t" + p.parameter + "\t" + p.t)
                                    .put("version", version);
                            continue;
                        }
                        if (version != p.base) {
                            ObjectNode conflict = conflicts.addObject();
                            conflict.put("entity", "reading");
                            conflict.put("key", p.station + "\t" + p.parameter + "\t" + p.t);
                            conflict.put("version", version);
                            conflict.put("deleted", (Integer) cur[3] != 0);
                            conflict.put("by", (String) cur[4]);
                            conflict.put("at", (Long) cur[5]);
                            ObjectNode theirs = conflict.putObject("theirs");
                            if (cur[1] == null) {
                                theirs.putNull("value");
                            } else {
                                theirs.put("value", (Double) cur[1]);
                            }
                            theirs.put("flag", (String) cur[2]);
                            continue;
                        }
                        history.setLong(1, p.key);
                        history.setLong(2, version);
                        setValue(history, 3, (Double) cur[1]);
                        history.setString(4, (String) cur[2]);
                        history.setInt(5, (Integer) cur[3]);
                        history.setString(6, (String) cur[4]);
                        history.setLong(7, (Long) cur[5]);
                        history.addBatch();
                        update.setLong(1, p.t);
                        setValue(update, 2, p.delete ? (Double) cur[1] : p.value);
                        update.setString(3, p.delete ? (String) cur[2] : p.flag);
                        update.setLong(4, version + 1);
                        update.setLong(5, seq++);
                        update.setInt(6, p.delete ? 1 : 0);
                        update.setString(7, user.name());
                        update.setLong(8, now);
                        update.setLong(9, p.key);
                        update.addBatch();
                        current.put(p.key, new Object[]{version + 1, p.value, p.flag, p.delete ? 1 : 0, user.name(), now});
                        if (++updates % 2000 == 0) {
                            insert.executeBatch();
                            history.executeBatch();
                            update.executeBatch();
                        }
                        applied++;
                    }
                }
                insert.executeBatch();
                history.executeBatch();
                update.executeBatch();
            }
        }

        private static void setValue(PreparedStatement ps, int i, Double v) throws SQLException {
            if (v == null || v.isNaN()) {
                ps.setNull(i, Types.DOUBLE);
            } else {
                ps.setDouble(i, v);
            }
        }

        private long stationId(String code) throws SQLException {
            long[] known = stationIds.get(code);
            if (known == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, adcode FROM stations WHERE code = ?")) {
                    ps.setString(1, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new ApiException(422, "unknown_station", "server.api.unknown_station", code);
                        }
                        known = new long[]{rs.getLong(1), user.covers(rs.getString(2)) ? 1 : 0};
                    }
                }
                if (known[0] > ReadingKey.MAX_STATION) {
                    throw new ApiException(507, "too_many_stations", "server.api.too_many", "stations", ReadingKey.MAX_STATION);
                }
                stationIds.put(code, known);
            }
            if (known[1] == 0) {
                forbidden(code);
            }
            return known[0];
        }

        private long parameterId(String code) throws SQLException {
            Long id = parameterIds.get(code);
            if (id != null) {
                return id;
            }
            if (code == null || code.isBlank() || code.length() > 64) {
                throw new ApiException(400, "bad_request", "server.api.bad_field", "parameter", "reading");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM parameters WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO parameters(code) VALUES (?)")) {
                    ps.setString(1, code);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM parameters WHERE code = ?")) {
                    ps.setString(1, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
            }
            if (id > ReadingKey.MAX_PARAMETER) {
                throw new ApiException(507, "too_many_parameters", "server.api.too_many", "parameters", ReadingKey.MAX_PARAMETER);
            }
            parameterIds.put(code, id);
            return id;
        }
    }
}
