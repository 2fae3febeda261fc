package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code stringFirst}: the value of a field at the earliest time, as text of at most {@code maxStringBytes} UTF-8 bytes (default 1024). */
public final class StringFirstAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public StringFirstAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn,
            @JsonProperty("maxStringBytes") Integer maxStringBytes) {
        super("stringFirst", Kind.STRING, false, name, fieldName, timeColumn, maxStringBytes);
    }

    public StringFirstAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null, null);
    }

    @JsonProperty("maxStringBytes")
    public int maxStringBytes() {
        return maxBytes();
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new StringFirstAggregatorFactory(name, fieldName, timeColumn, maxBytes());
    }
}
