package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code doubleFirst}: the value of a field at the earliest time, as a double. */
public final class DoubleFirstAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public DoubleFirstAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn) {
        super("doubleFirst", Kind.DOUBLE, false, name, fieldName, timeColumn, null);
    }

    public DoubleFirstAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null);
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new DoubleFirstAggregatorFactory(name, fieldName, timeColumn);
    }
}
