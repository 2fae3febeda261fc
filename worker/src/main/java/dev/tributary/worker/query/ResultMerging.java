package dev.tributary.worker.query;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.merge.PartialResults;
import dev.tributary.core.query.RunningQuery;
import java.util.List;

/**
 * How a query is split across servers: each runs it over its own pieces into partial results, and
 * the node that received it merges them into the final answer. Stateless and thread-safe.
 */
interface ResultMerging {
    /** The partial result of {@code query} over {@code pieces}, in a form that survives JSON. */
    List<?> runPartial(Query query, List<? extends QueryableIndex> pieces, RunningQuery running);

    /** The final answer from every server's partial result (as read back from JSON). */
    List<?> merge(Query query, List<List<?>> partials);

    /** The core's partial results and merge. */
    ResultMerging CORE = new ResultMerging() {
        @Override
        public List<?> runPartial(Query query, List<? extends QueryableIndex> pieces, RunningQuery running) {
            return new QueryExecutor(ds -> pieces).run(PartialResults.forDataServers(query), running);
        }

        @Override
        public List<?> merge(Query query, List<List<?>> partials) {
            return PartialResults.merge(query, partials);
        }
    };
}
