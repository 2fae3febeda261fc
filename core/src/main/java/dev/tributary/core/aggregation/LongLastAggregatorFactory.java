package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code longLast}: the value of a field at the latest time, as a long. */
public final class LongLastAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public LongLastAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn) {
        super("longLast", Kind.LONG, true, name, fieldName, timeColumn, null);
    }

    public LongLastAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null);
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new LongLastAggregatorFactory(name, fieldName, timeColumn);
    }
}
