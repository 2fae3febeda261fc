package dev.tributary.core.query.dimension;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tributary.core.column.ColumnType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Druid's {@code default} dimension spec: which column a topN or groupBy groups on, the name its
 * values get in results, and the type they are converted to. Read from a column name
 * ({@code "page"}) or {@code {"type": "default", "dimension": "page", "outputName": "p", "outputType": "STRING"}}.
 */
public record DimensionSpec(String dimension, String outputName, ColumnType outputType) {
    public DimensionSpec {
        require(dimension != null && !dimension.isEmpty(), "dimension", "is required");
        outputName = outputName == null ? dimension : outputName;
        outputType = outputType == null ? ColumnType.STRING : outputType;
        require(outputType != ColumnType.COMPLEX, "outputType", "must be STRING, LONG, FLOAT or DOUBLE");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DimensionSpec of(String dimension) {
        return new DimensionSpec(dimension, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static DimensionSpec fromJson(
            @JsonProperty("type") String type,
            @JsonProperty("dimension") String dimension,
            @JsonProperty("outputName") String outputName,
            @JsonProperty("outputType") String outputType) {
        require(type == null || "default".equals(type), "type",
                "dimension spec type '" + type + "' is not supported; use 'default'");
        return new DimensionSpec(dimension, outputName, parseType(outputType));
    }

    private static ColumnType parseType(String outputType) {
        if (outputType == null) {
            return null;
        }
        try {
            return ColumnType.valueOf(outputType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new dev.tributary.core.spec.SpecFieldException("outputType",
                    "'" + outputType + "' is not one of STRING, LONG, FLOAT, DOUBLE");
        }
    }

    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "default");
        json.put("dimension", dimension);
        json.put("outputName", outputName);
        json.put("outputType", outputType.druidName());
        return json;
    }
}
