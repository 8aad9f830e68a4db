package org.ecomonitor.sync;

import org.ecomonitor.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows with local changes still in the outbox, which a pull must not overwrite (their push will meet the
 * server's version and become a conflict, where the user chooses). Loaded once per pull; empty in the usual case,
 * since a sync pushes before it pulls.
 */
final class PendingKeys implements AutoCloseable {

    private final Connection connection;
    private final Set<Long> stationFids = new HashSet<>();
    private final Set<String> stationCodes = new HashSet<>();
    private final Set<Long> readingIds = new HashSet<>();
    private final Set<Long> recordRowids = new HashSet<>();
    private final Set<String> recordKeys = new HashSet<>();
    private final List<long[]> ranges = new ArrayList<>();   // lo, hi, import id
    private PreparedStatement importOf;

    PendingKeys(Connection connection, Outbox.Mark acked) {
        this.connection = connection;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT n, entity, op, row_id, row_end, import_id, key FROM sync_outbox WHERE n >= ?")) {
            ps.setLong(1, acked.entry());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) == acked.entry() && acked.key() == Outbox.Mark.WHOLE) {
                        continue;
                    }
                    boolean station = "station".equals(rs.getString(2));
                    if ("record".equals(rs.getString(2))) {
                        if ("D".equals(rs.getString(3))) {
                            recordKeys.add(rs.getString(7));
                        } else {
                            recordRowids.add(rs.getLong(4));
                        }
                        continue;
                    }
                    switch (rs.getString(3)) {
                        case "R" -> ranges.add(new long[]{rs.getLong(1) == acked.entry() ? acked.key() + 1 : rs.getLong(4),
                                rs.getLong(5), rs.getLong(6)});
                        case "D" -> {
                            if (station) {
                                stationCodes.add(rs.getString(7));
                            } else {
                                readingIds.add(rs.getLong(4));
                            }
                        }
                        default -> {
                            if (station) {
                                stationFids.add(rs.getLong(4));
                            } else {
                                readingIds.add(rs.getLong(4));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    boolean isEmpty() {
        return stationFids.isEmpty() && stationCodes.isEmpty() && readingIds.isEmpty() && ranges.isEmpty()
                && recordRowids.isEmpty() && recordKeys.isEmpty();
    }

    boolean record(long rowid, String key) {
        return recordRowids.contains(rowid) || recordKeys.contains(key);
    }

    boolean station(long fid, String code) {
        return stationFids.contains(fid) || stationCodes.contains(code);
    }

    boolean reading(long id) {
        if (readingIds.contains(id)) {
            return true;
        }
        for (long[] r : ranges) {
            if (id >= r[0] && id <= r[1] && importId(id) == r[2]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (importOf != null) {
            try {
                importOf.close();
            } catch (SQLException ignored) {
                // the statement is gone with the connection anyway
            }
            importOf = null;
        }
    }

    private long importId(long id) {
        try {
            if (importOf == null) {
                importOf = connection.prepareStatement("SELECT import_id FROM readings WHERE id = ?");
            }
            importOf.setLong(1, id);
            try (ResultSet rs = importOf.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Long.MIN_VALUE : v;
                }
                return Long.MIN_VALUE;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
