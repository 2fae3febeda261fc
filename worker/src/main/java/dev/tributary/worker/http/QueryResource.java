package dev.tributary.worker.http;

import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryCancelledException;
import dev.tributary.core.query.QueryException;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.query.QueryTimeoutException;
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
 * {@code queryId} so that another request can cancel it. Every request is timed in {@link QueryMetrics},
 * whatever its outcome. Thread-safe.
 */
final class QueryResource {
    private final QueryRouter router;
    private final long defaultTimeoutMillis;
    private final QueryMetrics metrics;
    private final Map<String, RunningQuery> running = new ConcurrentHashMap<>();

    QueryResource(QueryRouter router, long defaultTimeoutMillis, QueryMetrics metrics) {
        this.router = router;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
        this.metrics = metrics;
    }

    /** The query's id (from its context, or a new one), its result rows, and requested segments not served here. */
    record Answer(String queryId, List<?> rows, Set<String> missing) {
    }

    Answer run(byte[] body, boolean localOnly) {
        long started = System.nanoTime();
        String type = QueryMetrics.INVALID;
        boolean subquery = false;
        int status = 500; // unless it ends well or as a QueryException, the error mapping answers 500
        try {
            Query query = QueryReader.read(body);
            type = QueryMetrics.typeOf(query);
            subquery = query.context().containsKey(QueryRouter.SEGMENTS_CONTEXT) || query.contextFlag(QueryRouter.PARTIAL_CONTEXT);
            Answer answer = run(query, body, localOnly);
            status = 200;
            return answer;
        } catch (QueryException e) {
            status = e.httpStatus();
            if (e instanceof QueryCancelledException) {
                metrics.cancelled();
            } else if (e instanceof QueryTimeoutException) {
                metrics.timedOut();
            }
            throw e;
        } finally {
            metrics.record(type, status, subquery, System.nanoTime() - started);
        }
    }

    /** A request refused before its query was read (a body past the size limit). */
    void refused(int status) {
        metrics.record(QueryMetrics.INVALID, status, false, 0);
    }

    private Answer run(Query query, byte[] body, boolean localOnly) {
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
