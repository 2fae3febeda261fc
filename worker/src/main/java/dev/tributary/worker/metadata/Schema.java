package dev.tributary.worker.metadata;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The metadata store's tables, created or upgraded at start. The same SQL runs on H2 and PostgreSQL.
 *
 * <p>Every step is idempotent ({@code CREATE TABLE IF NOT EXISTS}, {@code CREATE INDEX IF NOT EXISTS},
 * later {@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS}), so starting twice changes nothing and an
 * upgrade appends steps: a released step is never edited. Two processes starting at once can still
 * collide inside the database (PostgreSQL may report a duplicate type or relation for the loser of a
 * concurrent create, H2 a general error that the index "already exists"); a step that fails is
 * therefore checked again, and counts as done if its table or index now exists.
 *
 * <p>{@code "end"} is quoted in every statement: it is reserved in SQL. Quoted in lower case, it is
 * the same column on H2 (which keeps a quoted name's case) and PostgreSQL (which folds unquoted
 * names to lower case); the other names are never quoted.
 */
final class Schema {

    /**
     * One statement.
     *
     * @param what what it creates, for messages
     * @param done whether what it creates exists, which shows that a failed create was done by someone else
     */
    private record Step(String what, String sql, Predicate<Handle> done) {
        static Step table(String table, String sql) {
            return new Step("create table " + table, sql, handle -> tableExists(handle, table));
        }

        static Step index(String index, String table, String sql) {
            return new Step("create index " + index, sql, handle -> indexExists(handle, table, index));
        }
    }

    private Schema() {
    }

    /** Creates or upgrades every table; each step is retried by {@code store} when the failure is transient. */
    static void createOrUpgrade(MetadataStore store) {
        for (Step step : steps(store.config())) {
            store.withHandle(step.what(), handle -> {
                apply(handle, step);
                return null;
            });
        }
    }

    /** The statements, in order; tests use them to play a process that is creating the tables. */
    static List<String> statements(MetadataStoreConfig config) {
        return steps(config).stream().map(Step::sql).toList();
    }

    private static List<Step> steps(MetadataStoreConfig config) {
        String offsets = config.offsetsTable();
        String commits = config.commitsTable();
        String segments = config.segmentsTable();
        String pending = config.pendingSegmentsTable();
        return List.of(
                // committed_offset is Kafka's committed offset (the next event to read), null until the
                // first commit; owner_epoch rises by one with every claim and fences older owners.
                Step.table(offsets, "CREATE TABLE IF NOT EXISTS " + offsets + " ("
                        + "consumer_group VARCHAR(255) NOT NULL, "
                        + "topic VARCHAR(255) NOT NULL, "
                        + "partition_id INTEGER NOT NULL, "
                        + "committed_offset BIGINT, "
                        + "owner_epoch BIGINT NOT NULL, "
                        + "owner VARCHAR(255) NOT NULL, "
                        + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "PRIMARY KEY (consumer_group, topic, partition_id))"),
                Step.table(commits, "CREATE TABLE IF NOT EXISTS " + commits + " ("
                        + "commit_id VARCHAR(255) NOT NULL PRIMARY KEY, "
                        + "consumer_group VARCHAR(255) NOT NULL, "
                        + "topic VARCHAR(255) NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)"),
                // Druid's druid_segments: times are Druid's ISO text, payload the DataSegment JSON (TEXT
                // rather than Druid's bytes, so that it can be read with SQL).
                Step.table(segments, "CREATE TABLE IF NOT EXISTS " + segments + " ("
                        + "id VARCHAR(255) NOT NULL PRIMARY KEY, "
                        + "dataSource VARCHAR(255) NOT NULL, "
                        + "created_date VARCHAR(255) NOT NULL, "
                        + "start VARCHAR(255) NOT NULL, "
                        + "\"end\" VARCHAR(255) NOT NULL, "
                        + "partitioned BOOLEAN NOT NULL, "
                        + "version VARCHAR(255) NOT NULL, "
                        + "used BOOLEAN NOT NULL, "
                        + "payload TEXT NOT NULL)"),
                Step.index(segments + "_used", segments, "CREATE INDEX IF NOT EXISTS " + segments + "_used ON "
                        + segments + " (dataSource, used)"),
                // One row per allocated partition; the id is the segment id it will be published under.
                Step.table(pending, "CREATE TABLE IF NOT EXISTS " + pending + " ("
                        + "id VARCHAR(255) NOT NULL PRIMARY KEY, "
                        + "dataSource VARCHAR(255) NOT NULL, "
                        + "created_date VARCHAR(255) NOT NULL, "
                        + "start VARCHAR(255) NOT NULL, "
                        + "\"end\" VARCHAR(255) NOT NULL, "
                        + "sequence_name VARCHAR(255) NOT NULL, "
                        + "version VARCHAR(255) NOT NULL, "
                        + "partition_num INTEGER NOT NULL, "
                        + "UNIQUE (dataSource, start, \"end\", version, partition_num), "
                        + "UNIQUE (dataSource, start, \"end\", sequence_name))"));
    }

    private static void apply(Handle handle, Step step) {
        try {
            handle.execute(step.sql());
        } catch (JdbiException e) {
            if (SqlErrors.isTransient(e) || !step.done().test(handle)) {
                throw e;
            }
        }
    }

    private static boolean tableExists(Handle handle, String table) {
        try {
            handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").mapTo(Long.class).one();
            return true;
        } catch (JdbiException e) {
            return false;
        }
    }

    /**
     * Asked through JDBC's metadata, the one index catalog H2 and PostgreSQL share. Unquoted names are
     * stored in upper case by H2 and in lower case by PostgreSQL; the metadata says which.
     */
    static boolean indexExists(Handle handle, String table, String index) {
        try {
            Connection connection = handle.getConnection();
            DatabaseMetaData meta = connection.getMetaData();
            String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                    : meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            try (ResultSet indexes = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), stored,
                    false, true)) {
                while (indexes.next()) {
                    if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }
}
