package dev.tributary.core.query;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.time.Granularity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code timeseries} query: aggregates per time bucket of {@code granularity}.
 * Filters, post-aggregations and virtual columns are refused until they are supported.
 */
public record TimeseriesQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("granularity") Granularity granularity,
        @JsonProperty("filter") Object filter,
        @JsonProperty("aggregations") List<AggregatorFactory> aggregations,
        @JsonProperty("postAggregations") List<Object> postAggregations,
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
        context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
        require(filter == null, "filter", "filters are not supported yet");
        require(postAggregations.isEmpty(), "postAggregations", "post-aggregations are not supported yet");
        require(virtualColumns.isEmpty(), "virtualColumns", "virtual columns are not supported yet");
        Set<String> names = new HashSet<>();
        for (AggregatorFactory aggregation : aggregations) {
            require(names.add(aggregation.name()), "aggregations", "'" + aggregation.name() + "' is defined twice");
        }
    }
}
