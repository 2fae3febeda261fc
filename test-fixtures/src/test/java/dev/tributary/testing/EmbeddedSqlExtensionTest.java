package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedSqlExtensionTest {

    @RegisterExtension
    static final EmbeddedSqlExtension SQL = new EmbeddedSqlExtension();

    private static String enclosingClassUrl;

    @BeforeAll
    static void rememberTheEnclosingClassDatabase() {
        enclosingClassUrl = SQL.jdbcUrl();
    }

    @Test
    void shouldInsertAndSelectAcrossConnections() throws SQLException {
        try (Connection connection = connect(SQL); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL)");
            statement.execute("INSERT INTO events VALUES (1, 'first'), (2, 'second')");
        }
        // A second connection sees the rows: the database outlives the first connection.
        try (Connection connection = connect(SQL); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM events ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("first");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("second");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void shouldDiscardTheDatabaseAfterTheClass() throws SQLException {
        EmbeddedSqlExtension other = new EmbeddedSqlExtension();
        other.beforeAll(null);
        String url = other.jdbcUrl();
        try (Connection connection = connect(other); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE doomed (id INT)");
        }

        other.afterAll(null);

        try (Connection connection = DriverManager.getConnection(url, SQL.user(), SQL.password());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM doomed"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("DOOMED");
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void shouldGiveEachTestClassItsOwnDatabase() throws SQLException {
        EmbeddedSqlExtension other = new EmbeddedSqlExtension();
        other.beforeAll(null);
        try {
            assertThat(other.jdbcUrl()).isNotEqualTo(SQL.jdbcUrl());
        } finally {
            other.afterAll(null);
        }
    }

    @Nested
    class WhenNested {

        @Test
        void shouldShareTheDatabaseOfTheEnclosingClass() {
            assertThat(SQL.jdbcUrl()).isEqualTo(enclosingClassUrl);
        }
    }

    private static Connection connect(EmbeddedSqlExtension sql) throws SQLException {
        return DriverManager.getConnection(sql.jdbcUrl(), sql.user(), sql.password());
    }
}
