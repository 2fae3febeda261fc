package dev.tributary.core.query;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.query.postagg.PostAggregator;
import dev.tributary.core.time.Granularity;
import java.util.List;
import java.util.Map;

/** Druid's {@code timeseries} query: aggregates per time bucket of {@code granularity}. */
public record TimeseriesQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("granularity") Granularity granularity,
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("aggregations") List<AggregatorFactory> aggregations,
        @JsonProperty("postAggregations") List<PostAggregator> postAggregations,
        @JsonProperty("virtualColumns") List<Object> virtualColumns,
        @JsonProperty("descending") Boolean descending,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    public TimeseriesQuery {
        require(dataSource != null, "dataSource", "is required");
        require(intervals != null, "intervals", "is required");
        granularity = granularity == null ? Granularity.ALL : granularity;
        aggregations = aggregations == null ? List.of() : List.copyOf(aggregations);
        postAggregations = postAggregations == null ? List.of() : List.copyOf(postAggregations);
        virtualColumns = virtualColumns == null ? List.of() : List.copyOf(virtualColumns);
        descending = Boolean.TRUE.equals(descending);
        require(limit == null || limit > 0, "limit", "must be positive");
        context = Queries.context(context);
        require(virtualColumns.isEmpty(), "virtualColumns", "virtual columns are not supported yet");
        Queries.requireUniqueNames(aggregations, postAggregations);
    }
}
