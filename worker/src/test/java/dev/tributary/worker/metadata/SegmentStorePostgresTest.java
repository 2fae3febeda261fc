package dev.tributary.worker.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PostgresExtension;
import dev.tributary.worker.metadata.MetadataStoreConfig.StorageType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The segment store's contract on PostgreSQL (skipped where no server runs, except in CI). */
class SegmentStorePostgresTest extends SegmentStoreContract {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    MetadataStoreConfig config(String tablesBase) {
        return new MetadataStoreConfig(StorageType.POSTGRESQL, POSTGRES.jdbcUrl(), POSTGRES.user(),
                POSTGRES.password(), tablesBase);
    }

    /**
     * A trigger whose first run terminates its own backend, so that the insert's transaction is lost
     * with its connection (SQLSTATE 57P01). A sequence counts the runs: unlike a table, it is not
     * rolled back with the transaction.
     */
    @Override
    Callable<Integer> failTheNextInsertOnce(String table) throws SQLException {
        String name = unique("fail_first_insert");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE " + name);
            statement.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF nextval('" + name + "') = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
                    + " RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        }
        return () -> {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + name)) {
                rows.next();
                return rows.getInt(1);
            }
        };
    }

    @Test
    void shouldPublishOnceWhenTheStoresConnectionsAreTerminatedJustBefore() throws SQLException {
        DataSegment segment = segment(HOUR, 0);
        segments.isPublished(segment.id()); // the pool now holds a connection used a moment ago

        try (Connection admin = connect(); Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rows.next();
            assertThat(rows.getLong(1)).as("backends terminated").isPositive();
        }

        assertThat(segments.publish(segment)).isTrue();
        assertThat(rowsWithId(store.config().segmentsTable(), segment.id())).isEqualTo(1);
        assertThat(segments.isPublished(segment.id())).isTrue();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(POSTGRES.jdbcUrl(), POSTGRES.user(), POSTGRES.password());
    }
}
