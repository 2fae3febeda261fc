package dev.tributary.worker.metadata;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** What a database error means for the metadata store: try again, or give up. */
final class SqlErrors {

    /**
     * SQLSTATEs that say "the same statement may work if tried again": serialization failures and
     * deadlocks (PostgreSQL's and H2's), lock waits that timed out, a server shutting down or full.
     * Class 08 (connection exceptions) is checked separately.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization failure (PostgreSQL), deadlock (H2)
            "40P01", // deadlock detected (PostgreSQL)
            "55P03", // lock not available (PostgreSQL lock_timeout)
            "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now (PostgreSQL)
            "53300", // too many connections (PostgreSQL)
            "HYT00", // lock timeout (H2)
            "90131", // concurrent update in table (H2)
            "90067"); // connection broken (H2 client of an AUTO_SERVER database)

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /**
     * Whether {@code error} (any exception whose cause chain holds a SQLException) is transient. The
     * first SQLException in the chain that has a SQLSTATE decides: a connection pool's timeout carries
     * the state of the failure underneath it, so a refused connection (class 08) is transient and a
     * refused login (class 28) is not. Without any SQLSTATE, the JDBC exception type decides.
     */
    static boolean isTransient(Throwable error) {
        String state = sqlState(error);
        if (state != null) {
            return state.startsWith("08") || TRANSIENT_STATES.contains(state);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of the first SQLException in {@code error}'s cause chain that has one, or null. */
    static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Whether {@code error} is a unique-key violation: a row with that key exists (or is being inserted). */
    static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
