package dev.tributary.core.query;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** A Druid native query, chosen by its {@code queryType}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "queryType")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TimeseriesQuery.class, name = "timeseries"),
    @JsonSubTypes.Type(value = dev.tributary.core.query.topn.TopNQuery.class, name = "topN"),
    @JsonSubTypes.Type(value = dev.tributary.core.query.groupby.GroupByQuery.class, name = "groupBy"),
    @JsonSubTypes.Type(value = dev.tributary.core.query.scan.ScanQuery.class, name = "scan"),
    @JsonSubTypes.Type(value = dev.tributary.core.query.search.SearchQuery.class, name = "search"),
    @JsonSubTypes.Type(value = dev.tributary.core.query.metadata.TimeBoundaryQuery.class, name = "timeBoundary"),
    @JsonSubTypes.Type(value = dev.tributary.core.query.metadata.SegmentMetadataQuery.class, name = "segmentMetadata"),
    @JsonSubTypes.Type(value = dev.tributary.core.query.metadata.DataSourceMetadataQuery.class, name = "dataSourceMetadata"),
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
