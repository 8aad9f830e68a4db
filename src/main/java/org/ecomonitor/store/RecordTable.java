package org.ecomonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Synced records ({@code sync_records}): small JSON documents that other tools keep in a project and share through
 * the server, each named by a collection and a key, with the county (adcode) it belongs to, which decides who may
 * see it. Planned points of a layout design ({@code "layout_points"}), acknowledged alarms ({@code "alarm_acks"})
 * or features of a layer of one's own go here. Every change reaches the sync outbox by trigger.
 */
public final class RecordTable {

    private final Connection connection;

    RecordTable(Connection connection) {
        this.connection = connection;
    }

    /** One record: its JSON body as text. */
    public record Entry(String collection, String key, String adcode, String body) {
    }

    /** Inserts or replaces a record (use inside a transaction with the change it belongs to). */
    public void put(String collection, String key, String adcode, String jsonBody) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO sync_records(collection, key, adcode, body) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT(collection, key) DO UPDATE SET adcode = excluded.adcode, body = excluded.body "
                + "WHERE adcode IS NOT excluded.adcode OR body IS NOT excluded.body")) {
            ps.setString(1, collection);
            ps.setString(2, key);
            ps.setString(3, adcode);
            ps.setString(4, jsonBody);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public Optional<Entry> get(String collection, String key) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT collection, key, adcode, body FROM sync_records WHERE collection = ? AND key = ?")) {
            ps.setString(1, collection);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The records of a collection, by key. */
    public List<Entry> list(String collection) {
        List<Entry> list = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT collection, key, adcode, body FROM sync_records WHERE collection = ? ORDER BY key")) {
            ps.setString(1, collection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return list;
    }

    public boolean delete(String collection, String key) {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM sync_records WHERE collection = ? AND key = ?")) {
            ps.setString(1, collection);
            ps.setString(2, key);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
