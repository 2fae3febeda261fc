package dev.tributary.core.aggregation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Druid's {@code stringLast}: the value of a field at the latest time, as text of at most {@code maxStringBytes} UTF-8 bytes (default 1024). */
public final class StringLastAggregatorFactory extends FirstLastAggregatorFactory {
    @JsonCreator
    public StringLastAggregatorFactory(
            @JsonProperty("name") String name,
            @JsonProperty("fieldName") String fieldName,
            @JsonProperty("timeColumn") String timeColumn,
            @JsonProperty("maxStringBytes") Integer maxStringBytes) {
        super("stringLast", Kind.STRING, true, name, fieldName, timeColumn, maxStringBytes);
    }

    public StringLastAggregatorFactory(String name, String fieldName) {
        this(name, fieldName, null, null);
    }

    @JsonProperty("maxStringBytes")
    public int maxStringBytes() {
        return maxBytes();
    }

    @Override
    FirstLastAggregatorFactory with(String name, String fieldName, String timeColumn) {
        return new StringLastAggregatorFactory(name, fieldName, timeColumn, maxBytes());
    }
}
