package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code floatLast}: the value of a field at the latest time, as a float. */
public final class FloatLastAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public FloatLastAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn) {
        super("floatLast", Kind.FLOAT, true, name, fieldName, timeColumn, null);
    }

    public FloatLastAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null);
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new FloatLastAggregatorFactory(name, fieldName, timeColumn);
    }
}
