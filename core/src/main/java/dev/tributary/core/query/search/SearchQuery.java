package dev.tributary.core.query.search;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryIntervals;
import dev.tributary.core.query.TableDataSource;
import dev.tributary.core.query.dimension.DimensionSpec;
import dev.tributary.core.query.filter.DimFilter;
import dev.tributary.core.query.filter.SearchQuerySpec;
import dev.tributary.core.query.filter.StringOrdering;
import dev.tributary.core.time.Granularity;
import java.util.List;
import java.util.Map;

/**
 * Druid's {@code search} query: the values of {@code searchDimensions} (every dimension when empty)
 * that {@code query} accepts, with how many rows hold each, per time bucket, sorted by {@code sort}
 * and cut at {@code limit} per bucket.
 */
public record SearchQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("granularity") Granularity granularity,
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("searchDimensions") List<DimensionSpec> searchDimensions,
        @JsonProperty("query") SearchQuerySpec query,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("sort") StringOrdering sort,
        @JsonProperty("virtualColumns") List<Object> virtualColumns,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    public static final int DEFAULT_LIMIT = 1000;

    public SearchQuery {
        require(dataSource != null, "dataSource", "is required");
        require(intervals != null, "intervals", "is required");
        require(query != null, "query", "is required");
        granularity = granularity == null ? Granularity.ALL : granularity;
        searchDimensions = searchDimensions == null ? List.of() : List.copyOf(searchDimensions);
        limit = limit == null ? DEFAULT_LIMIT : limit;
        require(limit > 0, "limit", "must be positive");
        sort = sort == null ? StringOrdering.LEXICOGRAPHIC : sort;
        virtualColumns = virtualColumns == null ? List.of() : List.copyOf(virtualColumns);
        context = Queries.context(context);
        Queries.requireNoVirtualColumns(virtualColumns);
    }
}
