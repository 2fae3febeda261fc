package dev.tributary.core.query.topn;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryIntervals;
import dev.tributary.core.query.TableDataSource;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.query.postagg.PostAggregator;
import dev.tributary.core.time.Granularity;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code topN} query: the {@code threshold} values of one dimension ranked by {@code metric},
 * per time bucket of {@code granularity}. Unlike Druid, which ranks per segment and may miss values
 * near the cut, one server ranks over all its pieces' rows, so it is exact. Across servers, each ranks
 * its own first {@code max(threshold, minTopNThreshold)} as Druid's segments do ({@link TopNMerge}).
 */
public record TopNQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("granularity") Granularity granularity,
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("dimension") DimensionSpec dimension,
        @JsonProperty("metric") TopNMetricSpec metric,
        @JsonProperty("threshold") Integer threshold,
        @JsonProperty("aggregations") List<AggregatorFactory> aggregations,
        @JsonProperty("postAggregations") List<PostAggregator> postAggregations,
        @JsonProperty("virtualColumns") List<Object> virtualColumns,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    public TopNQuery {
        require(dataSource != null, "dataSource", "is required");
        require(intervals != null, "intervals", "is required");
        require(dimension != null, "dimension", "is required");
        require(metric != null, "metric", "is required");
        require(threshold != null, "threshold", "is required");
        require(threshold > 0, "threshold", "must be positive");
        granularity = granularity == null ? Granularity.ALL : granularity;
        aggregations = aggregations == null ? List.of() : List.copyOf(aggregations);
        postAggregations = postAggregations == null ? List.of() : List.copyOf(postAggregations);
        virtualColumns = virtualColumns == null ? List.of() : List.copyOf(virtualColumns);
        context = Queries.context(context);
        Queries.requireNoVirtualColumns(virtualColumns);
        Queries.requireUniqueNames(aggregations, postAggregations);
        require(metric.metric() == null || Queries.isMetric(metric.metric(), aggregations, postAggregations), "metric",
                "'" + metric.metric() + "' is not the name of an aggregation or post-aggregation of the query");
    }
}
