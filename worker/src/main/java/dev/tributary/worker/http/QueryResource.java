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
        RunningQuery run = RunningQuery.of(query, UUID.randomUUID().toString(), defaultTimeoutMillis);
        String queryId = run.queryId();
        running.put(queryId, run);
        try {
            return new Answer(queryId, executor.run(query, run));
        } finally {
            running.remove(queryId, run);
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
