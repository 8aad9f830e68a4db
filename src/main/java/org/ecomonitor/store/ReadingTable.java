package org.ecomonitor.store;

import org.ecomonitor.model.Flag;
import org.ecomonitor.model.ReadingSeries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code readings} attribute table: station, parameter, instant (UTC epoch ms), value, HJ 212 flag and the
 * import it came from. The row id is the {@link ReadingKey} of (station, parameter, instant), so the table is
 * unique on those and stored series by series. Writing is an upsert: the same reading again changes nothing; a
 * corrected value or flag replaces the old one and the old one goes to {@code reading_revisions} (a trigger), so
 * the import log can say what was corrected.
 */
public final class ReadingTable {

    private static final Flag[] FLAGS = Flag.values();

    private final Connection connection;
    /** Prepared once: a trend window or an alarm evaluation asks for thousands of series. */
    private PreparedStatement seriesQuery;
    private PreparedStatement idsQuery;

    ReadingTable(Connection connection) {
        this.connection = connection;
    }

    public long count() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM readings")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Opens a batched upsert writer for one import (use inside a transaction). */
    public Writer writer(long importId) {
        return new Writer(importId);
    }

    /** What a writer did: rows it was given, new rows, corrected rows, rows that were already there unchanged. */
    public record WriteCounts(long submitted, long inserted, long updated, long unchanged) {
    }

    /**
     * Batched upserts with counts. The caller fills a buffer of primitive columns; a full buffer is written by a
     * background thread while the caller (parsing the next rows) fills the other one, so parsing and SQLite's
     * B-tree work overlap on two cores. The connection is only used by one thread at a time: before any other
     * use of the store the caller calls {@link #awaitWritten()}. Not thread-safe for several callers.
     */
    public final class Writer implements AutoCloseable {
        private static final int BATCH = 8192;
        private final long importId;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "readings-writer");
            t.setDaemon(true);
            return t;
        });
        private java.util.concurrent.Future<long[]> inFlight;
        private Buffer filling = new Buffer();
        private Buffer spare = new Buffer();
        private long submitted;
        private long inserted;
        private long updated;
        /** Per series (key >>> 33): the smallest and largest key written, for the sync outbox's range entries. */
        private final Map<Long, long[]> seriesRanges = new java.util.HashMap<>();

        private final class Buffer {
            final long[] station = new long[BATCH];
            final long[] parameter = new long[BATCH];
            final long[] instant = new long[BATCH];
            final double[] value = new double[BATCH];
            final Flag[] flag = new Flag[BATCH];
            int size;
        }

        private Writer(long importId) {
            this.importId = importId;
            try {
                insert = connection.prepareStatement("INSERT OR IGNORE INTO readings(id, station_id, parameter_id, t, value, "
                        + "flag, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
                update = connection.prepareStatement("UPDATE readings SET value = ?, flag = ?, import_id = ?, t = ? "
                        + "WHERE id = ? AND (value IS NOT ? OR flag IS NOT ?)");
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        /**
         * Adds one reading; NaN values are stored as NULL (a missing value that still carries its flag). The
         * instant must be {@link ReadingKey#inRange in range}.
         */
        public void add(long stationId, long parameterId, long instant, double value, Flag flag) {
            Buffer b = filling;
            int i = b.size;
            b.station[i] = stationId;
            b.parameter[i] = parameterId;
            b.instant[i] = instant;
            b.value[i] = value;
            b.flag[i] = flag;
            b.size = i + 1;
            submitted++;
            if (b.size == BATCH) {
                handOver();
            }
        }

        private void handOver() {
            awaitWritten();
            Buffer full = filling;
            filling = spare;
            spare = full;
            filling.size = 0;
            inFlight = background.submit(() -> write(full));
        }

        /** Inserts the new readings of a buffer, then corrects the existing ones that differ. */
        private long[] write(Buffer b) throws SQLException {
            long[] keys = new long[b.size];
            for (int i = 0; i < b.size; i++) {
                keys[i] = ReadingKey.of(b.station[i], b.parameter[i], b.instant[i]);
                insert.setLong(1, keys[i]);
                insert.setLong(2, b.station[i]);
                insert.setLong(3, b.parameter[i]);
                insert.setLong(4, b.instant[i]);
                setValue(insert, 5, b.value[i]);
                insert.setString(6, b.flag[i].name());
                insert.setLong(7, importId);
                insert.addBatch();
            }
            noteRanges(keys);
            int[] counts = insert.executeBatch();
            long added = 0;
            boolean anyExisting = false;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    added++;
                } else {
                    anyExisting = true;
                    setValue(update, 1, b.value[i]);
                    update.setString(2, b.flag[i].name());
                    update.setLong(3, importId);
                    update.setLong(4, b.instant[i]);
                    update.setLong(5, keys[i]);
                    setValue(update, 6, b.value[i]);
                    update.setString(7, b.flag[i].name());
                    update.addBatch();
                }
            }
            long corrected = 0;
            if (anyExisting) {
                for (int c : update.executeBatch()) {
                    corrected += Math.max(c, 0);
                }
            }
            return new long[]{added, corrected};
        }

        private void noteRanges(long[] keys) {
            long[] range = null;
            long series = -1;
            for (long key : keys) {
                long s = key >>> ReadingKey.TIME_BITS;
                if (s != series) {
                    series = s;
                    range = seriesRanges.computeIfAbsent(s, x -> new long[]{Long.MAX_VALUE, Long.MIN_VALUE});
                }
                if (key < range[0]) {
                    range[0] = key;
                }
                if (key > range[1]) {
                    range[1] = key;
                }
            }
        }

        /** One outbox entry per series written: the sync client pushes the rows of this import in each range. */
        private void recordInOutbox() throws SQLException {
            if (seriesRanges.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO sync_outbox(entity, op, row_id, row_end, import_id) VALUES ('reading', 'R', ?, ?, ?)")) {
                for (long[] r : seriesRanges.values().stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList()) {
                    ps.setLong(1, r[0]);
                    ps.setLong(2, r[1]);
                    ps.setLong(3, importId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            seriesRanges.clear();
        }

        private static void setValue(PreparedStatement ps, int index, double v) throws SQLException {
            if (Double.isNaN(v)) {
                ps.setNull(index, Types.REAL);
            } else {
                ps.setDouble(index, v);
            }
        }

        /** Waits until the batch being written in the background is in the store (rethrowing its failure). */
        public void awaitWritten() {
            if (inFlight == null) {
                return;
            }
            try {
                long[] r = inFlight.get();
                inserted += r[0];
                updated += r[1];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new StoreException(cause);
            } finally {
                inFlight = null;
            }
        }

        /** Writes what is buffered and counts; call before the transaction commits. */
        public WriteCounts finish() {
            try {
                awaitWritten();
                if (filling.size > 0) {
                    long[] r = write(filling);
                    inserted += r[0];
                    updated += r[1];
                    filling.size = 0;
                }
                recordInOutbox();
                return new WriteCounts(submitted, inserted, updated, submitted - inserted - updated);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        @Override
        public void close() {
            try {
                if (inFlight != null) {
                    inFlight.cancel(false);
                    try {
                        inFlight.get();
                    } catch (Exception ignored) {
                        // closing after a failure: the transaction rolls back anyway
                    }
                }
                background.shutdownNow();
                insert.close();
                update.close();
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }

    /**
     * One station's series of one parameter between two instants ({@code from} inclusive, {@code to} exclusive),
     * in time order. Empty arrays when the station or parameter is unknown.
     */
    public ReadingSeries series(String stationCode, String parameterCode, long from, long to) {
        long[] ids = ids(stationCode, parameterCode);
        if (ids == null || from >= to) {
            return new ReadingSeries(stationCode, parameterCode, new long[0], new double[0], new Flag[0]);
        }
        long[] t = new long[4096];
        double[] v = new double[4096];
        Flag[] f = new Flag[4096];
        int n = 0;
        try {
            if (seriesQuery == null) {
                // one JNI call per column and no wasNull() call: a NULL value comes back as +infinity (9e999),
                // the flag as its character code
                seriesQuery = connection.prepareStatement(
                        "SELECT t, ifnull(value, 9e999), unicode(flag) FROM readings WHERE id >= ? AND id < ? AND t >= ? AND t < ? ORDER BY id");
            }
            PreparedStatement ps = seriesQuery;
            ps.setLong(1, ReadingKey.lowerBound(ids[0], ids[1], from));
            ps.setLong(2, to >= ReadingKey.END_INSTANT ? ReadingKey.endOf(ids[0], ids[1]) : ReadingKey.lowerBound(ids[0], ids[1], to) + 1);
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == t.length) {
                        t = Arrays.copyOf(t, n * 2);
                        v = Arrays.copyOf(v, n * 2);
                        f = Arrays.copyOf(f, n * 2);
                    }
                    t[n] = rs.getLong(1);
                    double value = rs.getDouble(2);
                    v[n] = value == Double.POSITIVE_INFINITY ? Double.NaN : value;
                    f[n] = flagOf((char) rs.getInt(3));
                    n++;
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return new ReadingSeries(stationCode, parameterCode, Arrays.copyOf(t, n), Arrays.copyOf(v, n), Arrays.copyOf(f, n));
    }

    /** {station id, parameter id}, or null when either is unknown. */
    private long[] ids(String stationCode, String parameterCode) {
        try {
            if (idsQuery == null) {
                idsQuery = connection.prepareStatement(
                        "SELECT (SELECT fid FROM stations WHERE code = ?), (SELECT id FROM parameters WHERE code = ?)");
            }
            PreparedStatement ps = idsQuery;
            ps.setString(1, stationCode);
            ps.setString(2, parameterCode);
            try (ResultSet rs = ps.executeQuery()) {
                long s = rs.getLong(1);
                boolean noStation = rs.wasNull();
                long p = rs.getLong(2);
                return noStation || rs.wasNull() ? null : new long[]{s, p};
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The whole series of a station and parameter. */
    public ReadingSeries series(String stationCode, String parameterCode) {
        return series(stationCode, parameterCode, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static Flag flagOf(char c) {
        for (Flag fl : FLAGS) {
            if (fl.name().charAt(0) == c) {
                return fl;
            }
        }
        return Flag.N;
    }

    /** Readings per station kind and parameter: count, first and last instant. */
    public record Summary(String kind, String parameter, long count, long first, long last) {
    }

    public List<Summary> summary() {
        List<Summary> list = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT s.kind, p.code, sum(x.n), min(x.first), max(x.last) FROM "
                             + "(SELECT station_id, parameter_id, count(*) AS n, min(t) AS first, max(t) AS last "
                             + " FROM readings GROUP BY station_id, parameter_id) x "
                             + "JOIN stations s ON s.fid = x.station_id JOIN parameters p ON p.id = x.parameter_id "
                             + "GROUP BY s.kind, p.code ORDER BY s.kind, p.id")) {
            while (rs.next()) {
                list.add(new Summary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return list;
    }

    /** The latest reading of each parameter at a station: parameter code to {instant, value, flag}. */
    public Map<String, Object[]> latest(String stationCode) {
        Map<String, Object[]> latest = new LinkedHashMap<>();
        try (PreparedStatement station = connection.prepareStatement("SELECT fid FROM stations WHERE code = ?");
             Statement st = connection.createStatement();
             PreparedStatement last = connection.prepareStatement(
                     "SELECT t, value, flag FROM readings WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT 1")) {
            station.setString(1, stationCode);
            long sid;
            try (ResultSet rs = station.executeQuery()) {
                if (!rs.next()) {
                    return latest;
                }
                sid = rs.getLong(1);
            }
            try (ResultSet params = st.executeQuery("SELECT id, code FROM parameters ORDER BY id")) {
                while (params.next()) {
                    long pid = params.getLong(1);
                    last.setLong(1, ReadingKey.of(sid, pid, ReadingKey.MIN_INSTANT));
                    last.setLong(2, ReadingKey.endOf(sid, pid));
                    try (ResultSet rs = last.executeQuery()) {
                        if (rs.next()) {
                            double value = rs.getDouble(2);
                            latest.put(params.getString(2), new Object[]{rs.getLong(1), rs.wasNull() ? Double.NaN : value, rs.getString(3)});
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return latest;
    }

    /** Number of readings that were corrected (have an earlier revision). */
    public long revisionCount() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM reading_revisions")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
