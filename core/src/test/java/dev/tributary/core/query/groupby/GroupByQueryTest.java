package dev.tributary.core.query.groupby;

import static dev.tributary.core.testing.WikiData.PIECE_1;
import static dev.tributary.core.testing.WikiData.bothPieces;
import static dev.tributary.core.testing.WikiData.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tributary.core.query.InvalidQueryException;
import dev.tributary.core.query.QueryReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GroupBy queries over the {@link dev.tributary.core.testing.WikiData} pieces, sent as JSON text. */
class GroupByQueryTest {
    private static final String DAY_START = "2013-08-31T00:00:00.000Z";

    private static String groupBy(String dimensions, String more) {
        return """
                {"queryType": "groupBy", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-02"], "granularity": "all",
                 "dimensions": %s,
                 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "added", "fieldName": "added"}]%s}"""
                .formatted(dimensions, more);
    }

    private static String row(String timestamp, String event) {
        return "{\"version\":\"v1\",\"timestamp\":\"" + timestamp + "\",\"event\":" + event + "}";
    }

    /** The rows of {@code groupBy(["page"])} over both pieces, in natural order. */
    private static final String NULL_PAGE = row(DAY_START, "{\"page\":null,\"rows\":1,\"added\":3}");
    private static final String A = row(DAY_START, "{\"page\":\"a\",\"rows\":2,\"added\":22}");
    private static final String B = row(DAY_START, "{\"page\":\"b\",\"rows\":2,\"added\":21}");
    private static final String C = row(DAY_START, "{\"page\":\"c\",\"rows\":1,\"added\":100}");
    private static final String D = row(DAY_START, "{\"page\":\"d\",\"rows\":1,\"added\":40}");

    private static String pages(String... rows) {
        return "[" + String.join(",", rows) + "]";
    }

    @Test
    void shouldGroupByTwoDimensionsInNaturalOrderStampedWithTheIntervalStart() {
        assertThat(run(List.of(PIECE_1), groupBy("[\"language\", \"page\"]", ""))).isEqualTo(pages(
                row(DAY_START, "{\"language\":\"de\",\"page\":null,\"rows\":1,\"added\":3}"),
                row(DAY_START, "{\"language\":\"en\",\"page\":\"a\",\"rows\":1,\"added\":15}"),
                row(DAY_START, "{\"language\":\"en\",\"page\":\"c\",\"rows\":1,\"added\":100}"),
                row(DAY_START, "{\"language\":\"fr\",\"page\":\"b\",\"rows\":1,\"added\":1}")));
    }

    @Test
    void shouldMergeTheGroupsOfTwoPiecesByValue() {
        assertThat(run(bothPieces(), groupBy("[\"page\"]", ""))).isEqualTo(pages(NULL_PAGE, A, B, C, D));
    }

    @Test
    void shouldMakeOneGroupPerValueOfAMultiValueRow() {
        assertThat(run(List.of(PIECE_1), groupBy("[\"tags\", \"language\"]", ""))).isEqualTo(pages(
                row(DAY_START, "{\"tags\":null,\"language\":\"en\",\"rows\":1,\"added\":100}"),
                row(DAY_START, "{\"tags\":\"t1\",\"language\":\"en\",\"rows\":1,\"added\":15}"),
                row(DAY_START, "{\"tags\":\"t1\",\"language\":\"fr\",\"rows\":1,\"added\":1}"),
                row(DAY_START, "{\"tags\":\"t2\",\"language\":\"de\",\"rows\":1,\"added\":3}"),
                row(DAY_START, "{\"tags\":\"t2\",\"language\":\"en\",\"rows\":1,\"added\":15}")));
    }

    @Test
    void shouldGroupPerTimeBucketWithoutZeroFilling() {
        String query = groupBy("[\"language\"]", "").replace("\"granularity\": \"all\"", "\"granularity\": \"hour\"");

        assertThat(run(bothPieces(), query)).isEqualTo(pages(
                row("2013-08-31T01:00:00.000Z", "{\"language\":\"en\",\"rows\":2,\"added\":35}"),
                row("2013-08-31T01:00:00.000Z", "{\"language\":\"fr\",\"rows\":1,\"added\":1}"),
                row("2013-08-31T02:00:00.000Z", "{\"language\":\"fr\",\"rows\":1,\"added\":7}"),
                row("2013-08-31T04:00:00.000Z", "{\"language\":\"de\",\"rows\":1,\"added\":3}"),
                row("2013-08-31T04:00:00.000Z", "{\"language\":\"en\",\"rows\":1,\"added\":100}"),
                row("2013-09-01T00:00:00.000Z", "{\"language\":\"en\",\"rows\":1,\"added\":40}")));
    }

    @Test
    void shouldAnswerOneRowPerBucketWithoutDimensions() {
        assertThat(run(bothPieces(), groupBy("[]", ""))).isEqualTo(pages(row(DAY_START, "{\"rows\":7,\"added\":186}")));
    }

    @Test
    void shouldGroupOnANumericDimensionWithItsOutputNameAndType() {
        String dimensions = "[{\"type\": \"default\", \"dimension\": \"year\", \"outputName\": \"y\", \"outputType\": \"LONG\"}, \"year\"]";

        assertThat(run(bothPieces(), groupBy(dimensions, ""))).isEqualTo(pages(
                row(DAY_START, "{\"y\":null,\"year\":null,\"rows\":1,\"added\":100}"),
                row(DAY_START, "{\"y\":2012,\"year\":\"2012\",\"rows\":2,\"added\":21}"),
                row(DAY_START, "{\"y\":2013,\"year\":\"2013\",\"rows\":4,\"added\":65}")));
    }

    @Test
    void shouldKeepOnlyRowsTheFilterAccepts() {
        String filter = ", \"filter\": {\"type\": \"selector\", \"dimension\": \"language\", \"value\": \"fr\"}";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", filter))).isEqualTo(pages(
                row(DAY_START, "{\"page\":\"a\",\"rows\":1,\"added\":7}"),
                row(DAY_START, "{\"page\":\"b\",\"rows\":1,\"added\":1}")));
    }

    @Test
    void shouldKeepRowsAboveAHavingThreshold() {
        String having = ", \"having\": {\"type\": \"greaterThan\", \"aggregation\": \"added\", \"value\": 10}";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", having))).isEqualTo(pages(A, B, C, D));
    }

    @Test
    void shouldCombineHavingClausesWithAndOrNot() {
        String and = """
                , "having": {"type": "and", "havingSpecs": [{"type": "greaterThan", "aggregation": "added", "value": 10},
                                                            {"type": "lessThan", "aggregation": "added", "value": 40.5}]}""";
        String or = """
                , "having": {"type": "or", "havingSpecs": [{"type": "equalTo", "aggregation": "added", "value": 100},
                                                           {"type": "dimSelector", "dimension": "page", "value": null}]}""";
        String not = """
                , "having": {"type": "not", "havingSpec": {"type": "equalTo", "aggregation": "rows", "value": 2}}""";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", and))).isEqualTo(pages(A, B, D));
        assertThat(run(bothPieces(), groupBy("[\"page\"]", or))).isEqualTo(pages(NULL_PAGE, C));
        assertThat(run(bothPieces(), groupBy("[\"page\"]", not))).isEqualTo(pages(NULL_PAGE, C, D));
    }

    @Test
    void shouldKeepRowsWhosePostAggregationPassesTheHavingThreshold() {
        String more = """
                , "filter": {"type": "selector", "dimension": "language", "value": "en"},
                "postAggregations": [{"type": "arithmetic", "name": "added_times_ten", "fn": "*",
                    "fields": [{"type": "fieldAccess", "name": "added", "fieldName": "added"},
                               {"type": "constant", "name": "ten", "value": 10}]}],
                "having": {"type": "greaterThan", "aggregation": "added_times_ten", "value": 200}""";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", more))).isEqualTo(pages(
                row(DAY_START, "{\"page\":\"c\",\"rows\":1,\"added\":100,\"added_times_ten\":1000.0}"),
                row(DAY_START, "{\"page\":\"d\",\"rows\":1,\"added\":40,\"added_times_ten\":400.0}")));
    }

    @Test
    void shouldOrderByAPostAggregation() {
        String more = """
                , "postAggregations": [{"type": "arithmetic", "name": "perRow", "fn": "/",
                    "fields": [{"type": "fieldAccess", "fieldName": "added"}, {"type": "fieldAccess", "fieldName": "rows"}]}],
                "limitSpec": {"limit": 3, "columns": [{"dimension": "perRow", "direction": "descending"}]}""";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", more))).isEqualTo(pages(
                row(DAY_START, "{\"page\":\"c\",\"rows\":1,\"added\":100,\"perRow\":100.0}"),
                row(DAY_START, "{\"page\":\"d\",\"rows\":1,\"added\":40,\"perRow\":40.0}"),
                row(DAY_START, "{\"page\":\"a\",\"rows\":2,\"added\":22,\"perRow\":11.0}")));
    }

    @Test
    void shouldApplyAnyQueryFilterToTheResultRowsAsAHavingClause() {
        String onDimension = ", \"having\": {\"type\": \"filter\", \"filter\": {\"type\": \"selector\", \"dimension\": \"page\", \"value\": \"b\"}}";
        String onMetric = ", \"having\": {\"type\": \"filter\", \"filter\": {\"type\": \"selector\", \"dimension\": \"added\", \"value\": \"22\"}}";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", onDimension))).isEqualTo(pages(B));
        assertThat(run(bothPieces(), groupBy("[\"page\"]", onMetric))).isEqualTo(pages(A));
    }

    @Test
    void shouldOrderByAMetricDescendingThenOffsetAndLimit() {
        String limit = ", \"limitSpec\": {\"type\": \"default\", \"limit\": 2, \"offset\": 1, "
                + "\"columns\": [{\"dimension\": \"added\", \"direction\": \"descending\"}]}";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", limit))).isEqualTo(pages(D, A));
    }

    @Test
    void shouldLimitInNaturalOrderWithoutColumns() {
        String limit = ", \"limitSpec\": {\"type\": \"default\", \"limit\": 2}";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", limit))).isEqualTo(pages(NULL_PAGE, A));
    }

    @Test
    void shouldOrderByADimensionDescendingWithNullsLastAndKeepTiesInNaturalOrder() {
        String byPage = ", \"limitSpec\": {\"columns\": [{\"dimension\": \"page\", \"direction\": \"desc\"}]}";
        String byRows = ", \"limitSpec\": {\"columns\": [\"rows\"]}";

        assertThat(run(bothPieces(), groupBy("[\"page\"]", byPage))).isEqualTo(pages(D, C, B, A, NULL_PAGE));
        assertThat(run(bothPieces(), groupBy("[\"page\"]", byRows))).isEqualTo(pages(NULL_PAGE, C, D, A, B));
    }

    @Test
    void shouldCompareDimensionsInTheirDimensionOrder() {
        String query = """
                {"queryType": "groupBy", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-02"], "granularity": "all",
                 "dimensions": ["tags"], "aggregations": [{"type": "count", "name": "rows"}],
                 "limitSpec": {"columns": [{"dimension": "tags", "direction": "descending", "dimensionOrder": "strlen"}]}}""";

        assertThat(run(bothPieces(), query)).isEqualTo(pages(
                row(DAY_START, "{\"tags\":\"t3\",\"rows\":1}"),
                row(DAY_START, "{\"tags\":\"t2\",\"rows\":2}"),
                row(DAY_START, "{\"tags\":\"t1\",\"rows\":3}"),
                row(DAY_START, "{\"tags\":null,\"rows\":2}")));
    }

    @Test
    void shouldOrderByTimeBeforeTheLimitColumnsWhenGranularityIsNotAll() {
        String query = groupBy("[\"language\"]", ", \"limitSpec\": {\"columns\": [{\"dimension\": \"added\", \"direction\": \"descending\"}]}")
                .replace("\"granularity\": \"all\"", "\"granularity\": \"hour\"")
                .replace("2013-08-31/2013-09-02", "2013-08-31T04:00/2013-08-31T05:00");

        assertThat(run(bothPieces(), query)).isEqualTo(pages(
                row("2013-08-31T04:00:00.000Z", "{\"language\":\"en\",\"rows\":1,\"added\":100}"),
                row("2013-08-31T04:00:00.000Z", "{\"language\":\"de\",\"rows\":1,\"added\":3}")));
    }

    @Test
    void shouldOrderByTheLimitColumnsBeforeTimeWhenTheContextSortsByDimensionsFirst() {
        String query = groupBy("[\"language\"]", ", \"limitSpec\": {\"columns\": [\"language\"]}, \"context\": {\"sortByDimsFirst\": true}")
                .replace("\"granularity\": \"all\"", "\"granularity\": \"hour\"")
                .replace("2013-08-31/2013-09-02", "2013-08-31T01:00/2013-08-31T05:00");

        assertThat(run(bothPieces(), query)).isEqualTo(pages(
                row("2013-08-31T04:00:00.000Z", "{\"language\":\"de\",\"rows\":1,\"added\":3}"),
                row("2013-08-31T01:00:00.000Z", "{\"language\":\"en\",\"rows\":2,\"added\":35}"),
                row("2013-08-31T04:00:00.000Z", "{\"language\":\"en\",\"rows\":1,\"added\":100}"),
                row("2013-08-31T01:00:00.000Z", "{\"language\":\"fr\",\"rows\":1,\"added\":1}"),
                row("2013-08-31T02:00:00.000Z", "{\"language\":\"fr\",\"rows\":1,\"added\":7}")));
    }

    @Test
    void shouldAnswerNothingWhenNoRowIsInTheIntervals() {
        assertThat(run(bothPieces(), groupBy("[\"page\"]", "").replace("2013-08-31/2013-09-02", "2014-01-01/2014-01-02")))
                .isEqualTo("[]");
    }

    @Test
    void shouldRefuseOrderingByAColumnTheQueryDoesNotOutput() {
        InvalidQueryException e = refused(groupBy("[\"page\"]", ", \"limitSpec\": {\"columns\": [\"language\"]}"));

        assertThat(e.getMessage()).isEqualTo("query field 'limitSpec.columns[0].dimension': "
                + "'language' is not a dimension, aggregation or post-aggregation output of the query");
    }

    @Test
    void shouldRefuseAnOutputNameUsedTwice() {
        InvalidQueryException e = refused(groupBy("[{\"dimension\": \"page\", \"outputName\": \"rows\"}]", ""));

        assertThat(e.getMessage()).isEqualTo("query field 'aggregations[0].name': 'rows' is already a dimension output name");
    }

    @Test
    void shouldRefuseAnUnknownHavingType() {
        InvalidQueryException e = refused(groupBy("[\"page\"]", ", \"having\": {\"type\": \"sometimes\"}"));

        assertThat(e.getMessage()).startsWith("query field 'having.type': unknown type 'sometimes'");
    }

    private static InvalidQueryException refused(String json) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> QueryReader.read(json.getBytes(UTF_8)));
        assertThat(e).as("query should have been refused: %s", json).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        return e;
    }
}
