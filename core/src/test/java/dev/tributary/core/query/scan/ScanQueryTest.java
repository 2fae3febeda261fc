package dev.tributary.core.query.scan;

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

/** Scan queries over the {@link dev.tributary.core.testing.WikiData} pieces, sent as JSON text. */
class ScanQueryTest {
    private static final String PIECE_1_ID = "wiki_2013-08-31T01:10:00.000Z_2013-08-31T04:30:00.001Z_live";
    private static final String PIECE_2_ID = "wiki_2013-08-31T01:15:00.000Z_2013-09-01T00:05:00.001Z_live_1";

    private static String scan(String more) {
        return """
                {"queryType": "scan", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-02"]%s}""".formatted(more);
    }

    @Test
    void shouldReturnEveryColumnOfEveryRowWithTimeAsMillisWhenNoColumnsAreNamed() {
        assertThat(run(List.of(PIECE_1), scan(""))).isEqualTo("[{\"segmentId\":\"" + PIECE_1_ID + "\","
                + "\"columns\":[\"__time\",\"page\",\"language\",\"tags\",\"year\",\"count\",\"added\",\"delta\"],\"events\":["
                + "{\"__time\":1377911400000,\"page\":\"a\",\"language\":\"en\",\"tags\":[\"t1\",\"t2\"],\"year\":2013,\"count\":2,\"added\":15,\"delta\":0.75},"
                + "{\"__time\":1377913200000,\"page\":\"b\",\"language\":\"fr\",\"tags\":\"t1\",\"year\":2012,\"count\":1,\"added\":1,\"delta\":-1.0},"
                + "{\"__time\":1377922800000,\"page\":\"c\",\"language\":\"en\",\"tags\":null,\"year\":null,\"count\":1,\"added\":100,\"delta\":2.5},"
                + "{\"__time\":1377923400000,\"page\":null,\"language\":\"de\",\"tags\":\"t2\",\"year\":2013,\"count\":1,\"added\":3,\"delta\":1.5}"
                + "]}]");
    }

    @Test
    void shouldReturnTheNamedColumnsCompactedInBatchesPerPiece() {
        String query = scan(", \"columns\": [\"__time\", \"page\", \"nope\"], \"resultFormat\": \"compactedList\", \"batchSize\": 3");

        assertThat(run(bothPieces(), query)).isEqualTo("["
                + "{\"segmentId\":\"" + PIECE_1_ID + "\",\"columns\":[\"__time\",\"page\",\"nope\"],\"events\":["
                + "[1377911400000,\"a\",null],[1377913200000,\"b\",null],[1377922800000,\"c\",null]]},"
                + "{\"segmentId\":\"" + PIECE_1_ID + "\",\"columns\":[\"__time\",\"page\",\"nope\"],\"events\":["
                + "[1377923400000,null,null]]},"
                + "{\"segmentId\":\"" + PIECE_2_ID + "\",\"columns\":[\"__time\",\"page\",\"nope\"],\"events\":["
                + "[1377911700000,\"b\",null],[1377916200000,\"a\",null],[1377993900000,\"d\",null]]}]");
    }

    @Test
    void shouldStopAtTheLimitAcrossPiecesAfterSkippingTheOffset() {
        String query = scan(", \"columns\": [\"page\"], \"resultFormat\": \"compactedList\", \"offset\": 3, \"limit\": 2");

        assertThat(run(bothPieces(), query)).isEqualTo("["
                + "{\"segmentId\":\"" + PIECE_1_ID + "\",\"columns\":[\"page\"],\"events\":[[null]]},"
                + "{\"segmentId\":\"" + PIECE_2_ID + "\",\"columns\":[\"page\"],\"events\":[[\"b\"]]}]");
    }

    @Test
    void shouldOrderRowsOfAllPiecesByTimeWithANullSegmentId() {
        String ascending = scan(", \"columns\": [\"__time\", \"page\"], \"resultFormat\": \"compactedList\", "
                + "\"order\": \"ascending\", \"offset\": 1, \"limit\": 3");
        String descending = scan(", \"columns\": [\"__time\", \"page\"], \"resultFormat\": \"compactedList\", "
                + "\"order\": \"descending\", \"limit\": 2");

        assertThat(run(bothPieces(), ascending)).isEqualTo("[{\"segmentId\":null,\"columns\":[\"__time\",\"page\"],\"events\":["
                + "[1377911700000,\"b\"],[1377913200000,\"b\"],[1377916200000,\"a\"]]}]");
        assertThat(run(bothPieces(), descending)).isEqualTo("[{\"segmentId\":null,\"columns\":[\"__time\",\"page\"],\"events\":["
                + "[1377993900000,\"d\"],[1377923400000,null]]}]");
    }

    @Test
    void shouldOrderEveryRowWhenThereIsNoLimit() {
        String query = scan(", \"columns\": [\"page\"], \"resultFormat\": \"compactedList\", \"order\": \"ascending\", \"batchSize\": 4");

        assertThat(run(bothPieces(), query)).isEqualTo("["
                + "{\"segmentId\":null,\"columns\":[\"page\"],\"events\":[[\"a\"],[\"b\"],[\"b\"],[\"a\"]]},"
                + "{\"segmentId\":null,\"columns\":[\"page\"],\"events\":[[\"c\"],[null],[\"d\"]]}]");
    }

    @Test
    void shouldKeepOnlyRowsInTheIntervalsThatTheFilterAccepts() {
        String query = """
                {"queryType": "scan", "dataSource": "wiki", "intervals": ["2013-08-31T02:00/2013-09-02"], "columns": ["page"],
                 "filter": {"type": "selector", "dimension": "language", "value": "en"}}""";

        assertThat(run(bothPieces(), query)).isEqualTo("["
                + "{\"segmentId\":\"" + PIECE_1_ID + "\",\"columns\":[\"page\"],\"events\":[{\"page\":\"c\"}]},"
                + "{\"segmentId\":\"" + PIECE_2_ID + "\",\"columns\":[\"page\"],\"events\":[{\"page\":\"d\"}]}]");
    }

    @Test
    void shouldAnswerNothingWhenTheIntervalsMissTheData() {
        assertThat(run(bothPieces(), scan("").replace("2013-08-31/2013-09-02", "2014-01-01/2014-01-02"))).isEqualTo("[]");
    }

    @Test
    void shouldRefuseAResultFormatOrOrderItDoesNotKnow() {
        assertThat(refused(scan(", \"resultFormat\": \"valueVector\"")).getMessage())
                .isEqualTo("query field 'resultFormat': 'valueVector' is not supported; use list or compactedList");
        assertThat(refused(scan(", \"order\": \"sideways\"")).getMessage())
                .isEqualTo("query field 'order': 'sideways' is not one of none, ascending, descending");
    }

    private static InvalidQueryException refused(String json) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> QueryReader.read(json.getBytes(UTF_8)));
        assertThat(e).as("query should have been refused: %s", json).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        return e;
    }
}
