package dev.tributary.core.query;

import dev.tributary.core.index.QueryableIndex;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a query over the queryable pieces of its dataSource. Stateless and thread-safe: each call
 * runs on the calling thread.
 */
public final class QueryExecutor {
    private final Function<String, List<? extends QueryableIndex>> piecesByDataSource;

    /**
     * @param piecesByDataSource the queryable pieces of a dataSource by name; an empty list for a
     *                           dataSource this node does not have (the answer is then {@code []})
     */
    public QueryExecutor(Function<String, List<? extends QueryableIndex>> piecesByDataSource) {
        this.piecesByDataSource = piecesByDataSource;
    }

    /** Runs a query with no deadline. */
    public List<?> run(Query query) {
        return run(query, RunningQuery.unbounded());
    }

    /** The query's result rows, as Druid's JSON shapes (maps and lists) ready to serialize. */
    public List<?> run(Query query, RunningQuery running) {
        List<? extends QueryableIndex> pieces = piecesByDataSource.apply(query.dataSource().name());
        if (query instanceof TimeseriesQuery timeseries) {
            return TimeseriesEngine.run(timeseries, pieces, running);
        }
        throw new InvalidQueryException("query type " + query.getClass().getSimpleName() + " is not supported");
    }
}
