package dev.tributary.core.query;

import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.spec.DataSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timeseries queries, sent as JSON text the way a user sends them, over one or two in-memory pieces. */
class TimeseriesQueryTest {
    private static final DataSchema SCHEMA = dataSchema("""
            {
              "dataSource": "wiki",
              "timestampSpec": {"column": "ts"},
              "dimensionsSpec": {"dimensions": ["page"]},
              "metricsSpec": [{"type": "count", "name": "count"},
                              {"type": "longSum", "name": "added", "fieldName": "added"},
                              {"type": "doubleSum", "name": "delta", "fieldName": "delta"}]
            }""");

    /** Four events, three rows (the first two roll up): hour 01 has 2 rows / 3 events, hour 04 one of each. */
    private static final IncrementalIndex PIECE_1 = index(SCHEMA,
            "{\"ts\": \"2013-08-31T01:10:00Z\", \"page\": \"a\", \"added\": 10, \"delta\": 0.5}",
            "{\"ts\": \"2013-08-31T01:10:00Z\", \"page\": \"a\", \"added\": 5, \"delta\": 0.25}",
            "{\"ts\": \"2013-08-31T01:40:00Z\", \"page\": \"b\", \"added\": 1, \"delta\": 1.0}",
            "{\"ts\": \"2013-08-31T04:20:00Z\", \"page\": \"a\", \"added\": 100, \"delta\": 2.5}");

    /** Two events, two rows: one in hour 01 and one in hour 02. */
    private static final IncrementalIndex PIECE_2 = index(SCHEMA,
            "{\"ts\": \"2013-08-31T01:10:00Z\", \"page\": \"a\", \"added\": 1, \"delta\": 0.125}",
            "{\"ts\": \"2013-08-31T02:30:00Z\", \"page\": \"a\", \"added\": 7, \"delta\": 0.5}");

    /** rows: query-time count (rows); events: longSum over the ingest-time count (events). */
    private static final String AGGREGATIONS = """
            [{"type": "count", "name": "rows"},
             {"type": "longSum", "name": "events", "fieldName": "count"},
             {"type": "longSum", "name": "added", "fieldName": "added"},
             {"type": "doubleSum", "name": "delta", "fieldName": "delta"}]""";

    @Test
    void shouldStampGranularityAllWithTheEarliestRowTimeWhenTheIntervalStartsBeforeTheData() {
        String result = run(List.of(PIECE_1), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"],
                 "granularity": "all", "aggregations": %s}""".formatted(AGGREGATIONS));

        assertThat(result).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":{"rows":3,"events":4,"added":116,"delta":4.25}}]""");
    }

    @Test
    void shouldStampGranularityAllWithTheIntervalStartWhenItStartsInsideTheData() {
        String result = run(List.of(PIECE_1), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31T01:30/2013-09-01"],
                 "granularity": "all", "aggregations": %s}""".formatted(AGGREGATIONS));

        assertThat(result).isEqualTo("""
                [{"timestamp":"2013-08-31T01:30:00.000Z","result":{"rows":2,"events":2,"added":101,"delta":3.5}}]""");
    }

    @Test
    void shouldCombineTwoPiecesUnderGranularityAll() {
        String result = run(List.of(PIECE_1, PIECE_2), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": "2013-08-31/2013-09-01",
                 "aggregations": %s}""".formatted(AGGREGATIONS));

        assertThat(result).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":{"rows":5,"events":6,"added":124,"delta":4.875}}]""");
    }

    @Test
    void shouldZeroFillEmptyHourBucketsBetweenTheData() {
        String result = run(List.of(PIECE_1), hourly("{}", false, null));

        assertThat(result).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":2,\"events\":3,\"added\":16,\"delta\":1.75}},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":{\"rows\":0,\"events\":null,\"added\":null,\"delta\":null}},"
                + "{\"timestamp\":\"2013-08-31T03:00:00.000Z\",\"result\":{\"rows\":0,\"events\":null,\"added\":null,\"delta\":null}},"
                + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":100,\"delta\":2.5}}"
                + "]");
    }

    @Test
    void shouldMergeHourBucketsOfTwoPieces() {
        String result = run(List.of(PIECE_1, PIECE_2), hourly("{}", false, null));

        assertThat(result).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":3,\"events\":4,\"added\":17,\"delta\":1.875}},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":7,\"delta\":0.5}},"
                + "{\"timestamp\":\"2013-08-31T03:00:00.000Z\",\"result\":{\"rows\":0,\"events\":null,\"added\":null,\"delta\":null}},"
                + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":100,\"delta\":2.5}}"
                + "]");
    }

    @Test
    void shouldSkipEmptyBucketsWhenTheContextAsks() {
        String expected = "["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":2,\"events\":3,\"added\":16,\"delta\":1.75}},"
                + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":100,\"delta\":2.5}}"
                + "]";

        assertThat(run(List.of(PIECE_1), hourly("{\"skipEmptyBuckets\": true}", false, null))).isEqualTo(expected);
        assertThat(run(List.of(PIECE_1), hourly("{\"skipEmptyBuckets\": \"true\"}", false, null))).isEqualTo(expected);
    }

    @Test
    void shouldReturnBucketsNewestFirstWhenDescending() {
        String result = run(List.of(PIECE_1), hourly("{}", true, null));

        assertThat(result).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":100,\"delta\":2.5}},"
                + "{\"timestamp\":\"2013-08-31T03:00:00.000Z\",\"result\":{\"rows\":0,\"events\":null,\"added\":null,\"delta\":null}},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":{\"rows\":0,\"events\":null,\"added\":null,\"delta\":null}},"
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":2,\"events\":3,\"added\":16,\"delta\":1.75}}"
                + "]");
    }

    @Test
    void shouldStopAtTheLimit() {
        assertThat(run(List.of(PIECE_1), hourly("{}", false, 2))).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":2,\"events\":3,\"added\":16,\"delta\":1.75}},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":{\"rows\":0,\"events\":null,\"added\":null,\"delta\":null}}"
                + "]");
        assertThat(run(List.of(PIECE_1), hourly("{}", true, 1))).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":100,\"delta\":2.5}}"
                + "]");
        assertThat(run(List.of(PIECE_1), hourly("{\"skipEmptyBuckets\": true}", false, 2))).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":2,\"events\":3,\"added\":16,\"delta\":1.75}},"
                + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":100,\"delta\":2.5}}"
                + "]");
    }

    @Test
    void shouldClipHourBucketsToTheQueryInterval() {
        String result = run(List.of(PIECE_1), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31T01:30/2013-08-31T03:00"],
                 "granularity": "hour", "aggregations": %s}""".formatted(AGGREGATIONS));

        assertThat(result).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":1,\"delta\":1.0}},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":{\"rows\":0,\"events\":null,\"added\":null,\"delta\":null}}"
                + "]");
    }

    @Test
    void shouldAnswerNothingForIntervalsThatMissTheData() {
        assertThat(run(List.of(PIECE_1, PIECE_2), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-09-01/2013-09-02", "2013-08-30/2013-08-31"],
                 "granularity": "all", "aggregations": %s}""".formatted(AGGREGATIONS))).isEqualTo("[]");
        assertThat(run(List.of(PIECE_1), hourly("{}", false, null).replace("2013-08-31/2013-09-01", "2013-09-01/2013-09-02")))
                .isEqualTo("[]");
    }

    @Test
    void shouldAnswerNothingForADataSourceThisNodeDoesNotHave() {
        String result = run(List.of(PIECE_1), """
                {"queryType": "timeseries", "dataSource": {"type": "table", "name": "other"}, "intervals": ["2013-08-31/2013-09-01"],
                 "granularity": "all", "aggregations": %s}""".formatted(AGGREGATIONS));

        assertThat(result).isEqualTo("[]");
    }

    @Test
    void shouldCountRowsAtQueryTimeAndEventsThroughTheIngestTimeCount() {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "count", "name": "count"}], "granularitySpec": {"queryGranularity": "hour"}}""");
        IncrementalIndex index = index(schema,
                "{\"ts\": \"2013-08-31T01:01:00Z\", \"page\": \"a\"}",
                "{\"ts\": \"2013-08-31T01:02:00Z\", \"page\": \"a\"}",
                "{\"ts\": \"2013-08-31T01:03:00Z\", \"page\": \"a\"}",
                "{\"ts\": \"2013-08-31T01:04:00Z\", \"page\": \"b\"}",
                "{\"ts\": \"2013-08-31T01:05:00Z\", \"page\": \"b\"}");

        String result = run(List.of(index), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"], "granularity": "all",
                 "aggregations": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "events", "fieldName": "count"}]}""");

        assertThat(index.rowCount()).isEqualTo(2);
        assertThat(result).isEqualTo("""
                [{"timestamp":"2013-08-31T01:00:00.000Z","result":{"count":2,"events":5}}]""");
    }

    @Test
    void shouldAnswerDoubleSumsAsDoublesAndLongSumsAsLongs() throws JsonProcessingException {
        DataSchema schema = dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "longSum", "name": "lsum", "fieldName": "value"},
                                 {"type": "doubleSum", "name": "dsum", "fieldName": "value"}]}""");
        IncrementalIndex index = index(schema,
                "{\"ts\": \"2013-08-31T01:00:00Z\", \"page\": \"a\", \"value\": 2}",
                "{\"ts\": \"2013-08-31T01:00:00Z\", \"page\": \"b\", \"value\": 3}");
        Query query = QueryReader.read("""
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"], "granularity": "all",
                 "aggregations": [{"type": "longSum", "name": "lsum", "fieldName": "lsum"},
                                  {"type": "doubleSum", "name": "dsum", "fieldName": "dsum"},
                                  {"type": "doubleSum", "name": "dFromLong", "fieldName": "lsum"},
                                  {"type": "longSum", "name": "lFromDouble", "fieldName": "dsum"}]}""".getBytes(UTF_8));

        List<?> results = new QueryExecutor(ds -> List.of(index)).run(query);

        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) ((Map<String, Object>) results.get(0)).get("result");
        assertThat(values.get("lsum")).isInstanceOf(Long.class).isEqualTo(5L);
        assertThat(values.get("dsum")).isInstanceOf(Double.class).isEqualTo(5.0);
        assertThat(values.get("dFromLong")).isInstanceOf(Double.class).isEqualTo(5.0);
        assertThat(values.get("lFromDouble")).isInstanceOf(Long.class).isEqualTo(5L);
        assertThat(Json.mapper().writeValueAsString(values.get("dsum"))).isEqualTo("5.0");
        assertThat(Json.mapper().writeValueAsString(values.get("lsum"))).isEqualTo("5");
        assertThat(Json.mapper().writeValueAsString(results)).isEqualTo("""
                [{"timestamp":"2013-08-31T01:00:00.000Z","result":{"lsum":5,"dsum":5.0,"dFromLong":5.0,"lFromDouble":5}}]""");
    }

    @Test
    void shouldPrintBucketTimesInTheTimeZoneOfAPeriodGranularity() {
        String result = run(List.of(PIECE_1), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"],
                 "granularity": {"type": "period", "period": "P1D", "timeZone": "America/Los_Angeles"}, "aggregations": %s}"""
                .formatted(AGGREGATIONS));

        assertThat(result).isEqualTo("""
                [{"timestamp":"2013-08-30T00:00:00.000-07:00","result":{"rows":3,"events":4,"added":116,"delta":4.25}}]""");
    }

    @Test
    void shouldAppendAGrandTotalRowWithANullTimestampWhenTheContextAsks() {
        assertThat(run(List.of(PIECE_1, PIECE_2), hourly("{\"grandTotal\": true, \"skipEmptyBuckets\": true}", false, null)))
                .isEqualTo("["
                        + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":3,\"events\":4,\"added\":17,\"delta\":1.875}},"
                        + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":7,\"delta\":0.5}},"
                        + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":{\"rows\":1,\"events\":1,\"added\":100,\"delta\":2.5}},"
                        + "{\"timestamp\":null,\"result\":{\"rows\":5,\"events\":6,\"added\":124,\"delta\":4.875}}"
                        + "]");
    }

    @Test
    void shouldCountAnInstantOnceWhenIntervalsOverlap() {
        String result = run(List.of(PIECE_1), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01", "2013-08-31T01:00/2013-08-31T02:00"],
                 "granularity": "all", "aggregations": %s}""".formatted(AGGREGATIONS));

        assertThat(result).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":{"rows":3,"events":4,"added":116,"delta":4.25}}]""");
    }

    @Test
    void shouldAnswerAnEmptyPieceWithNothing() {
        IncrementalIndex empty = new IncrementalIndex(SCHEMA);

        assertThat(run(List.of(empty), hourly("{}", false, null))).isEqualTo("[]");
    }

    @Test
    void shouldLeaveAggregatorValuesIntermediateButComputePostAggregationsWhenFinalizeIsFalse() {
        String result = run(List.of(PIECE_1, PIECE_2), """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31T01/2013-08-31T04"],
                 "granularity": "hour", "context": {"finalize": false},
                 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longFirst", "name": "first", "fieldName": "added"}],
                 "postAggregations": [{"type": "arithmetic", "name": "twice", "fn": "*",
                                       "fields": [{"type": "fieldAccess", "fieldName": "rows"}, {"type": "constant", "value": 2}]}]}""");

        assertThat(result).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":{\"rows\":3,\"first\":{\"lhs\":1377911400000,\"rhs\":15},\"twice\":6.0}},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":{\"rows\":1,\"first\":{\"lhs\":1377916200000,\"rhs\":7},\"twice\":2.0}},"
                + "{\"timestamp\":\"2013-08-31T03:00:00.000Z\",\"result\":{\"rows\":0,\"first\":{\"lhs\":9223372036854775807,\"rhs\":null},\"twice\":0.0}}]");
    }

    private static String hourly(String context, boolean descending, Integer limit) {
        return """
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"],
                 "granularity": {"type": "hour"}, "descending": %s, "limit": %s, "context": %s, "aggregations": %s}"""
                .formatted(descending, limit, context, AGGREGATIONS);
    }

    private static String run(List<? extends QueryableIndex> pieces, String queryJson) {
        Query query = QueryReader.read(queryJson.getBytes(UTF_8));
        QueryExecutor executor = new QueryExecutor(dataSource -> "wiki".equals(dataSource) ? pieces : List.of());
        try {
            return Json.mapper().writeValueAsString(executor.run(query));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
