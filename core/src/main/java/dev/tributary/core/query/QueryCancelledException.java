package dev.tributary.core.query;

/** The query was cancelled ({@code DELETE /druid/v2/{queryId}}): Druid's {@code Query cancelled}, HTTP 500. */
public final class QueryCancelledException extends QueryException {
    private static final long serialVersionUID = 1L;

    public QueryCancelledException(String queryId) {
        super("Query cancelled", 500, "Query [" + queryId + "] was cancelled", null);
    }

    @Override
    public String errorClass() {
        return "org.apache.druid.query.QueryInterruptedException";
    }
}
