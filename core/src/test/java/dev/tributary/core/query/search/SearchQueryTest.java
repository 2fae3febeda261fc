package dev.tributary.core.query.search;

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

/** Search queries over the {@link dev.tributary.core.testing.WikiData} pieces, sent as JSON text. */
class SearchQueryTest {

    private static String search(String spec, String more) {
        return """
                {"queryType": "search", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-02"], "query": %s%s}"""
                .formatted(spec, more);
    }

    private static String hit(String dimension, String value, int count) {
        return "{\"dimension\":\"" + dimension + "\",\"value\":\"" + value + "\",\"count\":" + count + "}";
    }

    @Test
    void shouldCountRowsHoldingEachMatchingValueOfTheSearchedDimensions() {
        String query = search("{\"type\": \"insensitive_contains\", \"value\": \"E\"}", ", \"searchDimensions\": [\"page\", \"language\"]");

        assertThat(run(bothPieces(), query)).isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":["
                + hit("language", "de", 1) + "," + hit("language", "en", 4) + "]}]");
    }

    @Test
    void shouldSearchEveryDimensionIncludingMultiValueAndNumericOnesByDefault() {
        assertThat(run(bothPieces(), search("{\"type\": \"contains\", \"value\": \"t\"}", "")))
                .isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":["
                        + hit("tags", "t1", 3) + "," + hit("tags", "t2", 2) + "," + hit("tags", "t3", 1) + "]}]");
        assertThat(run(bothPieces(), search("{\"type\": \"fragment\", \"values\": [\"20\", \"3\"]}", "")))
                .isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":[" + hit("year", "2013", 4) + "]}]");
    }

    @Test
    void shouldSearchOnlyRowsTheFilterAcceptsSortedByValueThenDimension() {
        String query = search("{\"type\": \"contains\", \"value\": \"\"}",
                ", \"filter\": {\"type\": \"selector\", \"dimension\": \"language\", \"value\": \"fr\"}");

        assertThat(run(bothPieces(), query)).isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":["
                + hit("year", "2012", 1) + "," + hit("year", "2013", 1) + "," + hit("page", "a", 1) + ","
                + hit("page", "b", 1) + "," + hit("language", "fr", 2) + "," + hit("tags", "t1", 2) + "]}]");
    }

    @Test
    void shouldSortByTheRequestedOrderAndCutAtTheLimit() {
        String query = search("{\"type\": \"contains\", \"value\": \"\"}",
                ", \"searchDimensions\": [\"page\", \"year\"], \"sort\": {\"type\": \"strlen\"}, \"limit\": 3");

        assertThat(run(List.of(PIECE_1), query)).isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":["
                + hit("page", "a", 1) + "," + hit("page", "b", 1) + "," + hit("page", "c", 1) + "]}]");
    }

    @Test
    void shouldAnswerOneResultPerBucketOfTheGranularity() {
        String query = search("{\"type\": \"contains\", \"value\": \"en\"}", ", \"granularity\": \"day\"");

        assertThat(run(bothPieces(), query)).isEqualTo("["
                + "{\"timestamp\":\"2013-08-31T00:00:00.000Z\",\"result\":[" + hit("language", "en", 3) + "]},"
                + "{\"timestamp\":\"2013-09-01T00:00:00.000Z\",\"result\":[" + hit("language", "en", 1) + "]}]");
    }

    @Test
    void shouldAnswerAnEmptyResultWhenNothingMatchesAndNothingWhenNoDataIsInTheIntervals() {
        assertThat(run(bothPieces(), search("{\"type\": \"contains\", \"value\": \"zzz\"}", "")))
                .isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":[]}]");
        assertThat(run(bothPieces(), search("{\"type\": \"contains\", \"value\": \"a\"}", "")
                .replace("2013-08-31/2013-09-02", "2014-01-01/2014-01-02"))).isEqualTo("[]");
    }

    @Test
    void shouldRefuseASearchWithoutAQuerySpec() {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> QueryReader.read("""
                {"queryType": "search", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-02"]}""".getBytes(UTF_8)));

        assertThat(e.getMessage()).isEqualTo("query field 'query': is required");
    }
}
