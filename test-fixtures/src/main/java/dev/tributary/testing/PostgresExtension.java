package dev.tributary.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a test class a fresh, empty PostgreSQL database on a running server, dropped after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresExtension POSTGRES = new PostgresExtension();
 * }</pre>
 *
 * <p>The server is expected at 127.0.0.1:5432 (system properties {@value #HOST_PROPERTY} and
 * {@value #PORT_PROPERTY} override that) with user {@code postgres} and trust authentication. When
 * it is not reachable the test class is skipped, except when the environment variable {@code CI}
 * is {@code true}: CI must have PostgreSQL, so there the class fails.
 *
 * <p>A {@code @Nested} class shares the database of its enclosing class.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String HOST_PROPERTY = "tributary.test.pg.host";
    public static final String PORT_PROPERTY = "tributary.test.pg.port";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExtension.class);
    private static final String USER = "postgres";
    private static final String PASSWORD = "";
    private static final String ADMIN_DATABASE = "postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final String host = System.getProperty(HOST_PROPERTY, "127.0.0.1");
    private final int port = Integer.getInteger(PORT_PROPERTY, 5432);
    private volatile String database;
    /** How many classes (an outer one and its nested ones) are using the database now. */
    private int users;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws SQLException {
        if (users++ > 0) {
            return;
        }
        String name = UniqueNames.withRandomSuffix("tributary_test_");
        try (Connection admin = connectToAdminDatabase(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (RuntimeException | SQLException e) {
            users--;
            throw e;
        }
        database = name;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException {
        if (--users > 0 || database == null) {
            return;
        }
        // FORCE ends the connections a test left open (a pool, a leaked connection) instead of failing.
        try (Connection admin = connectToAdminDatabase(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } finally {
            database = null;
        }
    }

    /** The JDBC URL of this test class's database. */
    public String jdbcUrl() {
        return url(databaseName());
    }

    public String user() {
        return USER;
    }

    /** Empty: the server trusts connections from the test machine. */
    public String password() {
        return PASSWORD;
    }

    /** The name of this test class's database, e.g. {@code tributary_test_3f9a0c12be4d}. */
    public String databaseName() {
        return Objects.requireNonNull(database,
                "The database is created in beforeAll: register PostgresExtension on a static field");
    }

    private String url(String databaseName) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    private Connection connectToAdminDatabase() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        try {
            return DriverManager.getConnection(url(ADMIN_DATABASE), props);
        } catch (SQLException e) {
            if (isConnectionFailure(e)) {
                handleUnreachable(e);
            }
            throw e;
        }
    }

    private void handleUnreachable(SQLException e) {
        String where = "PostgreSQL at " + host + ":" + port;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(where + " is not reachable, and CI must provide it ("
                    + e.getMessage() + ")", e);
        }
        String message = where + " is not reachable, so this test class is skipped (" + e.getMessage() + ")";
        // Surefire counts a class aborted in beforeAll as zero tests and prints no reason; this does.
        LOG.warn(message);
        Assumptions.abort(message);
    }

    /** SQLSTATE class 08 is "connection exception": nothing answered, as opposed to a refusal to log in. */
    private static boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }
}
