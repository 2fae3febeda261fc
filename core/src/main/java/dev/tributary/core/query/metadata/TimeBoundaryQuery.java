package dev.tributary.core.query.metadata;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryIntervals;
import dev.tributary.core.query.TableDataSource;
import dev.tributary.core.query.filter.DimFilter;
import java.util.Map;

/**
 * Druid's {@code timeBoundary} query: the earliest and latest row times in the intervals (all time
 * by default) among rows the filter accepts; {@code bound} asks for just one of them.
 *
 * @param bound {@code minTime}, {@code maxTime}, or null for both
 */
public record TimeBoundaryQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("bound") String bound,
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    public static final String MIN_TIME = "minTime";
    public static final String MAX_TIME = "maxTime";

    public TimeBoundaryQuery {
        require(dataSource != null, "dataSource", "is required");
        intervals = intervals == null ? QueryIntervals.ETERNITY : intervals;
        require(bound == null || MIN_TIME.equals(bound) || MAX_TIME.equals(bound), "bound",
                "'" + bound + "' is neither minTime nor maxTime");
        context = Queries.context(context);
    }
}
