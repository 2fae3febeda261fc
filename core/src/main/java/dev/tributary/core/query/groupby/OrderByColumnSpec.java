package dev.tributary.core.query.groupby;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.query.filter.StringOrdering;
import java.util.Locale;

/**
 * One column of a limitSpec's ordering: a dimension, aggregation or post-aggregation output name,
 * ascending or descending, with the string order a dimension's values compare in. Read from a name
 * ({@code "page"}: ascending, lexicographic) or
 * {@code {"dimension": "page", "direction": "descending", "dimensionOrder": "numeric"}}.
 */
public record OrderByColumnSpec(String dimension, boolean descending, StringOrdering dimensionOrder) {
    public OrderByColumnSpec {
        require(dimension != null && !dimension.isEmpty(), "dimension", "is required");
        dimensionOrder = dimensionOrder == null ? StringOrdering.LEXICOGRAPHIC : dimensionOrder;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrderByColumnSpec of(String dimension) {
        return new OrderByColumnSpec(dimension, false, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static OrderByColumnSpec fromJson(
            @JsonProperty("dimension") String dimension,
            @JsonProperty("direction") String direction,
            @JsonProperty("dimensionOrder") JsonNode dimensionOrder) {
        return new OrderByColumnSpec(dimension, isDescending(direction),
                dimensionOrder == null || dimensionOrder.isNull() ? null : StringOrdering.fromJson(dimensionOrder));
    }

    /** Druid reads any prefix of ascending or descending, in any case: "asc", "DESC", "d". */
    private static boolean isDescending(String direction) {
        if (direction == null) {
            return false;
        }
        String upper = direction.trim().toUpperCase(Locale.ROOT);
        if (!upper.isEmpty() && "ASCENDING".startsWith(upper)) {
            return false;
        }
        if (!upper.isEmpty() && "DESCENDING".startsWith(upper)) {
            return true;
        }
        throw new dev.tributary.core.spec.SpecFieldException("direction",
                "'" + direction + "' is neither ascending nor descending");
    }
}
