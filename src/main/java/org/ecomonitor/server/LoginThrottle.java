package org.ecomonitor.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Login rate limiting: after {@value #MAX_PER_NAME} failed logins for one user name, or {@value #MAX_PER_ADDRESS}
 * from one address, within {@link #WINDOW_MS} ms, further attempts are refused (429 with Retry-After) until the
 * oldest failure leaves the window. Failures are kept in the database, so the limit holds across server instances.
 */
public final class LoginThrottle {

    static final int MAX_PER_NAME = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final long WINDOW_MS = 5 * 60_000L;

    private final ServerDatabase db;

    public LoginThrottle(ServerDatabase db) {
        this.db = db;
    }

    /** Seconds to wait before the next attempt, or 0 when one may be made now. */
    public long waitSeconds(String name, String address) {
        long now = System.currentTimeMillis();
        long since = now - WINDOW_MS;
        return db.withConnection(c -> {
            long wait = 0;
            for (String[] q : new String[][]{{"name", name, Integer.toString(MAX_PER_NAME)},
                    {"address", address, Integer.toString(MAX_PER_ADDRESS)}}) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(at_ms) FROM login_failures WHERE "
                        + ("name".equals(q[0]) ? "name" : "address") + " = ? AND at_ms > ?")) {
                    ps.setString(1, q[1]);
                    ps.setLong(2, since);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getLong(1) >= Integer.parseInt(q[2])) {
                            wait = Math.max(wait, (rs.getLong(2) + WINDOW_MS - now) / 1000 + 1);
                        }
                    }
                }
            }
            return wait;
        });
    }

    public void failed(String name, String address) {
        long now = System.currentTimeMillis();
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_failures(name, address, at_ms) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, address);
                ps.setLong(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE at_ms < ?")) {
                ps.setLong(1, now - 2 * WINDOW_MS);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void succeeded(String name) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
