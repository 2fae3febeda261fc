package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.testing.PostgresExtension;
import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schema creation racing another process on PostgreSQL, where DDL is transactional. */
class MetadataStorePostgresTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static MetadataStoreConfig config() {
        return new MetadataStoreConfig(StorageType.POSTGRESQL, POSTGRES.jdbcUrl(), POSTGRES.user(),
                POSTGRES.password(), "racing");
    }

    @Test
    void shouldOpenWhenAnotherProcessCreatedTheTablesWhileThisOneWasCreatingThem() throws Exception {
        try (Connection other = connect(); Connection monitor = connect()) {
            // The other process has created the tables in a transaction it has not committed yet ...
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                for (String sql : Schema.statements(config())) {
                    statement.execute(sql);
                }
            }
            CompletableFuture<MetadataStore> opening =
                    CompletableFuture.supplyAsync(() -> MetadataStore.open(config()));
            // ... so this one's CREATE TABLE IF NOT EXISTS sees no table, and waits on the other's lock ...
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock(monitor));
            // ... and when the other commits, fails on the duplicate name: the store must see the table and go on.
            other.commit();

            try (MetadataStore store = opening.get(30, TimeUnit.SECONDS)) {
                OffsetLedger ledger = store.offsetLedger();
                assertThat(ledger.claim("g", "t", List.of(0), "w").get(0).epoch()).isEqualTo(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(POSTGRES.jdbcUrl(), POSTGRES.user(), POSTGRES.password());
    }

    /** Whether a session waits for a lock. Asked in auto-commit: a transaction would see one frozen snapshot. */
    private static boolean waitingForALock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
