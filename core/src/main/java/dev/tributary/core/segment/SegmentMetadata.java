package dev.tributary.core.segment;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.List;

/**
 * What a segment's {@code meta} file says about it, as JSON: everything but the rows.
 *
 * @param interval from the earliest row time to just after the latest row's query-granularity bucket
 * @param columns {@code __time} first, then the dimensions in schema order, then the metrics
 * @param metrics the ingest-time aggregators, as in the spec's metricsSpec
 */
public record SegmentMetadata(
        @JsonProperty("formatVersion") int formatVersion,
        @JsonProperty("dataSource") String dataSource,
        @JsonProperty("interval") Interval interval,
        @JsonProperty("rows") int rows,
        @JsonProperty("rollup") boolean rollup,
        @JsonProperty("queryGranularity") Granularity queryGranularity,
        @JsonProperty("maxIngestedEventTime") long maxIngestedEventTime,
        @JsonProperty("columns") List<ColumnEntry> columns,
        @JsonProperty("metrics") List<AggregatorFactory> metrics) {
    public SegmentMetadata {
        columns = List.copyOf(columns);
        metrics = List.copyOf(metrics);
    }

    /** What a column is for. */
    public enum Role { TIME, DIMENSION, METRIC }

    /**
     * One column and the file that holds it.
     *
     * @param typeName the object type of a complex column (as {@code ComplexColumn.typeName()}); else null
     * @param file the file name inside the segment directory
     */
    public record ColumnEntry(
            @JsonProperty("name") String name,
            @JsonProperty("role") Role role,
            @JsonProperty("type") ColumnType type,
            @JsonProperty("typeName") String typeName,
            @JsonProperty("multiValued") boolean multiValued,
            @JsonProperty("file") String file) {
    }
}
