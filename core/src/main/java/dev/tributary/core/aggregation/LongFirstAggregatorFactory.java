package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code longFirst}: the value of a field at the earliest time, as a long. */
public final class LongFirstAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public LongFirstAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn) {
        super("longFirst", Kind.LONG, false, name, fieldName, timeColumn, null);
    }

    public LongFirstAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null);
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new LongFirstAggregatorFactory(name, fieldName, timeColumn);
    }
}
