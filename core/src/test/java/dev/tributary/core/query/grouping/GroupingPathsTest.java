package dev.tributary.core.query.grouping;

import static dev.tributary.core.testing.TestData.dataSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.testing.WikiData;
import dev.tributary.core.time.DateTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GroupBy answers on random data equal a naive count, whatever table the grouping picks: an array by
 * dictionary id, a dense tuple array, packed long keys, int-array keys from the start, or packed keys
 * handed over to int-array keys in the middle of a scan (a numeric dimension outgrowing its bits);
 * over one piece and over two merged pieces; with multi-value rows exploded.
 */
class GroupingPathsTest {
    private static final DataSchema SCHEMA = dataSchema("""
            {"dataSource": "wiki", "timestampSpec": {"column": "ts"},
             "dimensionsSpec": {"dimensions": ["s1", "s2", "s3", "s4", "s5", "s6", "tags",
                 {"type": "long", "name": "n1"}, {"type": "long", "name": "n2"},
                 {"type": "long", "name": "n3"}, {"type": "long", "name": "n4"}]},
             "metricsSpec": [{"type": "longSum", "name": "added", "fieldName": "added"}],
             "granularitySpec": {"rollup": false}}""");
    private static final List<String> DIMENSIONS =
            List.of("s1", "s2", "s3", "s4", "s5", "s6", "tags", "n1", "n2", "n3", "n4");
    private static final long START = DateTimes.parseIso("2013-08-31T00:00:00Z");
    private static final int EVENTS = 40_000;

    private static final List<Map<String, Object>> EVENTS_1 = events(1);
    private static final List<Map<String, Object>> EVENTS_2 = events(2);
    private static final IncrementalIndex PIECE_1 = index(EVENTS_1);
    private static final IncrementalIndex PIECE_2 = index(EVENTS_2);

    private static List<Map<String, Object>> events(long seed) {
        Random random = new Random(seed);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Map<String, Object> event = new HashMap<>();
            event.put("ts", START + random.nextInt(6 * 3_600_000));
            event.put("s1", "v" + random.nextInt(5));
            for (int s = 2; s <= 6; s++) {
                event.put("s" + s, random.nextInt(20) == 0 ? null : "w" + random.nextInt(3000));
            }
            event.put("n1", (seed - 1) * 100_000 + i); // distinct per event: outgrows 15 bits after 32768 rows
            event.put("n2", random.nextInt(10));
            event.put("n3", random.nextInt(4));
            event.put("n4", random.nextInt(3));
            int tags = random.nextInt(4);
            List<String> values = new ArrayList<>();
            for (int t = 0; t < tags; t++) {
                values.add("t" + random.nextInt(6));
            }
            event.put("tags", values.stream().distinct().toList());
            event.put("added", random.nextInt(100));
            events.add(event);
        }
        return events;
    }

    private static IncrementalIndex index(List<Map<String, Object>> events) {
        IncrementalIndex index = new IncrementalIndex(SCHEMA);
        for (Map<String, Object> event : events) {
            index.add(new InputRow((Long) event.get("ts"), DIMENSIONS, event));
        }
        return index;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "all:s1",              // one dimension, one bucket: ids index an array
        "hour:s1",             // dense (bucket, id) tuples
        "all:s1,s2",           // dense tuples of two dictionaries
        "hour:s2,n2",          // a numeric dimension: packed long keys
        "hour:s2,s3,s4,s5,s6", // 5 x 13 bits: int-array keys from the start
        "all:n1,n2,n3,n4",     // 4 numeric dimensions get 15 bits each; n1 outgrows them mid-scan
        "hour:tags,s1",        // multi-value rows counted once per value
        "all:tags",            // multi-value rows in the array path
    })
    void shouldMatchANaiveCountOnOneAndOnTwoPieces(String spec) {
        String granularity = spec.substring(0, spec.indexOf(':'));
        List<String> dimensions = List.of(spec.substring(spec.indexOf(':') + 1).split(","));

        assertThat(groupBy(List.of(PIECE_1), granularity, dimensions))
                .isEqualTo(naive(List.of(EVENTS_1), granularity, dimensions));
        assertThat(groupBy(List.of(PIECE_1, PIECE_2), granularity, dimensions))
                .isEqualTo(naive(List.of(EVENTS_1, EVENTS_2), granularity, dimensions));
    }

    /** Each group as "time|value|value... -> rows/added". */
    private static Map<String, String> groupBy(List<IncrementalIndex> pieces, String granularity, List<String> dimensions) {
        String query = """
                {"queryType": "groupBy", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"], "granularity": "%s",
                 "dimensions": %s,
                 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "added", "fieldName": "added"}]}"""
                .formatted(granularity, dimensions.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(",", "[", "]")));
        Map<String, String> groups = new HashMap<>();
        try {
            for (JsonNode row : Json.mapper().readTree(WikiData.run(pieces, query))) {
                JsonNode event = row.get("event");
                StringBuilder key = new StringBuilder(row.get("timestamp").asText());
                for (String dimension : dimensions) {
                    key.append('|').append(event.get(dimension).isNull() ? null : event.get(dimension).asText());
                }
                String previous = groups.put(key.toString(), event.get("rows").asLong() + "/" + event.get("added").asLong());
                assertThat(previous).as("group %s answered twice", key).isNull();
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return groups;
    }

    private static Map<String, String> naive(List<List<Map<String, Object>>> pieces, String granularity, List<String> dimensions) {
        Map<String, long[]> sums = new HashMap<>();
        Map<Long, String> printed = new HashMap<>();
        for (List<Map<String, Object>> events : pieces) {
            for (Map<String, Object> event : events) {
                long time = (Long) event.get("ts");
                long bucket = "all".equals(granularity) ? START : time - Math.floorMod(time, 3_600_000L);
                List<String> keys = List.of(printed.computeIfAbsent(bucket, DateTimes::print));
                for (String dimension : dimensions) {
                    Object value = event.get(dimension);
                    List<String> values = value instanceof List<?> list && !list.isEmpty()
                            ? list.stream().map(String::valueOf).toList()
                            : java.util.Collections.singletonList(value instanceof List<?> || value == null ? null : String.valueOf(value));
                    List<String> next = new ArrayList<>();
                    for (String prefix : keys) {
                        for (String v : values) {
                            next.add(prefix + "|" + v);
                        }
                    }
                    keys = next;
                }
                for (String key : keys) {
                    long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
                    sum[0]++;
                    sum[1] += ((Number) event.get("added")).longValue();
                }
            }
        }
        Map<String, String> groups = new HashMap<>();
        sums.forEach((key, sum) -> groups.put(key, sum[0] + "/" + sum[1]));
        return groups;
    }
}
