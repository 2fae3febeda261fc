package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.aggregation.GroupAggregator;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Buckets;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.core.query.TimeRanges;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.filter.DimFilter;
import java.util.List;

/**
 * Aggregates the rows of one piece into groups keyed by (time bucket, dimension values), the core of
 * topN, groupBy and search. Each group gets an aggregator slot, found without boxing or per-row
 * allocation:
 * <ul>
 *   <li>no dimensions: the slot is the bucket number;</li>
 *   <li>one dimension and one bucket: the slot is the dictionary id (array-indexed, no hashing);</li>
 *   <li>otherwise, when the tuple space is small, the (bucket, ids) tuple indexes a dense array;
 *       else it is packed into one long, looked up in a primitive open-addressing map, or, when it
 *       does not fit 62 bits, in an int-array table.</li>
 * </ul>
 * A multi-value row counts once in each group of the cross product of its values, as in Druid.
 */
public final class PieceGrouper {
    /** The most groups one piece may produce before the query is refused. */
    public static final int MAX_GROUPS = 5_000_000;

    private PieceGrouper() {
    }

    /**
     * Groups the rows of {@code piece} that lie in {@code ranges} and match {@code filter}.
     *
     * @param buckets the time buckets over {@code ranges.span()}
     */
    public static PieceGroups group(QueryableIndex piece, TimeRanges ranges, Buckets buckets,
            List<DimensionSpec> dimensions, List<AggregatorFactory> aggregations, DimFilter filter, RunningQuery running) {
        GroupingColumn[] columns = new GroupingColumn[dimensions.size()];
        for (int d = 0; d < columns.length; d++) {
            columns[d] = GroupingColumn.of(piece, dimensions.get(d));
        }
        GroupAggregator[] aggregators = new GroupAggregator[aggregations.size()];
        for (int a = 0; a < aggregators.length; a++) {
            aggregators[a] = aggregations.get(a).newGroupAggregator(piece);
        }
        RowScope scope = new RowScope(piece.time(), ranges, filter == null ? null : filter.makeMatcher(piece), buckets, aggregators);
        Keyer keyer;
        if (columns.length == 0) {
            keyer = new BucketKeyer(scope);
        } else if (columns.length == 1 && buckets.size() == 1) {
            keyer = new ArrayKeyer(scope, columns[0]);
        } else {
            keyer = new TupleKeyer(scope, columns);
        }
        piece.scan((start, end) -> {
            running.check();
            keyer.visit(start, end);
        });
        return keyer.result(columns, aggregators);
    }

    /** Refuses a query whose groups, over all pieces, pass {@link #MAX_GROUPS}. */
    static void checkTotal(int groups) {
        RowScope.checkGroupCount(groups);
    }
}
