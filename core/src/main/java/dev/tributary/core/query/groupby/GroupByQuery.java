package dev.tributary.core.query.groupby;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Druid's {@code groupBy} query: aggregates per (time bucket, combination of dimension values), then
 * post-aggregates, keeps the rows {@code having} accepts and orders and limits them by
 * {@code limitSpec}. Answers in the groupBy v2 row shape {@code {"version": "v1", "timestamp", "event"}}.
 */
public record GroupByQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("granularity") Granularity granularity,
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("dimensions") List<DimensionSpec> dimensions,
        @JsonProperty("aggregations") List<AggregatorFactory> aggregations,
        @JsonProperty("postAggregations") List<PostAggregator> postAggregations,
        @JsonProperty("having") HavingSpec having,
        @JsonProperty("limitSpec") LimitSpec limitSpec,
        @JsonProperty("virtualColumns") List<Object> virtualColumns,
        @JsonProperty("subtotalsSpec") List<List<String>> subtotalsSpec,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    public GroupByQuery {
        require(dataSource != null, "dataSource", "is required");
        require(intervals != null, "intervals", "is required");
        granularity = granularity == null ? Granularity.ALL : granularity;
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        aggregations = aggregations == null ? List.of() : List.copyOf(aggregations);
        postAggregations = postAggregations == null ? List.of() : List.copyOf(postAggregations);
        virtualColumns = virtualColumns == null ? List.of() : List.copyOf(virtualColumns);
        context = Queries.context(context);
        Queries.requireNoVirtualColumns(virtualColumns);
        require(subtotalsSpec == null, "subtotalsSpec", "subtotals are not supported yet");
        Set<String> names = new HashSet<>();
        for (int d = 0; d < dimensions.size(); d++) {
            require(names.add(dimensions.get(d).outputName()), "dimensions[" + d + "].outputName",
                    "'" + dimensions.get(d).outputName() + "' is defined twice");
        }
        for (int a = 0; a < aggregations.size(); a++) {
            require(!names.contains(aggregations.get(a).name()), "aggregations[" + a + "].name",
                    "'" + aggregations.get(a).name() + "' is already a dimension output name");
        }
        Queries.requireUniqueNames(aggregations, postAggregations);
        if (limitSpec != null) {
            for (int c = 0; c < limitSpec.columns().size(); c++) {
                String column = limitSpec.columns().get(c).dimension();
                require(names.contains(column) || Queries.isMetric(column, aggregations, postAggregations),
                        "limitSpec.columns[" + c + "].dimension",
                        "'" + column + "' is not a dimension, aggregation or post-aggregation output of the query");
            }
        }
    }
}
