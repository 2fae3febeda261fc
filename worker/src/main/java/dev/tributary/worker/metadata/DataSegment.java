package dev.tributary.worker.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One segment as the cluster knows it, in the JSON shape of Druid's {@code DataSegment}: the
 * {@code payload} of a row in the segments table, and the data of a segment's announcement in
 * ZooKeeper. A realtime node announces its live sinks with the same id they will have once handed
 * off (and an empty {@code loadSpec}), which is how a query counts a segment served by both once.
 *
 * <p>The id is Druid's: {@code dataSource_start_end_version}, then {@code _partitionNum} unless it is 0.
 * Immutable and thread-safe.
 *
 * @param loadSpec where a historical pulls it from: {@code {"type":"local"|"s3","uri":"..."}}; empty
 *                 for a realtime sink
 * @param partitionNum the partition of (dataSource, interval, version), allocated by
 *                     {@link SegmentStore#allocatePartition} so that no two workers share one
 */
@JsonPropertyOrder({"dataSource", "interval", "version", "loadSpec", "dimensions", "metrics", "shardSpec",
    "binaryVersion", "size", "identifier"})
public record DataSegment(String dataSource, Interval interval, String version, Map<String, Object> loadSpec,
        List<String> dimensions, List<String> metrics, int partitionNum, long size) {

    /** Druid's segment binary version for the shape we describe. */
    public static final int BINARY_VERSION = 9;

    public DataSegment {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(version, "version");
        loadSpec = loadSpec == null ? Map.of() : Map.copyOf(loadSpec);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        if (partitionNum < 0) {
            throw new IllegalArgumentException("partitionNum must be >= 0, was " + partitionNum);
        }
    }

    @JsonCreator
    static DataSegment fromJson(@JsonProperty("dataSource") String dataSource,
            @JsonProperty("interval") Interval interval, @JsonProperty("version") String version,
            @JsonProperty("loadSpec") Map<String, Object> loadSpec, @JsonProperty("dimensions") String dimensions,
            @JsonProperty("metrics") String metrics, @JsonProperty("shardSpec") Map<String, Object> shardSpec,
            @JsonProperty("size") long size) {
        Object partition = shardSpec == null ? null : shardSpec.get("partitionNum");
        return new DataSegment(dataSource, interval, version, loadSpec, split(dimensions), split(metrics),
                partition instanceof Number n ? n.intValue() : 0, size);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    /** Druid's segment id. */
    @JsonProperty("identifier")
    public String id() {
        String base = dataSource + "_" + DateTimes.print(interval.start()) + "_" + DateTimes.print(interval.end())
                + "_" + version;
        return partitionNum == 0 ? base : base + "_" + partitionNum;
    }

    @JsonProperty("dataSource")
    @Override
    public String dataSource() {
        return dataSource;
    }

    @JsonProperty("interval")
    @Override
    public Interval interval() {
        return interval;
    }

    @JsonProperty("version")
    @Override
    public String version() {
        return version;
    }

    @JsonProperty("loadSpec")
    @Override
    public Map<String, Object> loadSpec() {
        return loadSpec;
    }

    @JsonIgnore
    @Override
    public List<String> dimensions() {
        return dimensions;
    }

    @JsonProperty("dimensions")
    String dimensionsCsv() {
        return String.join(",", dimensions);
    }

    @JsonIgnore
    @Override
    public List<String> metrics() {
        return metrics;
    }

    @JsonProperty("metrics")
    String metricsCsv() {
        return String.join(",", metrics);
    }

    @JsonIgnore
    @Override
    public int partitionNum() {
        return partitionNum;
    }

    @JsonProperty("shardSpec")
    Map<String, Object> shardSpec() {
        return Map.of("type", "numbered", "partitionNum", partitionNum, "partitions", 0);
    }

    @JsonProperty("binaryVersion")
    int binaryVersion() {
        return BINARY_VERSION;
    }

    @JsonProperty("size")
    @Override
    public long size() {
        return size;
    }

    /** The same segment stored at {@code newLoadSpec}, {@code newSize} bytes. */
    public DataSegment withLoadSpec(Map<String, Object> newLoadSpec, long newSize) {
        return new DataSegment(dataSource, interval, version, newLoadSpec, dimensions, metrics, partitionNum, newSize);
    }
}
