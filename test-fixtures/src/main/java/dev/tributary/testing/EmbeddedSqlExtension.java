package dev.tributary.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a fresh in-memory H2 database, the embedded SQL store, discarded after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedSqlExtension SQL = new EmbeddedSqlExtension();
 * }</pre>
 *
 * <p>The database lives as long as the class, not as long as a connection, so tests may open and
 * close connections freely. A {@code @Nested} class shares the database of its enclosing class.
 */
public final class EmbeddedSqlExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String USER = "sa";
    private static final String PASSWORD = "";

    private volatile String jdbcUrl;
    /** How many classes (an outer one and its nested ones) are using the database now. */
    private int users;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (users++ > 0) {
            return;
        }
        // DB_CLOSE_DELAY=-1 keeps the database when its last connection closes; afterAll ends it.
        jdbcUrl = "jdbc:h2:mem:" + UniqueNames.withRandomSuffix("tributary_test_") + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException {
        if (--users > 0 || jdbcUrl == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            jdbcUrl = null;
        }
    }

    /** The JDBC URL of this test class's database. */
    public String jdbcUrl() {
        return Objects.requireNonNull(jdbcUrl,
                "The database is created in beforeAll: register EmbeddedSqlExtension on a static field");
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }
}
