package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code floatFirst}: the value of a field at the earliest time, as a float. */
public final class FloatFirstAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public FloatFirstAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn) {
        super("floatFirst", Kind.FLOAT, false, name, fieldName, timeColumn, null);
    }

    public FloatFirstAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null);
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new FloatFirstAggregatorFactory(name, fieldName, timeColumn);
    }
}
