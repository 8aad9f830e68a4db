package org.ecomonitor.sync;

import org.ecomonitor.store.ProjectStore;
import org.ecomonitor.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * What a project store remembers about its sync, in its {@code sync_state} table: the server and user, the token
 * (never the password), the client id the server knows this store by, the pull cursor, the last acknowledged push
 * mark and the batch in flight, the time of the last sync. Plain key/value rows, written inside the caller's
 * transaction when there is one.
 */
public final class SyncSettings {

    static final String SERVER = "server";
    static final String USER = "user";
    static final String TOKEN = "token";
    static final String TOKEN_EXPIRES = "token_expires";
    static final String CLIENT_ID = "client_id";
    static final String CURSOR = "cursor";
    static final String ACKED = "acked";
    static final String INFLIGHT = "inflight";
    static final String LAST_SYNC = "last_sync";
    static final String RECORDING = "recording";

    private final ProjectStore store;

    public SyncSettings(ProjectStore store) {
        this.store = store;
    }

    public Optional<String> get(String key) {
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void put(String key, String value) {
        Connection c = store.connection();
        try {
            if (value == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_state WHERE key = ?")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The server URL and user name set for this store, if any. */
    public Optional<String> server() {
        return get(SERVER);
    }

    public Optional<String> user() {
        return get(USER);
    }

    /** Sets server and user; a change of either forgets the token (and a change of server the cursor and marks). */
    public void configure(String server, String user) {
        store.inTransaction(() -> {
            boolean newServer = !server.equals(server().orElse(null));
            if (newServer || !user.equals(user().orElse(null))) {
                put(TOKEN, null);
                put(TOKEN_EXPIRES, null);
            }
            if (newServer && server().isPresent()) {
                put(CURSOR, null);
                put(ACKED, null);
                put(INFLIGHT, null);
                put(CLIENT_ID, null);
            }
            put(SERVER, server);
            put(USER, user);
            return null;
        });
    }

    /** The stored token while it has not expired. */
    public Optional<String> token() {
        Optional<String> expires = get(TOKEN_EXPIRES);
        if (expires.isPresent() && Long.parseLong(expires.get()) <= System.currentTimeMillis()) {
            return Optional.empty();
        }
        return get(TOKEN);
    }

    public void token(String token, long expiresMs) {
        store.inTransaction(() -> {
            put(TOKEN, token);
            put(TOKEN_EXPIRES, token == null ? null : Long.toString(expiresMs));
            return null;
        });
    }

    /** The id the server knows this store by (created on first use). */
    public String clientId() {
        Optional<String> id = get(CLIENT_ID);
        if (id.isPresent()) {
            return id.get();
        }
        String created = UUID.randomUUID().toString();
        store.inTransaction(() -> {
            put(CLIENT_ID, created);
            return null;
        });
        return created;
    }

    /** Epoch ms of the last complete sync, or 0. */
    public long lastSync() {
        return get(LAST_SYNC).map(Long::parseLong).orElse(0L);
    }
}
