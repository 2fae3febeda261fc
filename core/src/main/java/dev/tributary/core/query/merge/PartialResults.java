package dev.tributary.core.query.merge;

import dev.tributary.core.query.InvalidQueryException;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.ResultForm;
import dev.tributary.core.query.TimeseriesMerge;
import dev.tributary.core.query.TimeseriesQuery;
import dev.tributary.core.query.groupby.GroupByMerge;
import dev.tributary.core.query.groupby.GroupByQuery;
import dev.tributary.core.query.metadata.DataSourceMetadataQuery;
import dev.tributary.core.query.metadata.MetadataMerge;
import dev.tributary.core.query.metadata.SegmentMetadataMerge;
import dev.tributary.core.query.metadata.SegmentMetadataQuery;
import dev.tributary.core.query.metadata.TimeBoundaryQuery;
import dev.tributary.core.query.scan.ScanMerge;
import dev.tributary.core.query.scan.ScanQuery;
import dev.tributary.core.query.search.SearchMerge;
import dev.tributary.core.query.search.SearchQuery;
import dev.tributary.core.query.topn.TopNMerge;
import dev.tributary.core.query.topn.TopNQuery;
import java.util.List;

/**
 * A query answered by several servers, each holding some of the dataSource's pieces: the node that
 * received it sends every server {@link #forDataServers}, which they run with
 * {@link dev.tributary.core.query.QueryExecutor} over their own pieces as usual, then {@link #merge}s
 * their answers, read back from JSON, into the answer of the original query.
 *
 * <p>The merged answer is the one {@code QueryExecutor.run(original)} gives over every server's pieces
 * listed one server after another, with three exceptions: a topN ranked by a metric is approximate when
 * a server has more values in a bucket than {@code minTopNThreshold} (1000 by default), as in Druid;
 * segment ids of live pieces (unordered scan batches, unmerged segmentMetadata) are the ones each server
 * gives; and sums of doubles may differ in the last bits, being added in another grouping. The order
 * of the servers matters only where one server would break ties by piece: rows of equal time in a
 * time-ordered scan, and first/last values of equal time.
 *
 * <p>Servers answer in {@link ResultForm#PARTIAL} form (context {@value ResultForm#PARTIAL_KEY}, with
 * Druid's {@code "finalize": false}): aggregator values intermediate, written as JSON the aggregator's
 * {@code deserialize} reads back (numbers; first/last as {@code {"lhs": time, "rhs": value}}; HLL
 * collectors and sketches as base64), null for nothing aggregated. What changes per query type:
 *
 * <ul>
 * <li>timeseries: no post-aggregations or grand total; buckets combined by start
 *     ({@link TimeseriesMerge});</li>
 * <li>topN: threshold raised to {@code max(threshold, minTopNThreshold)}; groups combined per bucket by
 *     dimension value, ranked again ({@link TopNMerge});</li>
 * <li>groupBy: no post-aggregations, having or limitSpec; groups combined by time and dimension
 *     values, then all of those applied ({@link GroupByMerge});</li>
 * <li>scan: no offset, limit raised by it; rows concatenated or sorted by time ({@link ScanMerge});</li>
 * <li>search: counts added per dimension and value ({@link SearchMerge});</li>
 * <li>timeBoundary, dataSourceMetadata: earliest and latest times ({@link MetadataMerge});</li>
 * <li>segmentMetadata: one analysis per piece, merged as one server would when the query asks
 *     ({@link SegmentMetadataMerge}), else listed.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PartialResults {
    private PartialResults() {
    }

    /** The query each data server runs for {@code query}; its results are partial (see the class comment). */
    public static Query forDataServers(Query query) {
        if (query instanceof TimeseriesQuery q) {
            return TimeseriesMerge.forDataServers(q);
        } else if (query instanceof TopNQuery q) {
            return TopNMerge.forDataServers(q);
        } else if (query instanceof GroupByQuery q) {
            return GroupByMerge.forDataServers(q);
        } else if (query instanceof ScanQuery q) {
            return ScanMerge.forDataServers(q);
        } else if (query instanceof SearchQuery q) {
            return SearchMerge.forDataServers(q);
        } else if (query instanceof TimeBoundaryQuery q) {
            return MetadataMerge.forDataServers(q);
        } else if (query instanceof SegmentMetadataQuery q) {
            return SegmentMetadataMerge.forDataServers(q);
        } else if (query instanceof DataSourceMetadataQuery q) {
            return MetadataMerge.forDataServers(q);
        }
        throw unsupported(query);
    }

    /**
     * The answer to {@code original} from the results of {@link #forDataServers}{@code (original)}, one
     * per server, as Jackson reads their JSON (maps, lists, strings, numbers), in server order.
     * Aggregator values, counts and sizes come out typed as one server's answer would have them (long
     * aggregators as Long, floats as Float), whatever type JSON gave them; scan rows keep the values as
     * JSON read them, which print the same.
     */
    public static List<?> merge(Query original, List<List<?>> partials) {
        if (original instanceof TimeseriesQuery q) {
            return TimeseriesMerge.merge(q, partials);
        } else if (original instanceof TopNQuery q) {
            return TopNMerge.merge(q, partials);
        } else if (original instanceof GroupByQuery q) {
            return GroupByMerge.merge(q, partials);
        } else if (original instanceof ScanQuery q) {
            return ScanMerge.merge(q, partials);
        } else if (original instanceof SearchQuery q) {
            return SearchMerge.merge(q, partials);
        } else if (original instanceof TimeBoundaryQuery q) {
            return MetadataMerge.merge(q, partials);
        } else if (original instanceof SegmentMetadataQuery q) {
            return SegmentMetadataMerge.merge(q, partials);
        } else if (original instanceof DataSourceMetadataQuery q) {
            return MetadataMerge.merge(q, partials);
        }
        throw unsupported(original);
    }

    private static InvalidQueryException unsupported(Query query) {
        return new InvalidQueryException("query type " + query.getClass().getSimpleName() + " cannot be merged");
    }
}
