package dev.tributary.worker.realtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.Json;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.spec.TuningConfig;
import org.junit.jupiter.api.Test;

class InMemoryPlumberTest {
    private static final DataSchema SCHEMA = SpecReader.read("""
            {"dataSource": "p", "timestampSpec": {"column": "t", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["k"]},
             "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "v", "fieldName": "v"}],
             "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none",
                                 "intervals": ["1970-01-01/1970-01-02"]}}""", DataSchema.class);

    private static TuningConfig tuning(int maxRows) {
        return SpecReader.read("{\"maxRowsInMemory\": " + maxRows + "}", TuningConfig.class);
    }

    @Test
    void shouldStartAFreshHydrantWhenMaxRowsInMemoryIsReachedAndStillAnswerForAllRows() throws Exception {
        InMemoryPlumber plumber = new InMemoryPlumber(SCHEMA, tuning(3));
        JsonInputRowParser parser = new JsonInputRowParser(SCHEMA);
        for (int i = 0; i < 10; i++) {
            String event = "{\"t\": " + (1000 + i) + ", \"k\": \"k" + i + "\", \"v\": " + i + "}";
            assertThat(plumber.add(parser.parse(event.getBytes(UTF_8)))).isTrue();
        }
        assertThat(plumber.sinkCount()).isEqualTo(1);
        assertThat(plumber.hydrantCount()).isEqualTo(4);
        assertThat(plumber.rowsInMemory()).isEqualTo(10);
        String answer = Json.mapper().writeValueAsString(new QueryExecutor(ds -> plumber.queryablePieces()).run(QueryReader.read("""
                {"queryType": "timeseries", "dataSource": "p", "intervals": ["1970/1971"], "granularity": "all",
                 "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"},
                                  {"type": "longSum", "name": "v", "fieldName": "v"}]}""".getBytes(UTF_8))));
        assertThat(answer).isEqualTo("[{\"timestamp\":\"1970-01-01T00:00:01.000Z\",\"result\":{\"events\":10,\"v\":45}}]");
    }

    @Test
    void shouldThrowAwayRowsOutsideTheSpecIntervals() {
        InMemoryPlumber plumber = new InMemoryPlumber(SCHEMA, tuning(100));
        JsonInputRowParser parser = new JsonInputRowParser(SCHEMA);
        assertThat(plumber.add(parser.parse("{\"t\": 86400000, \"k\": \"late\"}".getBytes(UTF_8)))).isFalse();
        assertThat(plumber.add(parser.parse("{\"t\": 86399999, \"k\": \"in\"}".getBytes(UTF_8)))).isTrue();
        assertThat(plumber.rowsInMemory()).isEqualTo(1);
    }

    @Test
    void shouldKeepOneSinkPerSegmentGranularityBucket() {
        InMemoryPlumber plumber = new InMemoryPlumber(SCHEMA, tuning(100));
        JsonInputRowParser parser = new JsonInputRowParser(SCHEMA);
        for (long t : new long[] {0, 3_599_999, 3_600_000, 7_200_001}) {
            plumber.add(parser.parse(("{\"t\": " + t + ", \"k\": \"x\"}").getBytes(UTF_8)));
        }
        assertThat(plumber.sinkCount()).isEqualTo(3);
    }
}
