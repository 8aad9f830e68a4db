package org.ecomonitor.server;

import org.ecomonitor.i18n.UserException;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's users: names, roles, county scopes and password hashes (bcrypt, cost {@value #BCRYPT_COST} unless
 * the system property {@code ecomonitor.bcrypt.cost} says otherwise (4 to 31; tests use 4), a random salt per
 * password, from Spring Security's crypto module). Passwords are never stored or logged.
 * Disabling a user or changing a password revokes their tokens.
 */
public final class UserDirectory {

    static final int BCRYPT_COST = 10;
    private static final int COST = Math.max(4, Math.min(31, Integer.getInteger("ecomonitor.bcrypt.cost", BCRYPT_COST)));
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.@-]{1,64}");
    private static final Pattern ADCODE = Pattern.compile("\\d{6}");
    /** Checked when a login names no user, so the answer takes as long as for a wrong password. */
    private static final String DUMMY_HASH = BCrypt.hashpw("no such user", BCrypt.gensalt(COST));

    private final ServerDatabase db;
    private final AuditLog audit;

    public UserDirectory(ServerDatabase db) {
        this.db = db;
        this.audit = new AuditLog(db);
    }

    /** Adds a user; counties empty means all. */
    public User add(String name, Role role, Set<String> counties, char[] password, String by) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UserException("server.user.bad_name", String.valueOf(name));
        }
        for (String c : counties) {
            if (!ADCODE.matcher(c).matches()) {
                throw new UserException("server.user.bad_county", c);
            }
        }
        checkPassword(password);
        String hash = hash(password);
        return db.inTransaction(c -> {
            if (find(c, name).isPresent()) {
                throw new UserException("server.user.exists", name);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users(name, role, counties, password_hash, disabled, created_ms) VALUES (?, ?, ?, ?, 0, ?)")) {
                ps.setString(1, name);
                ps.setString(2, role.code());
                ps.setString(3, String.join(",", counties));
                ps.setString(4, hash);
                ps.setLong(5, System.currentTimeMillis());
                ps.executeUpdate();
            }
            audit.record(c, by, "user.add", name, role.code() + " " + (counties.isEmpty() ? "*" : String.join(",", counties)), null);
            return find(c, name).orElseThrow();
        });
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < 8) {
            throw new UserException("server.user.short_password", 8);
        }
        if (new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new UserException("server.user.long_password", 72);
        }
    }

    private static String hash(char[] password) {
        return BCrypt.hashpw(new String(password), BCrypt.gensalt(COST));
    }

    public List<User> list() {
        return db.withConnection(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, role, counties, disabled, created_ms FROM users ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(read(rs));
                }
            }
            return users;
        });
    }

    public Optional<User> find(String name) {
        return db.withConnection(c -> find(c, name));
    }

    Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, role, counties, disabled, created_ms FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    Optional<User> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, role, counties, disabled, created_ms FROM users WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static User read(ResultSet rs) throws SQLException {
        String counties = rs.getString(4);
        Set<String> set = counties == null || counties.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(counties.split(",")));
        Role role = Role.parse(rs.getString(3));
        return new User(rs.getLong(1), rs.getString(2), role == null ? Role.FIELD : role, set, rs.getInt(5) != 0, rs.getLong(6));
    }

    /** The user whose name and password these are, if enabled; empty otherwise (same work either way). */
    public Optional<User> authenticate(String name, char[] password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        String hash = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE name = ? AND disabled = 0")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        String candidate = new String(password);
        boolean ok;
        try {
            ok = BCrypt.checkpw(candidate, hash == null ? DUMMY_HASH : hash) && hash != null;
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        return ok ? find(name) : Optional.empty();
    }

    /** Disables a user and revokes their tokens. */
    public void disable(String name, String by) {
        db.inTransaction(c -> {
            User u = find(c, name).orElseThrow(() -> new UserException("server.user.unknown", name));
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = 1 WHERE id = ?")) {
                ps.setLong(1, u.id());
                ps.executeUpdate();
            }
            TokenService.revokeAll(c, u.id());
            audit.record(c, by, "user.disable", name, null, null);
            return null;
        });
    }

    /** Sets a new password and revokes the user's tokens. */
    public void setPassword(String name, char[] password, String by) {
        checkPassword(password);
        String hash = hash(password);
        db.inTransaction(c -> {
            User u = find(c, name).orElseThrow(() -> new UserException("server.user.unknown", name));
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, u.id());
                ps.executeUpdate();
            }
            TokenService.revokeAll(c, u.id());
            audit.record(c, by, "user.passwd", name, null, null);
            return null;
        });
    }
}
