package dev.tributary.core.query;

/** The query ran past its context {@code timeout}: Druid's {@code Query timeout}, HTTP 504. */
public final class QueryTimeoutException extends QueryException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String queryId, long timeoutMillis) {
        super("Query timeout", 504, "Query [" + queryId + "] timed out after " + timeoutMillis + " ms", null);
    }

    @Override
    public String errorClass() {
        return "org.apache.druid.query.QueryTimeoutException";
    }
}
