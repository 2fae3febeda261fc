package dev.tributary.core.query.scan;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.query.Queries;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryIntervals;
import dev.tributary.core.query.TableDataSource;
import dev.tributary.core.query.filter.DimFilter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Druid's {@code scan} query: the rows themselves, in batches of {@code batchSize}, with the
 * {@code columns} asked for (all when empty, {@code __time} as epoch milliseconds), optionally in time
 * order, after skipping {@code offset} rows and up to {@code limit} rows.
 */
public record ScanQuery(
        @JsonProperty("dataSource") TableDataSource dataSource,
        @JsonProperty("intervals") QueryIntervals intervals,
        @JsonProperty("filter") DimFilter filter,
        @JsonProperty("columns") List<String> columns,
        @JsonProperty("limit") Long limit,
        @JsonProperty("offset") Long offset,
        @JsonProperty("order") String order,
        @JsonProperty("resultFormat") String resultFormat,
        @JsonProperty("batchSize") Integer batchSize,
        @JsonProperty("legacy") Boolean legacy,
        @JsonProperty("virtualColumns") List<Object> virtualColumns,
        @JsonProperty("context") Map<String, Object> context) implements Query {

    public static final int DEFAULT_BATCH_SIZE = 20480;

    public ScanQuery {
        require(dataSource != null, "dataSource", "is required");
        require(intervals != null, "intervals", "is required");
        columns = columns == null ? List.of() : List.copyOf(columns);
        require(limit == null || limit >= 0, "limit", "must not be negative");
        offset = offset == null ? 0L : offset;
        require(offset >= 0, "offset", "must not be negative");
        order = order == null ? "none" : order.toLowerCase(Locale.ROOT);
        require(List.of("none", "ascending", "descending").contains(order), "order",
                "'" + order + "' is not one of none, ascending, descending");
        resultFormat = resultFormat == null ? "list" : resultFormat;
        require(List.of("list", "compactedList").contains(resultFormat), "resultFormat",
                "'" + resultFormat + "' is not supported; use list or compactedList");
        batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
        require(batchSize > 0, "batchSize", "must be positive");
        require(!Boolean.TRUE.equals(legacy), "legacy", "legacy scan results are not supported");
        virtualColumns = virtualColumns == null ? List.of() : List.copyOf(virtualColumns);
        context = Queries.context(context);
        Queries.requireNoVirtualColumns(virtualColumns);
    }

    /** Whether rows come in time order (ascending or descending) rather than piece by piece. */
    public boolean timeOrdered() {
        return !"none".equals(order);
    }

    public boolean compacted() {
        return "compactedList".equals(resultFormat);
    }
}
