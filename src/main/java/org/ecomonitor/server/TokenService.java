package org.ecomonitor.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer tokens: 256 random bits, given to the client once; the database keeps only their SHA-256, the user,
 * and when they expire. A token is valid until it expires or is revoked (logout, password change, user disabled).
 * Kept in the database, so any server instance accepts a token another one issued.
 */
public final class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerDatabase db;
    private final UserDirectory users;
    private final Duration lifetime;

    public TokenService(ServerDatabase db, UserDirectory users, Duration lifetime) {
        this.db = db;
        this.users = users;
        this.lifetime = lifetime;
    }

    /** A token and when it expires (epoch ms). */
    public record Issued(String token, long expiresMs) {
    }

    public Issued issue(User user) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long now = System.currentTimeMillis();
        long expires = now + lifetime.toMillis();
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tokens(token_hash, user_id, issued_ms, expires_ms, revoked) VALUES (?, ?, ?, ?, 0)")) {
                ps.setString(1, hash(token));
                ps.setLong(2, user.id());
                ps.setLong(3, now);
                ps.setLong(4, expires);
                ps.executeUpdate();
            }
            // forget tokens that expired a day ago
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tokens WHERE expires_ms < ?")) {
                ps.setLong(1, now - 86_400_000L);
                ps.executeUpdate();
            }
            return null;
        });
        return new Issued(token, expires);
    }

    /** Why a token was not accepted. */
    public enum Refusal { UNKNOWN, EXPIRED, REVOKED, USER_DISABLED }

    /** The user of a valid token, or the reason it is refused. */
    public record Check(User user, Refusal refusal) {
    }

    public Check check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new Check(null, Refusal.UNKNOWN);
        }
        return db.withConnection(c -> {
            long userId;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_id, expires_ms, revoked FROM tokens WHERE token_hash = ?")) {
                ps.setString(1, hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Check(null, Refusal.UNKNOWN);
                    }
                    if (rs.getInt(3) != 0) {
                        return new Check(null, Refusal.REVOKED);
                    }
                    if (rs.getLong(2) <= System.currentTimeMillis()) {
                        return new Check(null, Refusal.EXPIRED);
                    }
                    userId = rs.getLong(1);
                }
            }
            Optional<User> user = users.byId(c, userId);
            if (user.isEmpty() || user.get().disabled()) {
                return new Check(null, Refusal.USER_DISABLED);
            }
            return new Check(user.get(), null);
        });
    }

    public void revoke(String token) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tokens SET revoked = 1 WHERE token_hash = ?")) {
                ps.setString(1, hash(token));
                ps.executeUpdate();
            }
            return null;
        });
    }

    static void revokeAll(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tokens SET revoked = 1 WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
