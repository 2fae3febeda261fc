package dev.tributary.worker.http;

import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.query.RunningQuery;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /druid/v2} and {@code DELETE /druid/v2/{queryId}}: runs queries on the request thread,
 * each with its deadline (context {@code timeout}, else the node default) and a registration under its
 * {@code queryId} so that another request can cancel it. Thread-safe.
 */
final class QueryResource {
    private final QueryExecutor executor;
    private final long defaultTimeoutMillis;
    private final Map<String, RunningQuery> running = new ConcurrentHashMap<>();

    QueryResource(QueryExecutor executor, long defaultTimeoutMillis) {
        this.executor = executor;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    /** The query's id (from its context, or a new one) and its result rows. */
    record Answer(String queryId, List<?> rows) {
    }

    Answer run(byte[] body) {
        Query query = QueryReader.read(body);
        Object id = query.context().get("queryId");
        String queryId = id == null ? UUID.randomUUID().toString() : id.toString();
        RunningQuery run = new RunningQuery(queryId, timeoutMillis(query));
        running.put(queryId, run);
        try {
            return new Answer(queryId, executor.run(query, run));
        } finally {
            running.remove(queryId, run);
        }
    }

    private long timeoutMillis(Query query) {
        Object timeout = query.context().get("timeout");
        if (timeout == null) {
            return defaultTimeoutMillis;
        }
        try {
            long millis = Long.parseLong(timeout.toString());
            if (millis < 0) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new dev.tributary.core.query.InvalidQueryException(
                    "query field 'context.timeout': '" + timeout + "' is not a number of milliseconds");
        }
    }

    /** Cancels the running query with this id; false when none runs. */
    boolean cancel(String queryId) {
        RunningQuery run = running.get(queryId);
        if (run == null) {
            return false;
        }
        run.cancel();
        return true;
    }
}
