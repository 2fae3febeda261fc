package dev.tributary.worker.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Interval;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * <p>JSON goes through {@link DruidJson}, a record of exactly Druid's fields, rather than through
 * annotations on this record: the list-valued components are comma-separated text in Druid's shape,
 * and an accessor annotated away from its own component also hides that component from the creator.
 *
 * @param loadSpec where a historical pulls it from: {@code {"type":"local"|"s3","uri":"..."}}; empty
 *                 for a realtime sink
 * @param partitionNum the partition of (dataSource, interval, version), allocated by
 *                     {@link SegmentStore#allocatePartition} so that no two workers share one
 */
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

    /** Druid's segment id. */
    public String id() {
        String base = dataSource + "_" + DateTimes.print(interval.start()) + "_" + DateTimes.print(interval.end())
                + "_" + version;
        return partitionNum == 0 ? base : base + "_" + partitionNum;
    }

    /** The same segment stored at {@code newLoadSpec}, {@code newSize} bytes. */
    public DataSegment withLoadSpec(Map<String, Object> newLoadSpec, long newSize) {
        return new DataSegment(dataSource, interval, version, newLoadSpec, dimensions, metrics, partitionNum, newSize);
    }

    @JsonValue
    DruidJson toJson() {
        // Ordered, so that the same segment is always the same text.
        Map<String, Object> shardSpec = new LinkedHashMap<>();
        shardSpec.put("type", "numbered");
        shardSpec.put("partitionNum", partitionNum);
        shardSpec.put("partitions", 0);
        return new DruidJson(dataSource, interval, version, loadSpec, String.join(",", dimensions),
                String.join(",", metrics), shardSpec, BINARY_VERSION, size, id());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DataSegment fromJson(DruidJson json) {
        Object partition = json.shardSpec() == null ? null : json.shardSpec().get("partitionNum");
        return new DataSegment(json.dataSource(), json.interval(), json.version(), json.loadSpec(),
                split(json.dimensions()), split(json.metrics()), partition instanceof Number n ? n.intValue() : 0,
                json.size());
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    /**
     * Druid's JSON of a segment, field for field. {@code binaryVersion} and {@code identifier} are
     * written for Druid's readers and ignored when read, as Druid ignores them: the id is always derived
     * from the other fields, so a payload cannot name a segment other than the one it describes.
     */
    @JsonPropertyOrder({"dataSource", "interval", "version", "loadSpec", "dimensions", "metrics", "shardSpec",
        "binaryVersion", "size", "identifier"})
    record DruidJson(@JsonProperty("dataSource") String dataSource, @JsonProperty("interval") Interval interval,
            @JsonProperty("version") String version, @JsonProperty("loadSpec") Map<String, Object> loadSpec,
            @JsonProperty("dimensions") String dimensions, @JsonProperty("metrics") String metrics,
            @JsonProperty("shardSpec") Map<String, Object> shardSpec,
            @JsonProperty("binaryVersion") Integer binaryVersion, @JsonProperty("size") long size,
            @JsonProperty("identifier") String identifier) {
    }
}
