package dev.tributary.core.query.groupby;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Druid's {@code default} limitSpec: orders the groupBy rows by {@code columns} (after time when the
 * granularity is not {@code all}), skips {@code offset} rows and keeps {@code limit}.
 *
 * @param limit null for no limit
 */
public record LimitSpec(
        @JsonProperty("type") String type,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("offset") Integer offset,
        @JsonProperty("columns") List<OrderByColumnSpec> columns) {
    public LimitSpec {
        require(type == null || "default".equals(type), "type", "limitSpec type '" + type + "' is not supported; use 'default'");
        type = "default";
        require(limit == null || limit >= 0, "limit", "must not be negative");
        offset = offset == null ? 0 : offset;
        require(offset >= 0, "offset", "must not be negative");
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
