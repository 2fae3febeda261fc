package dev.tributary.core.query.metadata;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryIntervals;
import dev.tributary.core.query.TableDataSource;
import java.util.Map;

/** Druid's {@code dataSourceMetadata} query: the latest event time ingested into the dataSource. */
public record DataSourceMetadataQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    public DataSourceMetadataQuery {
        require(dataSource != null, "dataSource", "is required");
        intervals = intervals == null ? QueryIntervals.ETERNITY : intervals;
        context = Queries.context(context);
    }
}
