package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;

class PostgresExtensionTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void shouldInsertAndSelectInAFreshDatabase() throws SQLException {
        assertThat(POSTGRES.databaseName()).startsWith("tributary_test_");
        try (Connection connection = connect(POSTGRES); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events (id INT PRIMARY KEY, name TEXT NOT NULL)");
            statement.execute("INSERT INTO events VALUES (1, 'first'), (2, 'second')");

            try (ResultSet rows = statement.executeQuery("SELECT id, name FROM events ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.getString(2)).isEqualTo("first");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("second");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void shouldDropItsDatabaseAfterTheClassEvenWithAConnectionLeftOpen() throws SQLException {
        PostgresExtension other = new PostgresExtension();
        other.beforeAll(null);
        String name = other.databaseName();
        try (Connection leaked = connect(other)) {
            assertThat(databaseExists(name)).isTrue();

            other.afterAll(null);

            assertThat(databaseExists(name)).isFalse();
            assertThat(leaked.isValid(5)).as("connection ended by DROP ... WITH (FORCE)").isFalse();
        }
    }

    @Test
    void shouldSkipOrFailWithAClearMessageWhenPostgresIsUnreachable() throws IOException {
        PostgresExtension unreachable = withPort(closedPort());
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));

        assertThatThrownBy(() -> unreachable.beforeAll(null))
                .isInstanceOf(ci ? IllegalStateException.class : TestAbortedException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:")
                .hasMessageContaining("is not reachable");
    }

    private static Connection connect(PostgresExtension postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection connection = connect(POSTGRES);
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static PostgresExtension withPort(int port) {
        String previous = System.getProperty(PostgresExtension.PORT_PROPERTY);
        System.setProperty(PostgresExtension.PORT_PROPERTY, Integer.toString(port));
        try {
            return new PostgresExtension();
        } finally {
            if (previous == null) {
                System.clearProperty(PostgresExtension.PORT_PROPERTY);
            } else {
                System.setProperty(PostgresExtension.PORT_PROPERTY, previous);
            }
        }
    }

    /** A port that nothing listens on: it was free a moment ago and is closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
