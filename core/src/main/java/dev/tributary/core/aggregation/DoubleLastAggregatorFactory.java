package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code doubleLast}: the value of a field at the latest time, as a double. */
public final class DoubleLastAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public DoubleLastAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn) {
        super("doubleLast", Kind.DOUBLE, true, name, fieldName, timeColumn, null);
    }

    public DoubleLastAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null);
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new DoubleLastAggregatorFactory(name, fieldName, timeColumn);
    }
}
