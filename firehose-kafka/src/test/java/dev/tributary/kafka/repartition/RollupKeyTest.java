package dev.tributary.kafka.repartition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RollupKeyTest {
    private static final String DECLARED = """
            {"dataSource": "events", "timestampSpec": {"column": "ts", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["page", {"type": "long", "name": "status"}, {"type": "float", "name": "ratio"},
               "tags", {"name": "path", "multiValueHandling": "array"}, {"name": "labels", "multiValueHandling": "sorted_set"}]},
             "metricsSpec": [{"type": "count", "name": "count"}],
             "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}}""";
    private static final String SCHEMALESS = """
            {"dataSource": "events", "timestampSpec": {"column": "ts", "format": "millis"},
             "metricsSpec": [{"type": "count", "name": "count"}],
             "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "minute"}}""";
    private static final long MINUTE = 60_000;
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final long PINNED_HASH = 1942968631414709287L;

    private static DataSchema schema(String json) {
        return SpecReader.read(json, DataSchema.class);
    }

    private static long hash(String schema, String event) {
        DataSchema dataSchema = schema(schema);
        return new RollupKey(dataSchema).hash(new JsonInputRowParser(dataSchema).parse(event.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldGiveEventsOfOneMinuteAndEqualDimensionsOneHash() {
        assertThat(hash(DECLARED, "{\"ts\": %d, \"page\": \"a\", \"status\": 200}".formatted(T0 + 1_000)))
                .isEqualTo(hash(DECLARED, "{\"ts\": %d, \"page\": \"a\", \"status\": \"200\", \"other\": 1}".formatted(T0 + 59_999)));
    }

    @Test
    void shouldSeparateMinutesAndDimensionValues() {
        long base = hash(DECLARED, "{\"ts\": %d, \"page\": \"a\"}".formatted(T0));
        assertThat(hash(DECLARED, "{\"ts\": %d, \"page\": \"a\"}".formatted(T0 + MINUTE))).isNotEqualTo(base);
        assertThat(hash(DECLARED, "{\"ts\": %d, \"page\": \"b\"}".formatted(T0))).isNotEqualTo(base);
        assertThat(hash(DECLARED, "{\"ts\": %d, \"page\": \"a\", \"status\": 0}".formatted(T0))).isNotEqualTo(base);
        // a value moved to the next dimension is another key
        assertThat(hash(DECLARED, "{\"ts\": %d, \"tags\": \"a\"}".formatted(T0))).isNotEqualTo(base);
    }

    @Test
    void shouldOrderMultiValuesAsTheirHandlingSays() {
        assertThat(hash(DECLARED, "{\"ts\": %d, \"tags\": [\"x\", \"y\"]}".formatted(T0)))
                .isEqualTo(hash(DECLARED, "{\"ts\": %d, \"tags\": [\"y\", \"x\"]}".formatted(T0)));
        assertThat(hash(DECLARED, "{\"ts\": %d, \"path\": [\"x\", \"y\"]}".formatted(T0)))
                .isNotEqualTo(hash(DECLARED, "{\"ts\": %d, \"path\": [\"y\", \"x\"]}".formatted(T0)));
        assertThat(hash(DECLARED, "{\"ts\": %d, \"labels\": [\"y\", \"x\", \"y\"]}".formatted(T0)))
                .isEqualTo(hash(DECLARED, "{\"ts\": %d, \"labels\": [\"x\", \"y\"]}".formatted(T0)));
        assertThat(hash(DECLARED, "{\"ts\": %d, \"tags\": [\"x\"]}".formatted(T0)))
                .isEqualTo(hash(DECLARED, "{\"ts\": %d, \"tags\": \"x\"}".formatted(T0)));
        assertThat(hash(DECLARED, "{\"ts\": %d, \"tags\": []}".formatted(T0)))
                .isEqualTo(hash(DECLARED, "{\"ts\": %d}".formatted(T0)));
    }

    @Test
    void shouldHashSchemalessDimensionsByNameWhateverTheirOrderOrAbsence() {
        assertThat(hash(SCHEMALESS, "{\"ts\": %d, \"a\": \"1\", \"b\": \"2\"}".formatted(T0)))
                .isEqualTo(hash(SCHEMALESS, "{\"b\": \"2\", \"ts\": %d, \"a\": \"1\", \"c\": null}".formatted(T0)));
        assertThat(hash(SCHEMALESS, "{\"ts\": %d, \"a\": \"1\"}".formatted(T0)))
                .isNotEqualTo(hash(SCHEMALESS, "{\"ts\": %d, \"b\": \"1\"}".formatted(T0)));
    }

    @Test
    void shouldBeTheSameHashInEveryJvm() {
        // pinned: instances of the job on different machines must agree, so the function must not drift unnoticed
        assertThat(hash(DECLARED, "{\"ts\": %d, \"page\": \"a\", \"status\": 200, \"tags\": [\"y\", \"x\"]}".formatted(T0)))
                .isEqualTo(PINNED_HASH);
    }

    @Test
    void shouldGiveAsManyHashesAsTheIndexMakesRows() {
        for (String json : List.of(DECLARED, SCHEMALESS)) {
            DataSchema schema = schema(json);
            JsonInputRowParser parser = new JsonInputRowParser(schema);
            RollupKey key = new RollupKey(schema);
            IncrementalIndex index = new IncrementalIndex(schema);
            Set<Long> hashes = new HashSet<>();
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 20_000; i++) {
                InputRow row = parser.parse(randomEvent(random).getBytes(StandardCharsets.UTF_8));
                index.add(row);
                hashes.add(key.hash(row));
            }
            // more hashes than rows: events of one row were keyed apart; fewer: a 64-bit collision
            assertThat(hashes).as("distinct hashes for %s", json).hasSize(index.rowCount());
        }
    }

    /** Events whose values come in the several forms the index treats as equal. */
    private static String randomEvent(SplittableRandom random) {
        StringBuilder json = new StringBuilder("{\"ts\": ").append(T0 + random.nextLong(3 * MINUTE));
        String[] tags = {"x", "y", "z"};
        if (random.nextBoolean()) {
            json.append(", \"page\": \"p").append(random.nextInt(3)).append('"');
        }
        switch (random.nextInt(4)) {
            case 0 -> json.append(", \"status\": ").append(200 + random.nextInt(2));
            case 1 -> json.append(", \"status\": \"").append(200 + random.nextInt(2)).append('"');
            case 2 -> json.append(", \"status\": ").append(200 + random.nextInt(2)).append(".0");
            default -> { }
        }
        if (random.nextBoolean()) {
            json.append(", \"ratio\": ").append(random.nextBoolean() ? "0.5" : "\"0.5\"");
        }
        for (String name : new String[] {"tags", "path", "labels"}) {
            int n = random.nextInt(4);
            if (n == 0) {
                continue;
            }
            json.append(", \"").append(name).append("\": [");
            for (int v = 0; v < n; v++) {
                json.append(v == 0 ? "" : ", ").append('"').append(tags[random.nextInt(tags.length)]).append('"');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }
}
