package org.ecomonitor.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.ecomonitor.i18n.UserException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The server's database: SQLite (one file, the embedded default for a single centre) or PostgreSQL (several
 * stateless server instances against one database), behind a HikariCP pool. Every query is a prepared statement;
 * the two dialects differ only in the few type names {@link Dialect} gives.
 * <p>
 * Spec: {@code sqlite:FILE}, {@code postgresql://HOST[:PORT]/DB?user=U&password=P} or any {@code jdbc:} URL of the
 * two drivers.
 */
public final class ServerDatabase implements AutoCloseable {

    /** The SQL dialects the server speaks. */
    public enum Dialect {
        SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER PRIMARY KEY"),
        POSTGRESQL("BIGSERIAL PRIMARY KEY", "BIGINT PRIMARY KEY");

        /** A generated 64-bit id column. */
        final String serialId;
        /** A 64-bit id column the server computes (SQLite: the rowid itself). */
        final String computedId;

        Dialect(String serialId, String computedId) {
            this.serialId = serialId;
            this.computedId = computedId;
        }
    }

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;

    private ServerDatabase(HikariDataSource pool, Dialect dialect, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
    }

    /** Opens the pool and migrates the schema to the current version. */
    public static ServerDatabase open(String spec) {
        ServerDatabase db = connect(spec);
        try {
            new ServerSchema(db).migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    static ServerDatabase connect(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new UserException("server.db.bad_spec", String.valueOf(spec));
        }
        String url;
        Dialect dialect;
        if (spec.startsWith("sqlite:")) {
            url = "jdbc:" + spec;
            dialect = Dialect.SQLITE;
        } else if (spec.startsWith("postgresql://") || spec.startsWith("postgres://")) {
            url = "jdbc:postgresql://" + spec.substring(spec.indexOf("://") + 3);
            dialect = Dialect.POSTGRESQL;
        } else if (spec.startsWith("jdbc:sqlite:")) {
            url = spec;
            dialect = Dialect.SQLITE;
        } else if (spec.startsWith("jdbc:postgresql:")) {
            url = spec;
            dialect = Dialect.POSTGRESQL;
        } else {
            throw new UserException("server.db.bad_spec", spec);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("ecomonitor-server");
        config.setInitializationFailTimeout(-1);
        if (dialect == Dialect.SQLITE) {
            config.setDriverClassName("org.sqlite.JDBC");
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "60000");
            config.addDataSourceProperty("foreign_keys", "true");
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            config.setMaximumPoolSize(8);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        String description = describe(spec);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
            try (Connection c = pool.getConnection()) {
                c.isValid(5);
            }
        } catch (SQLException | RuntimeException e) {
            throw new UserException(e, "server.db.unreachable", description, rootMessage(e));
        }
        return new ServerDatabase(pool, dialect, description);
    }

    /** The spec without a password, for messages and logs. */
    static String describe(String spec) {
        return spec.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public Dialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    /** SQL work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one read-committed transaction: committed when it returns, rolled back when it throws.
     * SQL failures come back as {@link ServerDatabaseException}; runtime exceptions (an {@link ApiException}) pass.
     */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ServerDatabaseException(e);
        }
    }

    /** Runs {@code work} in one read-only snapshot (repeatable read on PostgreSQL, a read transaction on SQLite). */
    public <T> T inSnapshot(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            if (dialect == Dialect.POSTGRESQL) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            }
            try {
                return work.run(c);
            } finally {
                c.rollback();
                if (dialect == Dialect.POSTGRESQL) {
                    c.setReadOnly(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ServerDatabaseException(e);
        }
    }

    /** Runs one statement (or several) outside a transaction. */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new ServerDatabaseException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A failure of the server database. */
    public static final class ServerDatabaseException extends UserException {
        ServerDatabaseException(Throwable cause) {
            super(cause, "server.db.failure", rootMessage(cause));
        }
    }
}
