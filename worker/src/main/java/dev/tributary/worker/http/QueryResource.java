package dev.tributary.worker.http;

import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.worker.query.QueryRouter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /druid/v2} and {@code DELETE /druid/v2/{queryId}}: runs queries through the node's
 * {@link QueryRouter} (over the cluster, or locally) on the request thread,
 * each with its deadline (context {@code timeout}, else the node default) and a registration under its
 * {@code queryId} so that another request can cancel it. Thread-safe.
 */
final class QueryResource {
    private final QueryRouter router;
    private final long defaultTimeoutMillis;
    private final Map<String, RunningQuery> running = new ConcurrentHashMap<>();

    QueryResource(QueryRouter router, long defaultTimeoutMillis) {
        this.router = router;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    /** The query's id (from its context, or a new one), its result rows, and requested segments not served here. */
    record Answer(String queryId, List<?> rows, Set<String> missing) {
    }

    Answer run(byte[] body, boolean localOnly) {
        Query query = QueryReader.read(body);
        RunningQuery run = RunningQuery.of(query, UUID.randomUUID().toString(), defaultTimeoutMillis);
        String queryId = run.queryId();
        running.put(queryId, run);
        try {
            QueryRouter.Answer answer = router.run(query, body, run, localOnly);
            return new Answer(queryId, answer.rows(), answer.missing());
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
