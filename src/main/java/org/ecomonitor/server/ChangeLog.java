package org.ecomonitor.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The change log: every synced row carries the sequence number of its latest change ({@code seq}), handed out by
 * {@link #allocate} from one counter row. A push takes its numbers with an UPDATE of that row, which holds the
 * row's lock until the push commits: pushes are serialized (across server instances too), so sequence numbers
 * become visible in increasing order and a pull that has read up to {@code n} will never later find a change
 * numbered below {@code n} (no change is skipped by a cursor).
 * <p>
 * {@link #pull} streams the changes after a cursor, in one snapshot, as newline-separated JSON (see
 * {@code org/ecomonitor/sync/PROTOCOL.md}): stations, then records, then readings, each in sequence order, with a
 * cursor line every {@code page} items (the client commits each page with its cursor) and an end line. Rows outside
 * the user's counties are left out. Memory stays flat: rows go from the result set to the output stream.
 */
public final class ChangeLog {

    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    private final ServerDatabase db;

    public ChangeLog(ServerDatabase db) {
        this.db = db;
    }

    /** Takes {@code count} sequence numbers (inside the caller's transaction); returns the first. */
    static long allocate(Connection c, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_counter SET value = value + ? WHERE id = 1")) {
            ps.setLong(1, Math.max(count, 1));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM sync_counter WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) - Math.max(count, 1) + 1;
        }
    }

    /** The last sequence number handed out. */
    public long head() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM sync_counter WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /** What a pull sent. */
    public record PullSummary(long stations, long records, long readings, PullCursor cursor, boolean more) {
    }

    /**
     * Writes the changes after {@code from} visible to {@code user}: at most {@code limit} items, a cursor line
     * after every {@code page} items and at the end.
     */
    public PullSummary pull(User user, PullCursor from, int page, long limit, OutputStream out) {
        return db.inSnapshot(c -> {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                Writer w = new Writer(g, page, limit, from);
                stations(c, user, w);
                if (!w.full()) {
                    records(c, user, w);
                }
                if (!w.full()) {
                    readings(c, user, w);
                }
                w.end();
                g.writeRaw('\n');
                return new PullSummary(w.stationCount, w.recordCount, w.readingCount, w.cursor(), w.full());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Counts items, writes cursor lines, stops at the limit. */
    private static final class Writer {
        final JsonGenerator g;
        final int page;
        final long limit;
        long s;
        long r;
        long x;
        long items;
        long stationCount;
        long recordCount;
        long readingCount;
        long inPage;

        Writer(JsonGenerator g, int page, long limit, PullCursor from) {
            this.g = g;
            this.page = page;
            this.limit = limit;
            this.s = from.stations();
            this.r = from.records();
            this.x = from.readings();
        }

        boolean full() {
            return items >= limit;
        }

        PullCursor cursor() {
            return new PullCursor(s, r, x);
        }

        /** After an item (or a skipped row) whose cursor position moved: maybe a cursor line. */
        void counted(boolean sent) throws IOException {
            if (sent) {
                items++;
                inPage++;
            }
            if (inPage >= page) {
                cursorLine();
            }
        }

        void cursorLine() throws IOException {
            g.writeStartObject();
            g.writeStringField("t", "cursor");
            g.writeStringField("cursor", cursor().toString());
            g.writeEndObject();
            inPage = 0;
        }

        void end() throws IOException {
            if (inPage > 0 || items == 0) {
                cursorLine();
            }
            g.writeStartObject();
            g.writeStringField("t", "end");
            g.writeStringField("cursor", cursor().toString());
            g.writeBooleanField("more", full());
            g.writeEndObject();
        }
    }

    private static void stations(Connection c, User user, Writer w) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("SELECT code, kind, name, lon, lat, adcode, zone, attributes, version, "
                + "deleted, updated_by, updated_ms, seq FROM stations WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, w.s);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (!w.full() && rs.next()) {
                    boolean visible = user.covers(rs.getString(6));
                    if (visible) {
                        JsonGenerator g = w.g;
                        g.writeStartObject();
                        g.writeStringField("t", "station");
                        g.writeStringField("code", rs.getString(1));
                        g.writeNumberField("v", rs.getLong(9));
                        g.writeBooleanField("del", rs.getInt(10) != 0);
                        g.writeStringField("by", rs.getString(11));
                        g.writeNumberField("at", rs.getLong(12));
                        g.writeObjectFieldStart("data");
                        StationRow.writeData(g, rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                                rs.getString(6), rs.getString(7), rs.getString(8));
                        g.writeEndObject();
                        g.writeEndObject();
                        w.stationCount++;
                    }
                    w.s = rs.getLong(13);
                    w.counted(visible);
                }
            }
        }
    }

    private static void records(Connection c, User user, Writer w) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("SELECT collection, key, adcode, body, version, deleted, updated_by, "
                + "updated_ms, seq FROM records WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, w.r);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (!w.full() && rs.next()) {
                    boolean visible = user.covers(rs.getString(3));
                    if (visible) {
                        JsonGenerator g = w.g;
                        g.writeStartObject();
                        g.writeStringField("t", "record");
                        g.writeStringField("collection", rs.getString(1));
                        g.writeStringField("key", rs.getString(2));
                        g.writeStringField("adcode", rs.getString(3));
                        g.writeNumberField("v", rs.getLong(5));
                        g.writeBooleanField("del", rs.getInt(6) != 0);
                        g.writeStringField("by", rs.getString(7));
                        g.writeNumberField("at", rs.getLong(8));
                        g.writeFieldName("body");
                        String body = rs.getString(4);
                        g.writeRawValue(body == null || body.isBlank() ? "{}" : body);
                        g.writeEndObject();
                        w.recordCount++;
                    }
                    w.r = rs.getLong(9);
                    w.counted(visible);
                }
            }
        }
    }

    /**
     * Readings after the cursor, each row formatted as its JSON array by the database itself (SQLite json_array,
     * PostgreSQL json_build_array): one text column a row instead of eight, and no per-row work in Java.
     */
    private void readings(Connection c, User user, Writer w) throws SQLException, IOException {
        String array = db.dialect() == ServerDatabase.Dialect.POSTGRESQL ? "json_build_array" : "json_array";
        StringBuilder sql = new StringBuilder("SELECT r.seq, " + array + "(s.code, p.code, r.t, r.value, r.flag, r.version, "
                + "r.deleted)" + (db.dialect() == ServerDatabase.Dialect.POSTGRESQL ? "::text" : "")
                + " FROM readings r CROSS JOIN stations s CROSS JOIN parameters p "
                + "WHERE r.seq > ? AND s.id = r.station_id AND p.id = r.parameter_id");
        if (!user.allCounties()) {
            sql.append(" AND s.adcode IN (").append("?,".repeat(user.counties().size()), 0, user.counties().size() * 2 - 1).append(")");
        }
        sql.append(" ORDER BY r.seq");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, w.x);
            int i = 2;
            for (String county : user.counties()) {
                ps.setString(i++, county);
            }
            ps.setFetchSize(5000);
            JsonGenerator g = w.g;
            try (ResultSet rs = ps.executeQuery()) {
                while (!w.full() && rs.next()) {
                    w.x = rs.getLong(1);
                    g.writeRawValue(rs.getString(2));
                    w.readingCount++;
                    w.counted(true);
                }
            }
        }
    }
}
