package dev.tributary.worker.historical;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.segment.SegmentWriter;
import dev.tributary.core.segment.WrittenSegment;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.DateTimes;
import dev.tributary.core.time.Interval;
import dev.tributary.deepstorage.DeepStorage;
import dev.tributary.deepstorage.SegmentKey;
import dev.tributary.worker.metadata.DataSegment;
import dev.tributary.worker.metadata.SegmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real segments for historical tests: HOUR segments of dataSource {@code clicks} with a count metric,
 * written with {@link SegmentWriter}, pushed to a real deep storage and published in a real metadata
 * store, the way a realtime node hands off.
 */
final class TestSegments {
    static final long BASE = DateTimes.parseIso("2026-03-01T00:00:00Z");
    static final long HOUR = 3_600_000L;
    static final DataSchema SCHEMA = SpecReader.read("""
            {"dataSource": "clicks", "timestampSpec": {"column": "ts", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["channel"]},
             "metricsSpec": [{"type": "count", "name": "count"}],
             "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none"}}""", DataSchema.class);
    /** The number of events of every segment of the day, through the longSum of the count metric. */
    static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "clicks", "intervals": ["2026-03-01/2026-03-02"],
             "granularity": "all", "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"}]}
            """;

    private final Path buildDirectory;
    private final SegmentStore store;
    private int built;

    /**
     * @param buildDirectory where segments are written before they are pushed
     */
    TestSegments(Path buildDirectory, SegmentStore store) {
        this.buildDirectory = buildDirectory;
        this.store = store;
    }

    /** The segment of hour {@code hour} of 2026-03-01, holding {@code events} distinct events, not yet stored anywhere. */
    static DataSegment descriptor(int hour) {
        Interval interval = new Interval(BASE + hour * HOUR, BASE + (hour + 1) * HOUR);
        return new DataSegment("clicks", interval, "v1", Map.of(), List.of("channel"), List.of("count"), 0, 0);
    }

    /** Writes the segment of {@code hour} with {@code events} events and pushes it to {@code deepStorage}. */
    DataSegment push(DeepStorage deepStorage, int hour, int events) {
        DataSegment segment = descriptor(hour);
        IncrementalIndex index = new IncrementalIndex(SCHEMA);
        JsonInputRowParser parser = new JsonInputRowParser(SCHEMA);
        for (int i = 0; i < events; i++) {
            String event = "{\"ts\": " + (segment.interval().start() + i * 1000L) + ", \"channel\": \"c" + (i % 3) + "\"}";
            index.add(parser.parse(event.getBytes(UTF_8)));
        }
        try {
            WrittenSegment written = SegmentWriter.write(index, buildDirectory.resolve("built-" + built++));
            URI location = deepStorage.push(written.directory(), keyOf(segment));
            return segment.withLoadSpec(Map.of("type", "local", "uri", location.toString()), written.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #push}es the segment and publishes it as used. */
    DataSegment publish(DeepStorage deepStorage, int hour, int events) {
        DataSegment segment = push(deepStorage, hour, events);
        store.publish(segment);
        return segment;
    }

    /** Publishes hour i of the day with i + 1 events, for i in 0..9: 55 events in all; their ids. */
    Set<String> publishTen(DeepStorage deepStorage) {
        Set<String> ids = new HashSet<>();
        for (int hour = 0; hour < 10; hour++) {
            ids.add(publish(deepStorage, hour, hour + 1).id());
        }
        return ids;
    }

    static SegmentKey keyOf(DataSegment segment) {
        return new SegmentKey(segment.dataSource(), DateTimes.print(segment.interval().start()),
                DateTimes.print(segment.interval().end()), segment.version(), segment.partitionNum());
    }
}
