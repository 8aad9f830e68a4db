package org.ecomonitor.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log: one row per write (who, when, what, from where), written in the same transaction as the write,
 * so the log and the data never disagree.
 */
public final class AuditLog {

    private final ServerDatabase db;

    public AuditLog(ServerDatabase db) {
        this.db = db;
    }

    /** One audit row. */
    public record Entry(long atMs, String user, String action, String target, String detail, String address) {
    }

    void record(Connection c, String user, String action, String target, String detail, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log(at_ms, user_name, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, user);
            ps.setString(3, action);
            ps.setString(4, target);
            ps.setString(5, detail);
            ps.setString(6, address);
            ps.executeUpdate();
        }
    }

    /** The latest entries, newest first. */
    public List<Entry> latest(int limit) {
        return db.withConnection(c -> {
            List<Entry> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at_ms, user_name, action, target, detail, address FROM audit_log ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return list;
        });
    }
}
