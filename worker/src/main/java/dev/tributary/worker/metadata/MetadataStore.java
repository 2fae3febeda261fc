package dev.tributary.worker.metadata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL metadata store: a small connection pool to H2 or PostgreSQL, with the tables created or
 * upgraded when it opens. Components get their view of it from here ({@link #offsetLedger()},
 * {@link #segmentStore()}), and run every unit of work as one transaction.
 *
 * <p>Transient failures (connection refused or lost, serialization failures, deadlocks, lock
 * timeouts; see {@link SqlErrors}) are retried with bounded exponential backoff by
 * {@link RetryPolicy}; the whole transaction runs again, so a unit of work must decide everything
 * from what it reads inside it. Anything else fails at once with a {@link MetadataStoreException}.
 *
 * <p>Thread-safe: any number of threads may use one store. {@link #close()} ends the pool; work still
 * running then fails.
 */
public final class MetadataStore implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataStore.class);
    private static final int MAX_CONNECTIONS = 4;

    private final MetadataStoreConfig config;
    private final RetryPolicy retry;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private MetadataStore(MetadataStoreConfig config, RetryPolicy retry, HikariDataSource dataSource) {
        this.config = config;
        this.retry = retry;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MetadataStore::withoutBoundValues);
    }

    /**
     * The message of a failed statement: the driver's words and the SQL as written, with its named
     * parameters but not their values. JDBI's default adds the bound values, which would carry segment
     * payloads and whatever else a caller binds into every log line and error message.
     */
    private static String withoutBoundValues(StatementException e) {
        StatementContext context = e.getStatementContext();
        String sql = context == null ? null : context.getRawSql();
        return sql == null ? e.getShortMessage() : e.getShortMessage() + " [statement: \"" + sql + "\"]";
    }

    /** Opens the store with {@link RetryPolicy#DEFAULT} and creates or upgrades its tables. */
    public static MetadataStore open(MetadataStoreConfig config) {
        return open(config, RetryPolicy.DEFAULT);
    }

    /**
     * Opens the store and creates or upgrades its tables (see {@link Schema}); safe to call from
     * several processes at once.
     *
     * @throws MetadataStoreException if the database cannot be reached within {@code retry}, refuses
     *     the login, or refuses to create the tables
     */
    public static MetadataStore open(MetadataStoreConfig config, RetryPolicy retry) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(retry, "retry");
        MetadataStore store = new MetadataStore(config, retry, pool(config, retry));
        try {
            Schema.createOrUpgrade(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        LOG.info("metadata store ready: {} at {}, tables {}_*", config.type().configName(), config.redactedUri(),
                config.tablesBase());
        return store;
    }

    private static HikariDataSource pool(MetadataStoreConfig config, RetryPolicy retry) {
        try {
            return new HikariDataSource(poolConfig(config, retry));
        } catch (RuntimeException e) {
            // No driver takes the URL (a typo in it, usually); nothing was tried, so nothing is retried.
            throw new MetadataStoreException(config.type().configName() + " metadata store: "
                    + MetadataStoreConfig.CONNECT_URI.name() + " '" + config.redactedUri() + "' cannot be used ("
                    + config.redact(e.getMessage()) + "). Check its form, e.g. "
                    + (config.type() == MetadataStoreConfig.StorageType.POSTGRESQL
                            ? "jdbc:postgresql://db.example.com:5432/druid"
                            : "jdbc:h2:file:/var/lib/tributary/metadata")
                    + ".", e, false);
        }
    }

    private static HikariConfig poolConfig(MetadataStoreConfig config, RetryPolicy retry) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tributary-metadata");
        pool.setJdbcUrl(config.connectUri());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(MAX_CONNECTIONS);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(retry.connectionTimeout().toMillis());
        // Do not connect in the constructor: an unreachable database is a transient failure that the
        // first operation's retries handle, with a message that says what to do.
        pool.setInitializationFailTimeout(-1);
        // The ledger's compare-and-set updates rely on READ COMMITTED re-reading a row it waited for.
        // Every transaction gets it from here (see inTransaction).
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return pool;
    }

    /** The per-partition offset ledger in this store. */
    public OffsetLedger offsetLedger() {
        return new JdbiOffsetLedger(this);
    }

    /** The segments and pending segments (partition allocations) in this store. */
    public SegmentStore segmentStore() {
        return new JdbiSegmentStore(this);
    }

    public MetadataStoreConfig config() {
        return config;
    }

    /**
     * Runs {@code work} as one READ COMMITTED transaction, committed when it returns (unless it rolled
     * back) and rolled back when it throws. A transient failure runs it again after a backoff. So does,
     * at once, a unique-key violation: the store's writes insert a key only after finding it absent in
     * the same transaction, so the violation means a concurrent writer inserted it, and the next run
     * sees that row. Both count against {@link RetryPolicy#maxAttempts()}.
     *
     * <p>READ COMMITTED is the pool's isolation level for every connection, not set here: JDBI restores
     * a level set for one transaction in a {@code finally}, and when the connection was lost inside the
     * transaction that restore fails too and replaces the lost connection's error with one that has no
     * SQLSTATE, which would make the failure look permanent.
     */
    <T> T inTransaction(String operation, HandleCallback<T, RuntimeException> work) {
        return retrying(operation, LostRace.RUN_AGAIN_AT_ONCE, () -> jdbi.inTransaction(work));
    }

    /**
     * Runs {@code work} like {@link #inTransaction}, for a unit of work that many writers may run at
     * once for the same key, such as allocating the next partition number. Its unique-key violation is
     * not a one-off: the writers read the same state and choose the same key, and the winner may do it
     * again at once, so the loser runs again only after a jittered backoff, as after a transient failure.
     */
    <T> T inContendedTransaction(String operation, HandleCallback<T, RuntimeException> work) {
        return retrying(operation, LostRace.BACK_OFF, () -> jdbi.inTransaction(work));
    }

    /** Runs {@code work} on one connection in auto-commit mode, retried like {@link #inTransaction}. */
    <T> T withHandle(String operation, HandleCallback<T, RuntimeException> work) {
        return retrying(operation, LostRace.RUN_AGAIN_AT_ONCE, () -> jdbi.withHandle(work));
    }

    /** What a unit of work does after a unique-key violation. */
    private enum LostRace {
        RUN_AGAIN_AT_ONCE, BACK_OFF
    }

    private <T> T retrying(String operation, LostRace onLostRace, Supplier<T> attempt) {
        for (int attemptNumber = 1;; attemptNumber++) {
            try {
                return attempt.get();
            } catch (JdbiException e) {
                boolean lostInsertRace = SqlErrors.isUniqueViolation(e);
                boolean isTransient = SqlErrors.isTransient(e);
                if (!(lostInsertRace || isTransient) || attemptNumber >= retry.maxAttempts()) {
                    throw failure(operation, attemptNumber, isTransient, lostInsertRace, e);
                }
                if (lostInsertRace && onLostRace == LostRace.RUN_AGAIN_AT_ONCE) {
                    // The winner's row is committed by now (the insert waited for it): run again at once.
                    LOG.debug("metadata store: {} lost a race to insert a row; running it again", operation);
                    continue;
                }
                long backoffMillis = jittered(retry.backoffAfter(attemptNumber).toMillis());
                if (lostInsertRace) {
                    LOG.debug("metadata store: {} lost a race to insert a row (attempt {} of {}); running it again "
                            + "in {} ms", operation, attemptNumber, retry.maxAttempts(), backoffMillis);
                } else {
                    LOG.warn("metadata store: {} failed (attempt {} of {}), trying again in {} ms: {}", operation,
                            attemptNumber, retry.maxAttempts(), backoffMillis, config.redact(e.getMessage()));
                }
                sleep(operation, backoffMillis, e);
            }
        }
    }

    /** Between half and all of {@code millis}, so that two writers that collided do not collide again. */
    private static long jittered(long millis) {
        return millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    }

    private void sleep(String operation, long millis, JdbiException lastFailure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MetadataStoreException("metadata store: " + operation
                    + " was interrupted while waiting to try again", lastFailure, false);
        }
    }

    private MetadataStoreException failure(String operation, int attempts, boolean isTransient,
            boolean lostInsertRace, JdbiException e) {
        String where = config.type().configName() + " metadata store at " + config.redactedUri();
        String cause = config.redact(rootMessage(e));
        if (lostInsertRace) {
            return new MetadataStoreException(where + ": " + operation + " lost the race to insert its row to "
                    + "concurrent writers " + attempts + " times (" + cause + "). The operation can be tried "
                    + "again; if this recurs, fewer writers should share one key.", e, true);
        }
        String message = isTransient
                ? where + ": " + operation + " failed " + attempts + " times (" + cause + "). Check that the "
                        + "database is running and reachable from this host; the operation can be tried again."
                : where + ": " + operation + " failed (" + cause + "). " + hint(e);
        return new MetadataStoreException(message, e, isTransient);
    }

    private static String hint(Throwable e) {
        String state = SqlErrors.sqlState(e);
        if (state != null && state.startsWith("28")) {
            return "Check " + MetadataStoreConfig.USER.name() + " and " + MetadataStoreConfig.PASSWORD.name() + ".";
        }
        if ("3D000".equals(state) || "90146".equals(state)) {
            return "Create the database named in " + MetadataStoreConfig.CONNECT_URI.name() + " first.";
        }
        return "It is not a transient failure: check the database user's permissions and the database's log.";
    }

    /** The innermost message: the driver's words rather than the pool's or JDBI's wrapping. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
