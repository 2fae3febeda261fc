package dev.tributary.core.segment;

import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.TestData.rows;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.Json;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.spec.DataSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persisted segment holds exactly the live index's rows and answers every query exactly as it did. */
class SegmentRoundTripTest {
    static final String SCHEMA_JSON = """
            {"dataSource": "wiki", "timestampSpec": {"column": "ts", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["page", "tags", {"type": "long", "name": "size"},
                                               {"type": "float", "name": "ratio"}, {"type": "double", "name": "score"}]},
             "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "added", "fieldName": "added"},
                             {"type": "doubleSum", "name": "delta", "fieldName": "delta"},
                             {"type": "floatMin", "name": "low", "fieldName": "delta"},
                             {"type": "longMax", "name": "most", "fieldName": "added"},
                             {"type": "filtered", "filter": {"type": "selector", "dimension": "page", "value": "p1"},
                              "aggregator": {"type": "longSum", "name": "p1Added", "fieldName": "added"}}],
             "granularitySpec": {"queryGranularity": "minute", "rollup": true}}""";
    static final DataSchema SCHEMA = dataSchema(SCHEMA_JSON);

    static final String[] COLUMNS = {"page", "tags", "size", "ratio", "score", "count", "added", "delta", "low", "most", "p1Added"};

    static final List<String> QUERIES = List.of(
            """
            {"queryType": "timeseries", "dataSource": "wiki", "granularity": "minute", "intervals": ["2000/2100"],
             "aggregations": [{"type": "longSum", "name": "count", "fieldName": "count"},
                              {"type": "longSum", "name": "added", "fieldName": "added"},
                              {"type": "doubleSum", "name": "delta", "fieldName": "delta"},
                              {"type": "floatMin", "name": "low", "fieldName": "low"},
                              {"type": "longMax", "name": "most", "fieldName": "most"},
                              {"type": "longSum", "name": "p1", "fieldName": "p1Added"}]}""",
            """
            {"queryType": "topN", "dataSource": "wiki", "granularity": "all", "intervals": ["2000/2100"],
             "dimension": "page", "metric": "added", "threshold": 5,
             "aggregations": [{"type": "longSum", "name": "added", "fieldName": "added"}]}""",
            """
            {"queryType": "groupBy", "dataSource": "wiki", "granularity": "all", "intervals": ["2000/2100"],
             "dimensions": ["tags", "size"], "filter": {"type": "bound", "dimension": "page", "lower": "p2", "ordering": "lexicographic"},
             "aggregations": [{"type": "count", "name": "rows"}, {"type": "doubleSum", "name": "delta", "fieldName": "delta"}]}""",
            """
            {"queryType": "groupBy", "dataSource": "wiki", "granularity": "hour", "intervals": ["2000/2100"],
             "dimensions": ["ratio", "score"], "filter": {"type": "in", "dimension": "tags", "values": ["a", "😀", null]},
             "aggregations": [{"type": "longSum", "name": "count", "fieldName": "count"}]}""",
            """
            {"queryType": "scan", "dataSource": "wiki", "intervals": ["2000/2100"],
             "columns": ["__time", "page", "tags", "size", "added"], "filter": {"type": "selector", "dimension": "page", "value": "p3"}}""",
            """
            {"queryType": "search", "dataSource": "wiki", "granularity": "all", "intervals": ["2000/2100"],
             "searchDimensions": ["page", "tags"], "query": {"type": "contains", "value": "1"}}""",
            """
            {"queryType": "timeBoundary", "dataSource": "wiki"}""",
            """
            {"queryType": "segmentMetadata", "dataSource": "wiki", "intervals": ["2000/2100"],
             "analysisTypes": ["cardinality", "minmax", "size", "interval", "aggregators", "rollup", "queryGranularity"]}""",
            """
            {"queryType": "dataSourceMetadata", "dataSource": "wiki"}""");

    @TempDir
    Path temp;

    @Test
    void shouldHoldTheLiveIndexRowsSortedByTimeAndDimensions() throws Exception {
        IncrementalIndex live = index(SCHEMA, randomEvents(new SplittableRandom(1), 3000));
        WrittenSegment written = SegmentWriter.write(live, temp.resolve("seg"));

        try (Segment segment = Segment.open(written.directory())) {
            assertThat(written.rows()).isEqualTo(segment.rowCount()).isEqualTo(live.rowCount());
            assertThat(written.bytes()).isPositive();
            assertThat(segment.dimensionNames()).isEqualTo(live.dimensionNames());
            assertThat(segment.metrics()).isEqualTo(live.metrics());
            assertThat(segment.dataInterval()).isEqualTo(live.dataInterval());
            assertThat(segment.maxIngestedEventTime()).isEqualTo(live.maxIngestedEventTime());
            assertThat(segment.column("size").type()).isEqualTo(ColumnType.LONG);
            assertThat(segment.column("ratio").type()).isEqualTo(ColumnType.FLOAT);
            assertThat(((StringColumn) segment.column("tags")).hasMultipleValues()).isTrue();

            List<Map<String, Object>> persisted = rows(segment, COLUMNS);
            assertThat(persisted).containsExactlyInAnyOrderElementsOf(rows(live, COLUMNS));
            List<Long> times = persisted.stream().map(r -> java.time.Instant.parse((String) r.get("__time")).toEpochMilli()).toList();
            assertThat(times).isSorted();
        }
    }

    @Test
    void shouldAnswerEveryQueryAsTheLiveIndexDid() throws Exception {
        IncrementalIndex live = index(SCHEMA, randomEvents(new SplittableRandom(2), 4000));
        SegmentWriter.write(live, temp.resolve("seg"));
        try (Segment segment = Segment.open(temp.resolve("seg"))) {
            for (String query : QUERIES) {
                if (query.contains("scan")) {
                    // scan returns rows in storage order, which persisting changes: compare the rows
                    assertThat(scanned(run(query, segment))).as(query).isNotEmpty()
                            .containsExactlyInAnyOrderElementsOf(scanned(run(query, live)));
                } else {
                    assertThat(run(query, segment)).as(query).isEqualTo(run(query, live));
                }
            }
        }
    }

    @Test
    void shouldPersistAndMergeObjectMetricsAnsweringAsTheLiveIndex() throws Exception {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts", "format": "millis"},
                 "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "count", "name": "count"},
                                 {"type": "hyperUnique", "name": "users", "fieldName": "user"},
                                 {"type": "HLLSketchBuild", "name": "hll", "fieldName": "user"},
                                 {"type": "thetaSketch", "name": "theta", "fieldName": "user"},
                                 {"type": "quantilesDoublesSketch", "name": "q", "fieldName": "delta"},
                                 {"type": "longFirst", "name": "firstAdded", "fieldName": "added"},
                                 {"type": "stringLast", "name": "lastUser", "fieldName": "user"}],
                 "granularitySpec": {"queryGranularity": "hour", "rollup": true}}""");
        SplittableRandom random = new SplittableRandom(4);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            events.add("{\"ts\": " + (946_684_800_000L + random.nextInt(6 * 3_600_000)) + ", \"page\": \"p" + random.nextInt(8)
                    + "\", \"user\": \"u" + random.nextInt(500) + "\", \"added\": " + random.nextInt(100)
                    + ", \"delta\": " + random.nextInt(1000) / 4.0 + "}");
        }
        IncrementalIndex whole = index(schema, events.toArray(String[]::new));
        IncrementalIndex first = index(schema, events.subList(0, 1500).toArray(String[]::new));
        IncrementalIndex second = index(schema, events.subList(1500, 3000).toArray(String[]::new));
        Segment persisted = Segment.open(SegmentWriter.write(whole, temp.resolve("whole")).directory());
        Segment merged = Segment.open(SegmentMerger.merge(List.of(
                Segment.open(SegmentWriter.write(first, temp.resolve("first")).directory()), second), temp.resolve("merged")).directory());
        String aggregations = """
                [{"type": "hyperUnique", "name": "users", "fieldName": "users"},
                 {"type": "HLLSketchMerge", "name": "hll", "fieldName": "hll"},
                 {"type": "thetaSketch", "name": "theta", "fieldName": "theta"},
                 {"type": "quantilesDoublesSketch", "name": "q", "fieldName": "q"},
                 {"type": "longFirst", "name": "firstAdded", "fieldName": "firstAdded"},
                 {"type": "stringLast", "name": "lastUser", "fieldName": "lastUser"}]""";
        for (String query : List.of(
                "{\"queryType\": \"timeseries\", \"dataSource\": \"wiki\", \"granularity\": \"hour\", \"intervals\": [\"2000/2100\"],"
                        + " \"aggregations\": " + aggregations + "}",
                "{\"queryType\": \"groupBy\", \"dataSource\": \"wiki\", \"granularity\": \"all\", \"intervals\": [\"2000/2100\"],"
                        + " \"dimensions\": [\"page\"], \"aggregations\": " + aggregations + "}")) {
            assertThat(run(query, persisted)).as(query).isEqualTo(run(query, whole));
            assertThat(run(query, merged)).as("merged: " + query).isEqualTo(run(query, whole));
        }
        assertThat(rows(persisted, "page", "count")).containsExactlyInAnyOrderElementsOf(rows(whole, "page", "count"));
    }

    @Test
    void shouldBuildTheSameBitmapsARangeOfValuesAtATimeWhenTheyExceedTheBudget() throws Exception {
        IncrementalIndex live = index(SCHEMA, randomEvents(new SplittableRandom(6), 3000));
        SegmentWriter.write(live, temp.resolve("one-pass"));
        long budget = StringColumnWriter.bitmapBudget;
        StringColumnWriter.bitmapBudget = 64; // a few values per range
        try {
            SegmentWriter.write(live, temp.resolve("many-passes"));
        } finally {
            StringColumnWriter.bitmapBudget = budget;
        }
        try (Segment onePass = Segment.open(temp.resolve("one-pass")); Segment manyPasses = Segment.open(temp.resolve("many-passes"))) {
            for (String name : List.of("page", "tags")) {
                var expected = (dev.tributary.core.column.BitmapIndexedColumn) onePass.column(name);
                var actual = (dev.tributary.core.column.BitmapIndexedColumn) manyPasses.column(name);
                for (int id = 0; id < expected.cardinality(); id++) {
                    assertThat(actual.rowsWith(id).toArray()).as("%s id %d", name, id).isEqualTo(expected.rowsWith(id).toArray());
                    int[] rows = expected.rowsWith(id).toArray();
                    for (int row : rows) {
                        boolean holds = false;
                        for (int i = 0; i < expected.valueCount(row); i++) {
                            holds |= expected.getId(row, i) == id;
                        }
                        assertThat(holds || (id == 0 && expected.valueCount(row) == 0)).as("%s row %d holds id %d", name, row, id).isTrue();
                    }
                }
            }
            assertThat(Files.readAllBytes(temp.resolve("many-passes").resolve("c1.col")))
                    .isEqualTo(Files.readAllBytes(temp.resolve("one-pass").resolve("c1.col")));
        }
    }

    @Test
    void shouldLookUpDictionaryValuesInUtf8Order() throws Exception {
        IncrementalIndex live = index(SCHEMA,
                event(60_000, "b", "\uffff"), event(60_000, "a", "😀"), event(60_000, "", "z"), event(60_000, null, "é"));
        SegmentWriter.write(live, temp.resolve("seg"));
        try (Segment segment = Segment.open(temp.resolve("seg"))) {
            StringColumn page = (StringColumn) segment.column("page");
            StringColumn tags = (StringColumn) segment.column("tags");
            assertThat(page.lookupName(0)).isNull();
            assertThat(List.of(page.lookupName(1), page.lookupName(2), page.lookupName(3))).containsExactly("", "a", "b");
            assertThat(List.of(tags.lookupName(1), tags.lookupName(2), tags.lookupName(3), tags.lookupName(4)))
                    .containsExactly("z", "é", "\uffff", "😀");
            for (int id = 0; id < tags.cardinality(); id++) {
                assertThat(tags.lookupId(tags.lookupName(id))).isEqualTo(id);
            }
            assertThat(tags.lookupId("y")).isEqualTo(-1);
            assertThat(page.lookupId("")).isEqualTo(1);
        }
    }

    @Test
    void shouldLeaveNoTemporaryDirectoryAndRefuseToOverwrite() throws Exception {
        IncrementalIndex live = index(SCHEMA, randomEvents(new SplittableRandom(3), 10));
        SegmentWriter.write(live, temp.resolve("seg"));
        try (var entries = Files.list(temp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("seg");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SegmentWriter.write(live, temp.resolve("seg")))
                .hasMessageContaining("already exists");
    }

    static List<Object> scanned(List<?> results) {
        List<Object> events = new ArrayList<>();
        for (Object batch : results) {
            events.addAll((List<?>) ((Map<?, ?>) batch).get("events"));
        }
        return events;
    }

    static List<?> run(String query, QueryableIndex piece) throws Exception {
        List<?> results = new QueryExecutor(ds -> List.of(piece)).run(QueryReader.read(query.getBytes(UTF_8)));
        return Json.mapper().readValue(Json.mapper().writeValueAsBytes(results), List.class);
    }

    static String[] randomEvents(SplittableRandom random, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long ts = 946_684_800_000L + random.nextInt(180) * 60_000L + random.nextInt(60_000);
            String page = random.nextInt(20) == 0 ? null : "p" + random.nextInt(random.nextBoolean() ? 5 : 60);
            events.add(event(ts, page, randomTags(random)));
        }
        events.sort(Comparator.comparing(e -> e.length())); // not in time order
        return events.toArray(String[]::new);
    }

    private static Object randomTags(SplittableRandom random) {
        String[] values = {"a", "b", "c", "😀", "", "é"};
        int n = random.nextInt(4);
        if (n == 0) {
            return random.nextBoolean() ? null : List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add(values[random.nextInt(values.length)]);
        }
        return n == 1 ? tags.get(0) : tags;
    }

    static String event(long ts, String page, Object tags) {
        SplittableRandom random = new SplittableRandom(ts ^ (page == null ? 7 : page.hashCode()));
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("ts", ts);
        event.put("page", page);
        event.put("tags", tags);
        event.put("size", random.nextInt(5) == 0 ? null : (long) random.nextInt(4));
        event.put("ratio", random.nextInt(5) == 0 ? null : random.nextInt(3) / 2.0);
        event.put("score", random.nextInt(5) == 0 ? null : random.nextInt(3) * 1.25);
        event.put("added", (long) random.nextInt(1000) - 100);
        event.put("delta", random.nextInt(1000) / 8.0 - 10);
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
