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
 * import it came from, unique on (station, parameter, instant). Writing is an upsert: the same reading again
 * changes nothing; a corrected value or flag replaces the old one and the old one goes to
 * {@code reading_revisions} (a trigger), so the import log can say what was corrected.
 */
public final class ReadingTable {

    private static final Flag[] FLAGS = Flag.values();

    private final Connection connection;

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

    long maxId() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM readings")) {
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
        private final PreparedStatement ps;
        private final long maxIdBefore;
        private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "readings-writer");
            t.setDaemon(true);
            return t;
        });
        private java.util.concurrent.Future<Long> inFlight;
        private Buffer filling = new Buffer();
        private Buffer spare = new Buffer();
        private long submitted;
        private long changed;

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
            this.maxIdBefore = maxId();
            try {
                ps = connection.prepareStatement(
                        "INSERT INTO readings(station_id, parameter_id, t, value, flag, import_id) VALUES (?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT(station_id, parameter_id, t) DO UPDATE SET value = excluded.value, "
                                + "flag = excluded.flag, import_id = excluded.import_id "
                                + "WHERE readings.value IS NOT excluded.value OR readings.flag IS NOT excluded.flag");
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        /** Adds one reading; NaN values are stored as NULL (a missing value that still carries its flag). */
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

        private long write(Buffer b) throws SQLException {
            for (int i = 0; i < b.size; i++) {
                ps.setLong(1, b.station[i]);
                ps.setLong(2, b.parameter[i]);
                ps.setLong(3, b.instant[i]);
                if (Double.isNaN(b.value[i])) {
                    ps.setNull(4, Types.REAL);
                } else {
                    ps.setDouble(4, b.value[i]);
                }
                ps.setString(5, b.flag[i].name());
                ps.setLong(6, importId);
                ps.addBatch();
            }
            long n = 0;
            for (int c : ps.executeBatch()) {
                n += Math.max(c, 0);
            }
            return n;
        }

        /** Waits until the batch being written in the background is in the store (rethrowing its failure). */
        public void awaitWritten() {
            if (inFlight == null) {
                return;
            }
            try {
                changed += inFlight.get();
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
                    changed += write(filling);
                    filling.size = 0;
                }
                long inserted;
                try (PreparedStatement c = connection.prepareStatement("SELECT count(*) FROM readings WHERE id > ?")) {
                    c.setLong(1, maxIdBefore);
                    try (ResultSet rs = c.executeQuery()) {
                        inserted = rs.next() ? rs.getLong(1) : 0;
                    }
                }
                long updated = Math.max(0, changed - inserted);
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
                ps.close();
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
        long[] t = new long[1024];
        double[] v = new double[1024];
        Flag[] f = new Flag[1024];
        int n = 0;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT r.t, r.value, r.flag FROM readings r "
                        + "WHERE r.station_id = (SELECT fid FROM stations WHERE code = ?) "
                        + "AND r.parameter_id = (SELECT id FROM parameters WHERE code = ?) AND r.t >= ? AND r.t < ? ORDER BY r.t")) {
            ps.setString(1, stationCode);
            ps.setString(2, parameterCode);
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
                    v[n] = rs.wasNull() ? Double.NaN : value;
                    String flag = rs.getString(3);
                    f[n] = flag != null && flag.length() == 1 ? flagOf(flag.charAt(0)) : Flag.N;
                    n++;
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return new ReadingSeries(stationCode, parameterCode, Arrays.copyOf(t, n), Arrays.copyOf(v, n), Arrays.copyOf(f, n));
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
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT p.code, r.t, r.value, r.flag FROM parameters p JOIN readings r ON r.parameter_id = p.id "
                        + "AND r.station_id = (SELECT fid FROM stations WHERE code = ?1) "
                        + "AND r.t = (SELECT max(t) FROM readings WHERE station_id = r.station_id AND parameter_id = p.id) "
                        + "ORDER BY p.id")) {
            ps.setString(1, stationCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    latest.put(rs.getString(1), new Object[]{rs.getLong(2), rs.wasNull() ? Double.NaN : value, rs.getString(4)});
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
