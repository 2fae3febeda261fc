package dev.tributary.core.query.metadata;

import static dev.tributary.core.testing.TestData.dataSchema;
import static dev.tributary.core.testing.TestData.index;
import static dev.tributary.core.testing.WikiData.bothPieces;
import static dev.tributary.core.testing.WikiData.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.index.IncrementalIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TimeBoundary and dataSourceMetadata queries, sent as JSON text. */
class TimeBoundaryQueryTest {

    @Test
    void shouldAnswerTheEarliestAndLatestRowTimesOfAllPieces() {
        assertThat(run(bothPieces(), "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\"}")).isEqualTo(
                "[{\"timestamp\":\"2013-08-31T01:10:00.000Z\","
                        + "\"result\":{\"minTime\":\"2013-08-31T01:10:00.000Z\",\"maxTime\":\"2013-09-01T00:05:00.000Z\"}}]");
    }

    @Test
    void shouldAnswerOnlyTheBoundAskedForStampedWithIt() {
        assertThat(run(bothPieces(), "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", \"bound\": \"maxTime\"}"))
                .isEqualTo("[{\"timestamp\":\"2013-09-01T00:05:00.000Z\",\"result\":{\"maxTime\":\"2013-09-01T00:05:00.000Z\"}}]");
        assertThat(run(bothPieces(), "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", \"bound\": \"minTime\"}"))
                .isEqualTo("[{\"timestamp\":\"2013-08-31T01:10:00.000Z\",\"result\":{\"minTime\":\"2013-08-31T01:10:00.000Z\"}}]");
    }

    @Test
    void shouldConsiderOnlyRowsInTheIntervalsThatTheFilterAccepts() {
        String filtered = """
                {"queryType": "timeBoundary", "dataSource": "wiki",
                 "filter": {"type": "selector", "dimension": "language", "value": "fr"}}""";
        String clipped = """
                {"queryType": "timeBoundary", "dataSource": "wiki", "intervals": ["2013-08-31T02:00/2013-08-31T05:00"]}""";

        assertThat(run(bothPieces(), filtered)).isEqualTo("[{\"timestamp\":\"2013-08-31T01:40:00.000Z\","
                + "\"result\":{\"minTime\":\"2013-08-31T01:40:00.000Z\",\"maxTime\":\"2013-08-31T02:30:00.000Z\"}}]");
        assertThat(run(bothPieces(), clipped)).isEqualTo("[{\"timestamp\":\"2013-08-31T02:30:00.000Z\","
                + "\"result\":{\"minTime\":\"2013-08-31T02:30:00.000Z\",\"maxTime\":\"2013-08-31T04:30:00.000Z\"}}]");
    }

    @Test
    void shouldReportRowTimesTruncatedToTheQueryGranularityAsDruidDoes() {
        IncrementalIndex index = index(dataSchema("""
                {"dataSource": "wiki", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "granularitySpec": {"queryGranularity": "second"}}"""),
                "{\"ts\": \"2013-08-31T01:02:33.456Z\", \"page\": \"a\"}",
                "{\"ts\": \"2013-09-01T12:41:27.999Z\", \"page\": \"b\"}");

        assertThat(run(List.of(index), "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\"}")).isEqualTo(
                "[{\"timestamp\":\"2013-08-31T01:02:33.000Z\","
                        + "\"result\":{\"minTime\":\"2013-08-31T01:02:33.000Z\",\"maxTime\":\"2013-09-01T12:41:27.000Z\"}}]");
        assertThat(run(List.of(index), "{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"wiki\"}")).isEqualTo(
                "[{\"timestamp\":\"2013-09-01T12:41:27.999Z\",\"result\":{\"maxIngestedEventTime\":\"2013-09-01T12:41:27.999Z\"}}]");
    }

    @Test
    void shouldAnswerTheLatestIngestedEventTimeOfAllPieces() {
        assertThat(run(bothPieces(), "{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"wiki\"}")).isEqualTo(
                "[{\"timestamp\":\"2013-09-01T00:05:00.000Z\",\"result\":{\"maxIngestedEventTime\":\"2013-09-01T00:05:00.000Z\"}}]");
    }

    @Test
    void shouldAnswerNothingForAnEmptyPieceOrAnUnknownDataSource() {
        IncrementalIndex empty = new IncrementalIndex(dev.tributary.core.testing.WikiData.SCHEMA);

        assertThat(run(List.of(empty), "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\"}")).isEqualTo("[]");
        assertThat(run(List.of(empty), "{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"wiki\"}")).isEqualTo("[]");
        assertThat(run(bothPieces(), "{\"queryType\": \"timeBoundary\", \"dataSource\": \"other\"}")).isEqualTo("[]");
    }
}
