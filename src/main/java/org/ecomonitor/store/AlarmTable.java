package org.ecomonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's alarms and alarm rules. An alarm is unique on (station, parameter, rule, start): evaluating the
 * same readings again extends it rather than raising it twice. Acknowledging records who, when and a comment.
 * Rules are kept as JSON (the analysis package's AlarmRule records), one row per rule id.
 */
public final class AlarmTable {

    private final Connection connection;
    /** Prepared once: an import of years of data raises thousands of alarms. */
    private PreparedStatement insert;
    private PreparedStatement extend;

    AlarmTable(Connection connection) {
        this.connection = connection;
    }

    /** A stored alarm. {@code args} are the message arguments as text. */
    public record Row(long id, String station, String parameter, String ruleId, String kind, long start, long end,
                      double value, String messageKey, List<String> args, long raised, String acknowledgedBy,
                      long acknowledged, String comment) {
        public boolean isOpen() {
            return acknowledged == 0;
        }
    }

    /** Stores an alarm, or extends the one with the same key; returns true when it is new. */
    public boolean put(String station, String parameter, String ruleId, String kind, long start, long end, double value,
                       String messageKey, List<String> args) {
        try {
            if (insert == null) {
                insert = connection.prepareStatement("INSERT OR IGNORE INTO alarms(station, parameter, rule_id, kind, start_ms, "
                        + "end_ms, value, message_key, args, raised_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                extend = connection.prepareStatement("UPDATE alarms SET end_ms = max(end_ms, ?), value = ?, args = ? "
                        + "WHERE station = ? AND parameter = ? AND rule_id = ? AND start_ms = ? AND (end_ms < ? OR value IS NOT ?)");
            }
            String joined = String.join("\u001f", args);
            insert.setString(1, station);
            insert.setString(2, parameter);
            insert.setString(3, ruleId);
            insert.setString(4, kind);
            insert.setLong(5, start);
            insert.setLong(6, end);
            setValue(insert, 7, value);
            insert.setString(8, messageKey);
            insert.setString(9, joined);
            insert.setLong(10, System.currentTimeMillis());
            if (insert.executeUpdate() == 1) {
                return true;
            }
            extend.setLong(1, end);
            setValue(extend, 2, value);
            extend.setString(3, joined);
            extend.setString(4, station);
            extend.setString(5, parameter);
            extend.setString(6, ruleId);
            extend.setLong(7, start);
            extend.setLong(8, end);
            setValue(extend, 9, value);
            extend.executeUpdate();
            return false;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static void setValue(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }

    public long count() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM alarms")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Alarms, newest first; only unacknowledged ones when {@code openOnly}; one station's when {@code station} is set. */
    public List<Row> list(boolean openOnly, String station, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, station, parameter, rule_id, kind, start_ms, end_ms, value, message_key, "
                + "args, raised_ms, acknowledged_by, coalesce(acknowledged_ms, 0), comment FROM alarms WHERE 1 = 1");
        if (openOnly) {
            sql.append(" AND acknowledged_ms IS NULL");
        }
        if (station != null) {
            sql.append(" AND station = ?");
        }
        sql.append(" ORDER BY start_ms DESC, id DESC LIMIT ?");
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int i = 1;
            if (station != null) {
                ps.setString(i++, station);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(8);
                    boolean noValue = rs.wasNull();
                    String args = rs.getString(10);
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getLong(7), noValue ? Double.NaN : v, rs.getString(9),
                            args == null || args.isEmpty() ? List.of() : List.of(args.split("\u001f", -1)),
                            rs.getLong(11), rs.getString(12), rs.getLong(13), rs.getString(14)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return rows;
    }

    /** Acknowledges an alarm; false when there is no alarm with that id. */
    public boolean acknowledge(long id, String user, String comment) {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE alarms SET acknowledged_by = ?, acknowledged_ms = ?, comment = ? WHERE id = ?")) {
            ps.setString(1, user);
            ps.setLong(2, System.currentTimeMillis());
            ps.setString(3, comment);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The stored rules: rule id to JSON definition, in insertion order (empty: the defaults apply). */
    public Map<String, String> rules() {
        Map<String, String> rules = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT rule_id, definition FROM alarm_rules ORDER BY id")) {
            while (rs.next()) {
                rules.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return rules;
    }

    /** Replaces all rules. */
    public void replaceRules(Map<String, String> definitions) {
        try (Statement st = connection.createStatement();
             PreparedStatement ps = connection.prepareStatement("INSERT INTO alarm_rules(rule_id, definition) VALUES (?, ?)")) {
            st.execute("DELETE FROM alarm_rules");
            for (Map.Entry<String, String> e : definitions.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
