package dev.tributary.worker.metadata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * An H2 row trigger that fails the first insert it sees with a serialization failure (SQLSTATE 40001,
 * transient) and lets every later one through, counting them. H2 creates one instance per trigger and
 * may fire it from any session's thread, so the counts live in a concurrent map by trigger name.
 */
public final class FailFirstInsertTrigger implements Trigger {
    private static final Map<String, AtomicInteger> INSERTS = new ConcurrentHashMap<>();

    private String name;

    /** How many inserts the trigger named {@code triggerName} has seen, the failed one included. */
    static int inserts(String triggerName) {
        return INSERTS.computeIfAbsent(triggerName.toUpperCase(Locale.ROOT), k -> new AtomicInteger()).get();
    }

    @Override
    public void init(Connection connection, String schema, String triggerName, String table, boolean before,
            int type) {
        name = triggerName.toUpperCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (INSERTS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet() == 1) {
            throw new SQLException("injected by the test: serialization failure", "40001");
        }
    }
}
