package dev.tributary.core.query;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.groupby.GroupByEngine;
import dev.tributary.core.query.groupby.GroupByQuery;
import dev.tributary.core.query.metadata.DataSourceMetadataEngine;
import dev.tributary.core.query.metadata.DataSourceMetadataQuery;
import dev.tributary.core.query.metadata.SegmentMetadataEngine;
import dev.tributary.core.query.metadata.SegmentMetadataQuery;
import dev.tributary.core.query.metadata.TimeBoundaryEngine;
import dev.tributary.core.query.metadata.TimeBoundaryQuery;
import dev.tributary.core.query.scan.ScanEngine;
import dev.tributary.core.query.scan.ScanQuery;
import dev.tributary.core.query.search.SearchEngine;
import dev.tributary.core.query.search.SearchQuery;
import dev.tributary.core.query.topn.TopNEngine;
import dev.tributary.core.query.topn.TopNQuery;
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

    /** Runs a query with the deadline and id its context gives ({@code timeout}, {@code queryId}). */
    public List<?> run(Query query) {
        return run(query, RunningQuery.of(query));
    }

    /** The query's result rows, as Druid's JSON shapes (maps and lists) ready to serialize. */
    public List<?> run(Query query, RunningQuery running) {
        List<? extends QueryableIndex> pieces = piecesByDataSource.apply(query.dataSource().name());
        if (pieces == null || pieces.isEmpty()) {
            return List.of();
        }
        running.check();
        if (query instanceof TimeseriesQuery q) {
            return TimeseriesEngine.run(q, pieces, running);
        } else if (query instanceof TopNQuery q) {
            return TopNEngine.run(q, pieces, running);
        } else if (query instanceof GroupByQuery q) {
            return GroupByEngine.run(q, pieces, running);
        } else if (query instanceof ScanQuery q) {
            return ScanEngine.run(q, pieces, running);
        } else if (query instanceof SearchQuery q) {
            return SearchEngine.run(q, pieces, running);
        } else if (query instanceof TimeBoundaryQuery q) {
            return TimeBoundaryEngine.run(q, pieces, running);
        } else if (query instanceof SegmentMetadataQuery q) {
            return SegmentMetadataEngine.run(q, pieces, running);
        } else if (query instanceof DataSourceMetadataQuery q) {
            return DataSourceMetadataEngine.run(q, pieces);
        }
        throw new InvalidQueryException("query type " + query.getClass().getSimpleName() + " is not supported");
    }
}
