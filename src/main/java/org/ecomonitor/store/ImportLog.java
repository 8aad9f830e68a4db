package org.ecomonitor.store;

import org.ecomonitor.model.Rejection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code import_log} and {@code import_rejections} tables: one row per import with its counts, and the
 * rows it rejected (up to {@link #MAX_STORED_REJECTIONS} per import; the count is always complete).
 */
public final class ImportLog {

    public static final int MAX_STORED_REJECTIONS = 10_000;

    private final Connection connection;

    ImportLog(Connection connection) {
        this.connection = connection;
    }

    /** An import's row. */
    public record Entry(long id, long startedMs, long finishedMs, String source, String format, String status,
                        long stations, long features, long rowsRead, long inserted, long updated, long unchanged,
                        long rejected, String user, String message) {
    }

    /** Starts an entry with status "running" and returns its id (inside the import's transaction). */
    public long begin(String source, String format, String user) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO import_log(started_ms, source, format, status, user_name) VALUES (?, ?, ?, 'running', ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, source);
            ps.setString(3, format);
            ps.setString(4, user);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Completes an entry with its counts. */
    public void finish(long id, String status, long stations, long features, long rowsRead, long inserted, long updated,
                       long unchanged, long rejected, String message) {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE import_log SET finished_ms = ?, status = ?, stations = ?, features = ?, rows_read = ?, inserted = ?, "
                        + "updated = ?, unchanged = ?, rejected = ?, message = ? WHERE id = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, status);
            ps.setLong(3, stations);
            ps.setLong(4, features);
            ps.setLong(5, rowsRead);
            ps.setLong(6, inserted);
            ps.setLong(7, updated);
            ps.setLong(8, unchanged);
            ps.setLong(9, rejected);
            ps.setString(10, message);
            ps.setLong(11, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Stores rejected rows of an import (the first {@link #MAX_STORED_REJECTIONS}). */
    public void addRejections(long importId, List<Rejection> rejections) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO import_rejections(import_id, file, line, column_name, reason, args) VALUES (?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Rejection r : rejections) {
                if (n++ >= MAX_STORED_REJECTIONS) {
                    break;
                }
                ps.setLong(1, importId);
                ps.setString(2, r.file());
                ps.setLong(3, r.line());
                ps.setString(4, r.column());
                ps.setString(5, r.reasonKey());
                ps.setString(6, String.join("\u001f", r.args()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, started_ms, coalesce(finished_ms, 0), source, format, status, stations, "
                     + "features, rows_read, inserted, updated, unchanged, rejected, user_name, message FROM import_log ORDER BY id")) {
            while (rs.next()) {
                list.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        rs.getLong(12), rs.getLong(13), rs.getString(14), rs.getString(15)));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return list;
    }

    public List<Rejection> rejections(long importId) {
        List<Rejection> list = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT file, line, column_name, reason, args FROM import_rejections WHERE import_id = ? ORDER BY id")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String args = rs.getString(5);
                    list.add(new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            args == null || args.isEmpty() ? List.of() : List.of(args.split("\u001f", -1))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return list;
    }
}
