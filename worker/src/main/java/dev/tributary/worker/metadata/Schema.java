package dev.tributary.worker.metadata;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The metadata store's tables, created or upgraded at start. The same SQL runs on H2 and PostgreSQL.
 *
 * <p>Every step is idempotent ({@code CREATE TABLE IF NOT EXISTS}, later {@code ALTER TABLE ... ADD
 * COLUMN IF NOT EXISTS}), so starting twice changes nothing and an upgrade appends steps: a released
 * step is never edited. Two processes starting at once can still collide inside the database
 * (PostgreSQL may report a duplicate type or relation for the loser of a concurrent create); a step
 * that fails is therefore checked again, and counts as done if its table now exists.
 */
final class Schema {

    private record Step(String table, String sql) {
    }

    private Schema() {
    }

    /** Creates or upgrades every table; each step is retried by {@code store} when the failure is transient. */
    static void createOrUpgrade(MetadataStore store) {
        for (Step step : steps(store.config())) {
            store.withHandle("create table " + step.table(), handle -> {
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
        return List.of(
                // committed_offset is Kafka's committed offset (the next event to read), null until the
                // first commit; owner_epoch rises by one with every claim and fences older owners.
                new Step(offsets, "CREATE TABLE IF NOT EXISTS " + offsets + " ("
                        + "consumer_group VARCHAR(255) NOT NULL, "
                        + "topic VARCHAR(255) NOT NULL, "
                        + "partition_id INTEGER NOT NULL, "
                        + "committed_offset BIGINT, "
                        + "owner_epoch BIGINT NOT NULL, "
                        + "owner VARCHAR(255) NOT NULL, "
                        + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "PRIMARY KEY (consumer_group, topic, partition_id))"),
                new Step(commits, "CREATE TABLE IF NOT EXISTS " + commits + " ("
                        + "commit_id VARCHAR(255) NOT NULL PRIMARY KEY, "
                        + "consumer_group VARCHAR(255) NOT NULL, "
                        + "topic VARCHAR(255) NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
    }

    private static void apply(Handle handle, Step step) {
        try {
            handle.execute(step.sql());
        } catch (JdbiException e) {
            if (SqlErrors.isTransient(e) || !exists(handle, step.table())) {
                throw e;
            }
        }
    }

    private static boolean exists(Handle handle, String table) {
        try {
            handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").mapTo(Long.class).one();
            return true;
        } catch (JdbiException e) {
            return false;
        }
    }
}
