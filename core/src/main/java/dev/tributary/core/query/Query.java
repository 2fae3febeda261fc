package dev.tributary.core.query;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** A Druid native query, chosen by its {@code queryType}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "queryType")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TimeseriesQuery.class, name = "timeseries"),
})
public interface Query {
    TableDataSource dataSource();

    QueryIntervals intervals();

    /** Druid's {@code context}: queryId, timeout, skipEmptyBuckets, ...; never null. */
    Map<String, Object> context();

    /** A context flag as Druid reads it: a boolean, or the text "true". */
    default boolean contextFlag(String key) {
        Object value = context().get(key);
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }
}
