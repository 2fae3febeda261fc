package dev.tributary.core.segment;

import static dev.tributary.core.segment.SegmentRoundTripTest.COLUMNS;
import static dev.tributary.core.segment.SegmentRoundTripTest.SCHEMA;
import static dev.tributary.core.segment.SegmentRoundTripTest.randomEvents;
import static dev.tributary.core.segment.SegmentRoundTripTest.run;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.testing.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persisting and merging never change an answer: random events, cut into hydrants at random persist
 * points, some persisted, some merged (with segments and live indexes mixed), give the same query
 * results as one index holding every event; and merging every piece gives that index's rows.
 */
class SegmentMergePropertyTest {
    private static final String[] DIMENSIONS = {"page", "tags", "size", "ratio", "score"};

    @TempDir
    Path temp;
    private int written;

    @Test
    void shouldAnswerRandomQueriesOverRandomPiecesAsOneIndexDoes() throws IOException {
        for (int trial = 0; trial < 12; trial++) {
            SplittableRandom random = new SplittableRandom(100 + trial);
            String[] events = randomEvents(random, 200 + random.nextInt(2500));
            IncrementalIndex whole = index(SCHEMA, events);
            List<QueryableIndex> pieces = randomPieces(random, events);

            for (int q = 0; q < 15; q++) {
                String query = randomQuery(random);
                assertThat(run(query, pieces)).as("trial %d, %d pieces: %s", trial, pieces.size(), query)
                        .isEqualTo(run(query, List.of(whole)));
            }
            WrittenSegment all = SegmentMerger.merge(pieces, next());
            try (Segment merged = Segment.open(all.directory())) {
                assertThat(rows(merged, COLUMNS)).as("trial %d: every piece merged", trial)
                        .containsExactlyInAnyOrderElementsOf(rows(whole, COLUMNS));
            }
        }
    }

    @Test
    void shouldKeepEveryRowWhenThePiecesDoNotRollUp() throws IOException {
        var schema = TestData.dataSchema(SegmentRoundTripTest.SCHEMA_JSON.replace("\"rollup\": true", "\"rollup\": false"));
        assertThat(schema.granularitySpec().rollup()).isFalse();
        String[] events = randomEvents(new SplittableRandom(9), 500);
        IncrementalIndex first = index(schema, Arrays.copyOfRange(events, 0, 200));
        IncrementalIndex second = index(schema, Arrays.copyOfRange(events, 200, 500));
        try (Segment merged = Segment.open(SegmentMerger.merge(List.of(first, second), next()).directory())) {
            assertThat(merged.rollup()).isFalse();
            assertThat(merged.rowCount()).isEqualTo(500);
            assertThat(rows(merged, COLUMNS)).containsExactlyInAnyOrderElementsOf(rows(index(schema, events), COLUMNS));
        }
    }

    @Test
    void shouldRefusePiecesOfDifferentDataSources() {
        IncrementalIndex wiki = index(SCHEMA, randomEvents(new SplittableRandom(1), 5));
        IncrementalIndex other = index(TestData.dataSchema("""
                {"dataSource": "other", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": []},
                 "metricsSpec": [{"type": "count", "name": "count"}]}"""), "{\"ts\": 1}");
        assertThatThrownBy(() -> SegmentMerger.merge(List.of(wiki, other), temp.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataSources wiki and other");
    }

    /** Cuts the events into hydrants; persists some, merges some of those, leaves the last live. */
    private List<QueryableIndex> randomPieces(SplittableRandom random, String[] events) throws IOException {
        List<QueryableIndex> pieces = new ArrayList<>();
        int from = 0;
        while (from < events.length) {
            int to = Math.min(events.length, from + 1 + random.nextInt(Math.max(1, events.length / 3)));
            IncrementalIndex hydrant = index(SCHEMA, Arrays.copyOfRange(events, from, to));
            pieces.add(to < events.length || random.nextBoolean() ? Segment.open(SegmentWriter.write(hydrant, next()).directory()) : hydrant);
            from = to;
        }
        if (pieces.size() >= 3 && random.nextBoolean()) {
            int count = 2 + random.nextInt(pieces.size() - 1);
            List<QueryableIndex> group = new ArrayList<>(pieces.subList(0, count));
            pieces.subList(0, count).clear();
            pieces.add(0, Segment.open(SegmentMerger.merge(group, next()).directory()));
        }
        return pieces;
    }

    private Path next() {
        return temp.resolve("segment-" + written++);
    }

    private static List<?> run(String query, List<QueryableIndex> pieces) {
        try {
            List<?> results = new dev.tributary.core.query.QueryExecutor(ds -> pieces)
                    .run(dev.tributary.core.query.QueryReader.read(query.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return dev.tributary.core.Json.mapper().readValue(dev.tributary.core.Json.mapper().writeValueAsBytes(results), List.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queries whose answers do not depend on how events were split into rows (no row counts). */
    private static String randomQuery(SplittableRandom random) {
        String aggregations = """
                [{"type": "longSum", "name": "events", "fieldName": "count"},
                 {"type": "longSum", "name": "added", "fieldName": "added"},
                 {"type": "doubleSum", "name": "delta", "fieldName": "delta"},
                 {"type": "floatMin", "name": "low", "fieldName": "low"},
                 {"type": "longMax", "name": "most", "fieldName": "most"},
                 {"type": "longSum", "name": "p1", "fieldName": "p1Added"}]""";
        String filter = randomFilter(random);
        String granularity = new String[] {"all", "minute", "hour", "fifteen_minute"}[random.nextInt(4)];
        String dimension = DIMENSIONS[random.nextInt(DIMENSIONS.length)];
        String intervals = random.nextBoolean() ? "[\"2000/2100\"]" : "[\"2000-01-01T00:30/2000-01-01T02:10\"]";
        String common = "\"dataSource\": \"wiki\", \"intervals\": " + intervals + ", \"granularity\": \"" + granularity + "\""
                + (filter == null ? "" : ", \"filter\": " + filter) + ", \"aggregations\": " + aggregations;
        return switch (random.nextInt(3)) {
            case 0 -> "{\"queryType\": \"timeseries\", " + common + "}";
            case 1 -> "{\"queryType\": \"topN\", " + common + ", \"dimension\": \"" + dimension
                    + "\", \"metric\": \"added\", \"threshold\": " + (1 + random.nextInt(8)) + "}";
            default -> "{\"queryType\": \"groupBy\", " + common + ", \"dimensions\": [\"" + dimension + "\", \""
                    + DIMENSIONS[(Arrays.asList(DIMENSIONS).indexOf(dimension) + 1 + random.nextInt(DIMENSIONS.length - 1))
                    % DIMENSIONS.length] + "\"]}";
        };
    }

    private static String randomFilter(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "{\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"p" + random.nextInt(6) + "\"}";
            case 2 -> "{\"type\": \"in\", \"dimension\": \"tags\", \"values\": [\"a\", \"\", \"😀\"]}";
            case 3 -> "{\"type\": \"bound\", \"dimension\": \"size\", \"lower\": \"1\", \"ordering\": \"numeric\"}";
            case 4 -> "{\"type\": \"not\", \"field\": {\"type\": \"null\", \"column\": \"score\"}}";
            case 5 -> "{\"type\": \"or\", \"fields\": [{\"type\": \"like\", \"dimension\": \"page\", \"pattern\": \"p1%\"},"
                    + " {\"type\": \"selector\", \"dimension\": \"tags\", \"value\": null}]}";
            case 7 -> "{\"type\": \"not\", \"field\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"p1\"}}";
            case 8 -> "{\"type\": \"and\", \"fields\": [{\"type\": \"not\", \"field\": {\"type\": \"in\", \"dimension\": \"tags\","
                    + " \"values\": [\"b\", \"é\"]}}, {\"type\": \"regex\", \"dimension\": \"page\", \"pattern\": \"^p[0-3]\"}]}";
            default -> "{\"type\": \"range\", \"column\": \"ratio\", \"matchValueType\": \"DOUBLE\", \"lower\": 0.5}";
        };
    }
}
