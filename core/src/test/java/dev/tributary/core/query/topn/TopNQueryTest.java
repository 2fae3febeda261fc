package dev.tributary.core.query.topn;

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

/** TopN queries over the {@link dev.tributary.core.testing.WikiData} pieces, sent as JSON text. */
class TopNQueryTest {

    private static String topN(String dimension, String metric, int threshold, String more) {
        return """
                {"queryType": "topN", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-02"], "granularity": "all",
                 "dimension": %s, "metric": %s, "threshold": %d,
                 "aggregations": [{"type": "longSum", "name": "added", "fieldName": "added"}, {"type": "count", "name": "rows"}]%s}"""
                .formatted(dimension, metric, threshold, more);
    }

    @Test
    void shouldRankValuesByAnAggregatorLargestFirstAndStopAtTheThreshold() {
        assertThat(run(List.of(PIECE_1), topN("\"page\"", "\"added\"", 2, ""))).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                {"page":"c","added":100,"rows":1},{"page":"a","added":15,"rows":1}]}]""");
    }

    @Test
    void shouldRankAfterMergingThePiecesSoThatSumsAcrossPiecesDecide() {
        // alone, piece 1 ranks a (15) over b (1) and piece 2 ranks b (20) over a (7): merged a has 22, b 21
        assertThat(run(bothPieces(), topN("\"page\"", "{\"type\": \"numeric\", \"metric\": \"added\"}", 4, "")))
                .isEqualTo("""
                        [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                        {"page":"c","added":100,"rows":1},{"page":"d","added":40,"rows":1},\
                        {"page":"a","added":22,"rows":2},{"page":"b","added":21,"rows":2}]}]""");
    }

    @Test
    void shouldRankByAPostAggregationComputedAfterMergingThePieces() {
        String negated = ", \"postAggregations\": [{\"type\": \"arithmetic\", \"name\": \"negated\", \"fn\": \"*\", "
                + "\"fields\": [{\"type\": \"fieldAccess\", \"fieldName\": \"added\"}, {\"type\": \"constant\", \"value\": -1}]}]";

        assertThat(run(bothPieces(), topN("\"page\"", "\"negated\"", 3, negated))).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                {"page":null,"added":3,"rows":1,"negated":-3.0},{"page":"b","added":21,"rows":2,"negated":-21.0},\
                {"page":"a","added":22,"rows":2,"negated":-22.0}]}]""");
    }

    @Test
    void shouldRankSmallestFirstWhenInverted() {
        assertThat(run(List.of(PIECE_1), topN("\"page\"", "{\"type\": \"inverted\", \"metric\": \"added\"}", 2, "")))
                .isEqualTo("""
                        [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                        {"page":"b","added":1,"rows":1},{"page":null,"added":3,"rows":1}]}]""");
    }

    @Test
    void shouldRankByDimensionValueAfterThePreviousStop() {
        String metric = "{\"type\": \"dimension\", \"ordering\": \"lexicographic\", \"previousStop\": \"a\"}";

        assertThat(run(List.of(PIECE_1), topN("\"page\"", metric, 5, ""))).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                {"page":"b","added":1,"rows":1},{"page":"c","added":100,"rows":1}]}]""");
    }

    @Test
    void shouldRankByDimensionValueWithNullFirst() {
        assertThat(run(List.of(PIECE_1), topN("\"year\"", "{\"type\": \"dimension\", \"ordering\": {\"type\": \"numeric\"}}", 5, "")))
                .isEqualTo("""
                        [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                        {"year":null,"added":100,"rows":1},{"year":"2012","added":1,"rows":1},{"year":"2013","added":18,"rows":2}]}]""");
    }

    @Test
    void shouldBreakMetricTiesByDimensionValueAndHonourOutputNameAndType() {
        String dimension = "{\"type\": \"default\", \"dimension\": \"year\", \"outputName\": \"y\", \"outputType\": \"LONG\"}";

        assertThat(run(List.of(PIECE_1), topN(dimension, "\"rows\"", 3, ""))).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                {"y":2013,"added":18,"rows":2},{"y":null,"added":100,"rows":1},{"y":2012,"added":1,"rows":1}]}]""");
    }

    @Test
    void shouldCountAMultiValueRowOnceForEachOfItsValues() {
        assertThat(run(List.of(PIECE_1), topN("\"tags\"", "\"rows\"", 5, ""))).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                {"tags":"t1","added":16,"rows":2},{"tags":"t2","added":18,"rows":2},{"tags":null,"added":100,"rows":1}]}]""");
    }

    @Test
    void shouldKeepOnlyRowsTheFilterAcceptsButStampAllWithTheEarliestDataInTheInterval() {
        String filter = ", \"filter\": {\"type\": \"selector\", \"dimension\": \"language\", \"value\": \"en\"}";

        assertThat(run(bothPieces(), topN("\"page\"", "\"added\"", 10, filter))).isEqualTo("""
                [{"timestamp":"2013-08-31T01:10:00.000Z","result":[\
                {"page":"c","added":100,"rows":1},{"page":"d","added":40,"rows":1},\
                {"page":"b","added":20,"rows":1},{"page":"a","added":15,"rows":1}]}]""");
    }

    @Test
    void shouldAnswerAnEmptyListWhenTheFilterMatchesNothing() {
        String filter = ", \"filter\": {\"type\": \"selector\", \"dimension\": \"language\", \"value\": \"xx\"}";

        assertThat(run(bothPieces(), topN("\"page\"", "\"added\"", 10, filter)))
                .isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":[]}]");
    }

    @Test
    void shouldAnswerEveryHourOfTheDataIncludingEmptyOnes() {
        String query = """
                {"queryType": "topN", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"], "granularity": "hour",
                 "dimension": "page", "metric": "added", "threshold": 1,
                 "aggregations": [{"type": "longSum", "name": "added", "fieldName": "added"}]}""";

        assertThat(run(List.of(PIECE_1), query)).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":[{\"page\":\"a\",\"added\":15}]},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":[]},"
                + "{\"timestamp\":\"2013-08-31T03:00:00.000Z\",\"result\":[]},"
                + "{\"timestamp\":\"2013-08-31T04:00:00.000Z\",\"result\":[{\"page\":\"c\",\"added\":100}]}]");
    }

    @Test
    void shouldMergeHourBucketsOfTwoPieces() {
        String query = """
                {"queryType": "topN", "dataSource": "wiki", "intervals": ["2013-08-31T01:00/2013-08-31T03:00"], "granularity": "hour",
                 "dimension": "page", "metric": "added", "threshold": 2,
                 "aggregations": [{"type": "longSum", "name": "added", "fieldName": "added"}]}""";

        assertThat(run(bothPieces(), query)).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T01:00:00.000Z\",\"result\":[{\"page\":\"b\",\"added\":21},{\"page\":\"a\",\"added\":15}]},"
                + "{\"timestamp\":\"2013-08-31T02:00:00.000Z\",\"result\":[{\"page\":\"a\",\"added\":7}]}]");
    }

    @Test
    void shouldAnswerNothingWhenTheIntervalsMissTheDataOrTheDataSourceIsUnknown() {
        assertThat(run(bothPieces(), topN("\"page\"", "\"added\"", 2, "").replace("2013-08-31/2013-09-02", "2014-01-01/2014-01-02")))
                .isEqualTo("[]");
        assertThat(run(bothPieces(), topN("\"page\"", "\"added\"", 2, "").replace("\"wiki\"", "\"other\""))).isEqualTo("[]");
    }

    @Test
    void shouldAcceptMinTopNThresholdSinceRankingIsExact() {
        assertThat(run(List.of(PIECE_1), topN("\"page\"", "\"added\"", 1, ", \"context\": {\"minTopNThreshold\": 1}")))
                .isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":[{\"page\":\"c\",\"added\":100,\"rows\":1}]}]");
    }

    @Test
    void shouldRefuseAMetricThatNoAggregationOrPostAggregationNames() {
        assertThat(refused(topN("\"page\"", "\"nope\"", 2, "")).getMessage())
                .isEqualTo("query field 'metric': 'nope' is not the name of an aggregation or post-aggregation of the query");
    }

    @Test
    void shouldRefuseAMissingOrNonPositiveThreshold() {
        assertThat(refused(topN("\"page\"", "\"added\"", 0, "")).getMessage())
                .isEqualTo("query field 'threshold': must be positive");
        assertThat(refused(topN("\"page\"", "\"added\"", 1, "").replace("\"threshold\": 1,", "")).getMessage())
                .isEqualTo("query field 'threshold': is required");
    }

    @Test
    void shouldRefuseAnUnknownMetricSpecType() {
        assertThat(refused(topN("\"page\"", "{\"type\": \"best\"}", 2, "")).getMessage())
                .startsWith("query field 'metric': unknown topN metric type 'best'");
    }

    @Test
    void shouldRefuseAnUnsupportedDimensionSpecType() {
        assertThat(refused(topN("{\"type\": \"extraction\", \"dimension\": \"page\"}", "\"added\"", 2, "")).getMessage())
                .isEqualTo("query field 'dimension.type': dimension spec type 'extraction' is not supported; use 'default'");
    }

    private static InvalidQueryException refused(String json) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> QueryReader.read(json.getBytes(UTF_8)));
        assertThat(e).as("query should have been refused: %s", json).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        return e;
    }
}
