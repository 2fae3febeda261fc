package dev.tributary.core.query.merge;

import static dev.tributary.core.query.merge.Cluster.assertSameAnswer;
import static dev.tributary.core.query.merge.MergeData.AGGREGATIONS;
import static dev.tributary.core.query.merge.MergeData.POST_AGGREGATIONS;
import static dev.tributary.core.query.merge.MergeData.QUANTILE_POST_AGGREGATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.ResultForm;
import dev.tributary.core.query.groupby.GroupByQuery;
import dev.tributary.core.query.scan.ScanQuery;
import dev.tributary.core.query.topn.TopNQuery;
import dev.tributary.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every query type, spread over data servers and merged, answers as one server holding every piece:
 * for each query, over several splits of the same pieces (one server; a server per piece and an
 * empty one; random deals to two, three and four servers).
 */
class PartialResultsTest {
    /** 600 events over three hours in five pieces: every hour and most minutes have rows. */
    private static final List<IncrementalIndex> DENSE = pieces(1, 600, 180, 5);
    /** 40 events over ten hours in four pieces: many empty minutes and some empty hours. */
    private static final List<IncrementalIndex> SPARSE = pieces(2, 40, 600, 4);

    private static final String ALL_TIME = "\"dataSource\": \"wiki\", \"intervals\": [\"2000/2001\"]";

    private static List<IncrementalIndex> pieces(long seed, int events, int minutes, int pieces) {
        SplittableRandom random = new SplittableRandom(seed);
        return MergeData.pieces(random, MergeData.events(random, events, minutes), pieces);
    }

    /** The splits every query is checked over. */
    private static List<List<List<QueryableIndex>>> splits(List<? extends QueryableIndex> pieces) {
        List<List<List<QueryableIndex>>> splits = new ArrayList<>();
        splits.add(List.of(List.copyOf(pieces)));
        List<List<QueryableIndex>> apart = new ArrayList<>();
        pieces.forEach(p -> apart.add(List.of(p)));
        apart.add(1, List.of());
        splits.add(apart);
        for (int servers = 2; servers <= 4; servers++) {
            splits.add(Cluster.split(pieces, servers, new SplittableRandom(servers)));
        }
        return splits;
    }

    private static void check(List<? extends QueryableIndex> pieces, String... queries) {
        for (String query : queries) {
            for (List<List<QueryableIndex>> servers : splits(pieces)) {
                assertSameAnswer(query, servers);
            }
        }
    }

    @Test
    void shouldMergeTimeseriesOfEveryAggregatorAndPostAggregator() {
        String all = "{\"queryType\": \"timeseries\", " + ALL_TIME + ", \"granularity\": \"%s\", \"aggregations\": "
                + AGGREGATIONS + ", \"postAggregations\": " + POST_AGGREGATIONS + "%s}";
        check(DENSE,
                all.formatted("all", ""),
                all.formatted("hour", ""),
                all.formatted("hour", ", \"descending\": true"),
                all.formatted("fifteen_minute", ", \"limit\": 5, \"context\": {\"grandTotal\": true}"),
                all.formatted("hour", ", \"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"p3\"}"));
    }

    @Test
    void shouldSkipOnlyBucketsEmptyOnEveryServer() {
        String query = "{\"queryType\": \"timeseries\", " + ALL_TIME + ", \"granularity\": \"%s\", \"aggregations\": "
                + AGGREGATIONS + ", \"postAggregations\": " + POST_AGGREGATIONS + "%s}";
        String p1 = ", \"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"p1\"}";
        String none = ", \"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"nobody\"}";
        String skip = ", \"context\": {\"skipEmptyBuckets\": true}";
        check(SPARSE,
                query.formatted("hour", ""),
                query.formatted("hour", skip),
                query.formatted("hour", p1 + skip + ", \"descending\": true, \"limit\": 3"),
                query.formatted("all", p1 + skip),
                query.formatted("all", none + skip),
                query.formatted("all", none),
                query.formatted("minute", ", \"context\": {\"skipEmptyBuckets\": \"true\", \"grandTotal\": true}"));
    }

    @Test
    void shouldStampGranularityAllWithTheEarliestPieceEvenWhenItsServerMatchedNothing() {
        var schema = TestData.dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]}}""");
        IncrementalIndex early = TestData.index(schema, "{\"ts\": \"2000-01-01T01:00Z\", \"page\": \"a\"}");
        IncrementalIndex late = TestData.index(schema, "{\"ts\": \"2000-01-01T02:00Z\", \"page\": \"b\"}");
        String query = "{\"queryType\": \"timeseries\", " + ALL_TIME + ", \"granularity\": \"all\", \"context\": {\"skipEmptyBuckets\": true},"
                + " \"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"b\"},"
                + " \"aggregations\": [{\"type\": \"count\", \"name\": \"rows\"}]}";
        assertSameAnswer(query, List.of(List.of(early), List.of(late)));
        assertSameAnswer(query, List.of(List.of(late), List.of(early)));
        assertThat(Cluster.merged(Cluster.query(query), List.of(List.of(early), List.of(late))).toString())
                .isEqualTo("[{timestamp=2000-01-01T01:00:00.000Z, result={rows=1}}]");
    }

    @Test
    void shouldMergeMillisecondBucketsOfGranularityNone() {
        check(SPARSE, "{\"queryType\": \"timeseries\", \"dataSource\": \"wiki\", \"granularity\": \"none\","
                + " \"intervals\": [\"2000-01-01T00:00/2000-01-01T00:30\"], \"context\": {\"skipEmptyBuckets\": true},"
                + " \"aggregations\": " + AGGREGATIONS + "}");
    }

    @Test
    void shouldMergeQuantileSketchesExactlyWhileTheyHoldEveryValue() {
        String query = "{\"queryType\": \"%s\", " + ALL_TIME + ", \"granularity\": \"hour\", %s\"aggregations\": "
                + "[{\"type\": \"quantilesDoublesSketch\", \"name\": \"q\", \"fieldName\": \"delta\"}], \"postAggregations\": "
                + QUANTILE_POST_AGGREGATIONS + "}";
        check(SPARSE, query.formatted("timeseries", ""), query.formatted("groupBy", "\"dimensions\": [\"page\"], "));
    }

    @Test
    void shouldMergeIntermediateAnswersAsked() {
        check(DENSE, "{\"queryType\": \"timeseries\", " + ALL_TIME + ", \"granularity\": \"hour\", \"aggregations\": "
                + AGGREGATIONS + ", \"context\": {\"finalize\": false}}",
                "{\"queryType\": \"groupBy\", " + ALL_TIME + ", \"granularity\": \"all\", \"dimensions\": [\"page\"],"
                + " \"aggregations\": " + AGGREGATIONS + ", \"context\": {\"finalize\": false}}");
    }

    @Test
    void shouldMergeTopNsRankedByMetricPostAggregationOrDimension() {
        String query = "{\"queryType\": \"topN\", " + ALL_TIME + ", \"granularity\": \"%s\", \"dimension\": %s,"
                + " \"metric\": %s, \"threshold\": %d, \"aggregations\": " + AGGREGATIONS + ", \"postAggregations\": "
                + POST_AGGREGATIONS + "}";
        check(DENSE,
                query.formatted("all", "\"page\"", "\"added\"", 3),
                query.formatted("hour", "\"user\"", "\"perRow\"", 5),
                query.formatted("all", "\"tags\"", "{\"type\": \"inverted\", \"metric\": \"delta\"}", 2),
                query.formatted("all", "\"user\"", "{\"type\": \"numeric\", \"metric\": \"users\"}", 4),
                query.formatted("hour", "\"page\"", "{\"type\": \"dimension\", \"ordering\": \"lexicographic\", \"previousStop\": \"p2\"}", 3),
                query.formatted("all", "{\"type\": \"default\", \"dimension\": \"size\", \"outputName\": \"s\", \"outputType\": \"LONG\"}",
                        "{\"type\": \"inverted\", \"metric\": {\"type\": \"dimension\", \"ordering\": \"numeric\"}}", 2),
                query.formatted("all", "{\"type\": \"default\", \"dimension\": \"ratio\", \"outputType\": \"FLOAT\"}", "\"minDelta\"", 10),
                query.formatted("all", "{\"type\": \"default\", \"dimension\": \"score\", \"outputType\": \"DOUBLE\"}", "\"fdelta\"", 10));
    }

    @Test
    void shouldRankTopNsByDimensionExactlyWhateverTheServersThreshold() {
        check(DENSE, "{\"queryType\": \"topN\", " + ALL_TIME + ", \"granularity\": \"all\", \"dimension\": \"user\","
                + " \"metric\": {\"type\": \"dimension\", \"ordering\": \"alphanumeric\"}, \"threshold\": 4,"
                + " \"aggregations\": " + AGGREGATIONS + ", \"context\": {\"minTopNThreshold\": 1}}");
    }

    @Test
    void shouldMergeGroupBysThenApplyHavingLimitSpecAndPostAggregations() {
        String query = "{\"queryType\": \"groupBy\", " + ALL_TIME + ", \"granularity\": \"%s\", \"dimensions\": %s,"
                + " \"aggregations\": " + AGGREGATIONS + ", \"postAggregations\": " + POST_AGGREGATIONS + "%s}";
        check(DENSE,
                query.formatted("all", "[\"page\", \"size\"]", ""),
                query.formatted("all", "[\"page\", \"size\"]", ", \"having\": {\"type\": \"greaterThan\", \"aggregation\": \"perRow\", \"value\": 350},"
                        + " \"limitSpec\": {\"type\": \"default\", \"limit\": 5, \"offset\": 2,"
                        + " \"columns\": [{\"dimension\": \"both\", \"direction\": \"descending\"}, \"page\"]}"),
                query.formatted("hour", "[\"tags\"]", ", \"limitSpec\": {\"type\": \"default\", \"limit\": 7,"
                        + " \"columns\": [{\"dimension\": \"added\", \"direction\": \"ascending\"}]}, \"context\": {\"sortByDimsFirst\": true}"),
                query.formatted("hour", "[{\"type\": \"default\", \"dimension\": \"size\", \"outputName\": \"s\", \"outputType\": \"LONG\"},"
                        + " {\"type\": \"default\", \"dimension\": \"score\", \"outputType\": \"DOUBLE\"},"
                        + " {\"type\": \"default\", \"dimension\": \"ratio\", \"outputType\": \"FLOAT\"}]",
                        ", \"having\": {\"type\": \"or\", \"havingSpecs\": [{\"type\": \"lessThan\", \"aggregation\": \"rows\", \"value\": 8},"
                        + " {\"type\": \"dimSelector\", \"dimension\": \"s\", \"value\": \"2\"}]},"
                        + " \"limitSpec\": {\"type\": \"default\", \"offset\": 3, \"columns\": [{\"dimension\": \"s\", \"dimensionOrder\": \"numeric\"}]}"),
                query.formatted("all", "[\"user\"]", ", \"limitSpec\": {\"type\": \"default\", \"limit\": 10, \"columns\": [{\"dimension\": \"lastUser\", \"direction\": \"descending\"}]}"));
    }

    @Test
    void shouldMergeScansWithOffsetLimitOrderAndBatches() {
        String query = "{\"queryType\": \"scan\", " + ALL_TIME + "%s}";
        check(DENSE,
                query.formatted(""),
                query.formatted(", \"limit\": 50, \"offset\": 7, \"batchSize\": 9"),
                query.formatted(", \"columns\": [\"page\", \"added\", \"tags\", \"page\"], \"offset\": 400, \"batchSize\": 100"),
                query.formatted(", \"order\": \"ascending\", \"columns\": [\"page\", \"users\", \"added\"], \"limit\": 30, \"offset\": 5"),
                query.formatted(", \"order\": \"descending\", \"resultFormat\": \"compactedList\", \"batchSize\": 40"),
                query.formatted(", \"order\": \"descending\", \"columns\": [\"lastUser\", \"__time\"], \"resultFormat\": \"compactedList\","
                        + " \"limit\": 20, \"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"p1\"}"),
                query.formatted(", \"order\": \"ascending\", \"offset\": 10000"));
    }

    @Test
    void shouldListTheColumnsOfServersWithoutMatchingRowsInAnOrderedScan() {
        var schema = TestData.dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": []},
                 "granularitySpec": {"rollup": false}}""");
        IncrementalIndex pages = TestData.index(schema, "{\"ts\": \"2000-01-01T01:00Z\", \"page\": \"a\"}");
        IncrementalIndex users = TestData.index(schema, "{\"ts\": \"2000-01-01T02:00Z\", \"user\": \"u\"}");
        for (String order : List.of("ascending", "descending", "none")) {
            String query = "{\"queryType\": \"scan\", " + ALL_TIME + ", \"order\": \"" + order + "\","
                    + " \"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"a\"}}";
            assertSameAnswer(query, List.of(List.of(pages), List.of(users)));
            assertSameAnswer(query, List.of(List.of(users), List.of(pages)));
        }
    }

    @Test
    void shouldMergeSearchCountsAndCutAtTheLimit() {
        String query = "{\"queryType\": \"search\", " + ALL_TIME + ", \"granularity\": \"%s\", \"query\": %s%s}";
        check(DENSE,
                query.formatted("all", "{\"type\": \"contains\", \"value\": \"1\"}", ""),
                query.formatted("all", "{\"type\": \"contains\", \"value\": \"1\"}", ", \"limit\": 5"),
                query.formatted("hour", "{\"type\": \"insensitive_contains\", \"value\": \"P\"}",
                        ", \"searchDimensions\": [\"page\", \"tags\"], \"sort\": {\"type\": \"strlen\"}, \"limit\": 4"));
        check(SPARSE, query.formatted("hour", "{\"type\": \"contains\", \"value\": \"u1\"}", ""));
    }

    @Test
    void shouldMergeTimeBoundariesAndDataSourceMetadata() {
        String p5 = "\"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"p5\"}";
        check(SPARSE,
                "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\"}",
                "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", \"bound\": \"minTime\", " + p5 + "}",
                "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", \"bound\": \"maxTime\", \"intervals\": [\"2000-01-01T02/2000-01-01T05\"]}",
                "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", \"intervals\": [\"2010/2011\"]}",
                "{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"wiki\"}");
    }

    @Test
    void shouldMergeSegmentMetadataAsOneServerWould() {
        String query = "{\"queryType\": \"segmentMetadata\", \"dataSource\": \"wiki\"%s}";
        check(DENSE,
                query.formatted(""),
                query.formatted(", \"merge\": true"),
                query.formatted(", \"merge\": true, \"analysisTypes\": [\"cardinality\", \"minmax\", \"size\", \"interval\","
                        + " \"aggregators\", \"rollup\", \"queryGranularity\"]"),
                query.formatted(", \"merge\": true, \"analysisTypes\": [\"size\", \"aggregators\"], \"lenientAggregatorMerge\": true,"
                        + " \"toInclude\": {\"type\": \"list\", \"columns\": [\"page\", \"added\", \"hll\"]}"));
    }

    @Test
    void shouldAskServersForPartialResultsWithWhatTheMergeNeeds() {
        TopNQuery topN = (TopNQuery) PartialResults.forDataServers(Cluster.query("{\"queryType\": \"topN\", " + ALL_TIME
                + ", \"dimension\": \"page\", \"metric\": \"rows\", \"threshold\": 3,"
                + " \"aggregations\": [{\"type\": \"count\", \"name\": \"rows\"}], \"postAggregations\": " + POST_AGGREGATIONS.replace("added", "rows")
                .replace("\"delta\"", "\"rows\"").replace("maxDelta", "rows").replace("fdelta", "rows").replace("events", "rows")
                .replace("maxAdded", "rows").replace("hllUsers", "rows").replace("\"hll\"", "\"rows\"").replace("\"theta\"", "\"rows\"")
                .replace("thetaUsers", "rows").replace("\"users\"", "\"rows\"") + "}"));
        assertThat(topN.threshold()).isEqualTo(1000);
        assertThat(topN.postAggregations()).isEmpty();
        assertThat(topN.context()).containsEntry(ResultForm.PARTIAL_KEY, true).containsEntry("finalize", false);

        Query raised = PartialResults.forDataServers(Cluster.query("{\"queryType\": \"topN\", " + ALL_TIME
                + ", \"dimension\": \"page\", \"metric\": \"rows\", \"threshold\": 3, \"aggregations\": [{\"type\": \"count\", \"name\": \"rows\"}],"
                + " \"context\": {\"minTopNThreshold\": 7}}"));
        assertThat(((TopNQuery) raised).threshold()).isEqualTo(7);

        GroupByQuery groupBy = (GroupByQuery) PartialResults.forDataServers(Cluster.query("{\"queryType\": \"groupBy\", " + ALL_TIME
                + ", \"dimensions\": [\"page\"], \"aggregations\": [{\"type\": \"count\", \"name\": \"rows\"}],"
                + " \"postAggregations\": [{\"type\": \"constant\", \"name\": \"one\", \"value\": 1}],"
                + " \"having\": {\"type\": \"greaterThan\", \"aggregation\": \"rows\", \"value\": 1}, \"limitSpec\": {\"type\": \"default\", \"limit\": 1}}"));
        assertThat(groupBy.having()).isNull();
        assertThat(groupBy.limitSpec()).isNull();
        assertThat(groupBy.postAggregations()).isEmpty();

        ScanQuery scan = (ScanQuery) PartialResults.forDataServers(Cluster.query("{\"queryType\": \"scan\", " + ALL_TIME
                + ", \"columns\": [\"page\"], \"order\": \"ascending\", \"limit\": 5, \"offset\": 10}"));
        assertThat(scan.limit()).isEqualTo(15L);
        assertThat(scan.offset()).isZero();
        assertThat(scan.columns()).containsExactly("page", "__time");
    }
}
