package dev.tributary.core.query;

import java.util.concurrent.TimeUnit;

/**
 * The life of one query as it runs: its deadline (context {@code timeout}, milliseconds) and whether
 * it was cancelled. Engines call {@link #check} between blocks of rows; it throws once the query
 * should stop. Cancelled from any thread.
 */
public final class RunningQuery {
    private final String queryId;
    private final long deadlineNanos;
    private final long timeoutMillis;
    private volatile boolean cancelled;

    public RunningQuery(String queryId, long timeoutMillis) {
        this.queryId = queryId;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = timeoutMillis <= 0 ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** A query with no deadline that nobody cancels (tests, internal use). */
    public static RunningQuery unbounded() {
        return new RunningQuery(null, 0);
    }

    /**
     * A query's deadline and id from its context: {@code timeout} in milliseconds (a number or its
     * text; 0 or absent means none) and {@code queryId}.
     *
     * @throws InvalidQueryException naming {@code context.timeout} when it is not a count of milliseconds
     */
    public static RunningQuery of(Query query) {
        return of(query, null, 0);
    }

    /**
     * The running form of {@code query}: its context {@code queryId} and {@code timeout}, or the given
     * defaults when the context has none.
     *
     * @throws InvalidQueryException when the context timeout is not a count of milliseconds
     */
    public static RunningQuery of(Query query, String defaultQueryId, long defaultTimeoutMillis) {
        Object id = query.context().get("queryId");
        Object timeout = query.context().get("timeout");
        long millis = defaultTimeoutMillis;
        if (timeout != null) {
            try {
                millis = timeout instanceof Number n ? n.longValue() : Long.parseLong(timeout.toString().trim());
            } catch (NumberFormatException e) {
                millis = -1;
            }
            if (millis < 0) {
                throw new InvalidQueryException("query field 'context.timeout': '" + timeout
                        + "' is not a number of milliseconds");
            }
        }
        return new RunningQuery(id == null ? defaultQueryId : id.toString(), millis);
    }

    public String queryId() {
        return queryId;
    }

    public void cancel() {
        cancelled = true;
    }

    /** Throws {@link QueryTimeoutException} past the deadline and {@link QueryCancelledException} once cancelled. */
    public void check() {
        if (cancelled) {
            throw new QueryCancelledException(queryId);
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            throw new QueryTimeoutException(queryId, timeoutMillis);
        }
    }
}
