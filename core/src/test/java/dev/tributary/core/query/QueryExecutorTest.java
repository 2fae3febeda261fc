package dev.tributary.core.query;

import static dev.tributary.core.testing.WikiData.PIECE_1;
import static dev.tributary.core.testing.WikiData.bothPieces;
import static dev.tributary.core.testing.WikiData.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.aggregation.AggregatorFactory;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every query type shares: the executor's dispatch, deadlines, cancellation and unknown dataSources. */
class QueryExecutorTest {
    private static final String INTERVALS = "\"intervals\": [\"2013-08-31/2013-09-02\"]";
    private static final String AGGREGATIONS = "\"aggregations\": [{\"type\": \"count\", \"name\": \"rows\"}]";
    private static final String FILTER = "\"filter\": {\"type\": \"selector\", \"dimension\": \"language\", \"value\": \"en\"}";

    /** One query of each type that reads rows. */
    private static final String[] SCANNING = {
        "{\"queryType\": \"timeseries\", \"dataSource\": \"wiki\", " + INTERVALS + ", " + AGGREGATIONS + "}",
        "{\"queryType\": \"topN\", \"dataSource\": \"wiki\", " + INTERVALS + ", \"dimension\": \"page\", \"metric\": \"rows\", \"threshold\": 3, " + AGGREGATIONS + "}",
        "{\"queryType\": \"groupBy\", \"dataSource\": \"wiki\", " + INTERVALS + ", \"dimensions\": [\"page\"], " + AGGREGATIONS + "}",
        "{\"queryType\": \"scan\", \"dataSource\": \"wiki\", " + INTERVALS + "}",
        "{\"queryType\": \"scan\", \"dataSource\": \"wiki\", " + INTERVALS + ", \"order\": \"ascending\"}",
        "{\"queryType\": \"search\", \"dataSource\": \"wiki\", " + INTERVALS + ", \"query\": {\"type\": \"contains\", \"value\": \"a\"}}",
        "{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", " + FILTER + "}",
        "{\"queryType\": \"segmentMetadata\", \"dataSource\": \"wiki\"}",
    };

    @Test
    void shouldStopEveryScanningQueryAtTheNextBlockOnceCancelled() {
        for (String json : SCANNING) {
            Query query = QueryReader.read(json.getBytes(UTF_8));
            RunningQuery running = new RunningQuery("q1", 0);
            OneRowBlocks piece = new OneRowBlocks(PIECE_1, running);

            assertThatThrownBy(() -> new QueryExecutor(ds -> List.of(piece)).run(query, running))
                    .as(json).isInstanceOf(QueryCancelledException.class).hasMessage("Query [q1] was cancelled");
            assertThat(piece.blocksRead).as(json).isEqualTo(1);
        }
    }

    @Test
    void shouldNotStartAQueryThatWasCancelledBeforeItRan() {
        RunningQuery running = new RunningQuery("q2", 0);
        running.cancel();
        Query query = QueryReader.read("{\"queryType\": \"dataSourceMetadata\", \"dataSource\": \"wiki\"}".getBytes(UTF_8));

        assertThatThrownBy(() -> new QueryExecutor(ds -> bothPieces()).run(query, running))
                .isInstanceOf(QueryCancelledException.class);
    }

    @Test
    @Timeout(10)
    void shouldTakeTheDeadlineAndIdFromTheContext() {
        Query query = QueryReader.read("""
                {"queryType": "timeBoundary", "dataSource": "wiki", "context": {"timeout": 1, "queryId": "abc"}}""".getBytes(UTF_8));

        RunningQuery running = RunningQuery.of(query);

        assertThat(running.queryId()).isEqualTo("abc");
        assertThatThrownBy(() -> {
            while (true) {
                running.check();
            }
        }).isInstanceOf(QueryTimeoutException.class).hasMessage("Query [abc] timed out after 1 ms");
    }

    @Test
    void shouldRunWithoutADeadlineWhenTheContextHasNone() {
        Query query = QueryReader.read("{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", \"context\": {\"timeout\": \"0\"}}"
                .getBytes(UTF_8));

        assertThat(new QueryExecutor(ds -> bothPieces()).run(query)).hasSize(1);
    }

    @Test
    void shouldRefuseATimeoutThatIsNotACountOfMilliseconds() {
        Query query = QueryReader.read("{\"queryType\": \"timeBoundary\", \"dataSource\": \"wiki\", \"context\": {\"timeout\": \"soon\"}}"
                .getBytes(UTF_8));

        assertThatThrownBy(() -> new QueryExecutor(ds -> bothPieces()).run(query))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("query field 'context.timeout': 'soon' is not a number of milliseconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeseries", "topN", "groupBy", "scan", "search", "timeBoundary", "segmentMetadata", "dataSourceMetadata"})
    void shouldAnswerNothingForADataSourceThisNodeDoesNotHave(String type) {
        String json = java.util.Arrays.stream(SCANNING).filter(q -> q.contains("\"" + type + "\"")).findFirst()
                .orElse("{\"queryType\": \"" + type + "\", \"dataSource\": \"wiki\"}");

        assertThat(run(bothPieces(), json.replace("\"wiki\"", "\"elsewhere\""))).isEqualTo("[]");
    }

    /** A piece that hands out one row per block and cancels the query after the first block. */
    private static final class OneRowBlocks implements QueryableIndex {
        private final QueryableIndex delegate;
        private final RunningQuery running;
        int blocksRead;

        OneRowBlocks(QueryableIndex delegate, RunningQuery running) {
            this.delegate = delegate;
            this.running = running;
        }

        @Override
        public void scan(RowBlockVisitor visitor) {
            int[] rows = {0};
            delegate.scan((start, end) -> rows[0] = Math.max(rows[0], end));
            for (int row = 0; row < rows[0]; row++) {
                visitor.visit(row, row + 1);
                blocksRead++;
                running.cancel();
            }
        }

        @Override
        public String dataSource() {
            return delegate.dataSource();
        }

        @Override
        public Interval dataInterval() {
            return delegate.dataInterval();
        }

        @Override
        public Granularity queryGranularity() {
            return delegate.queryGranularity();
        }

        @Override
        public boolean rollup() {
            return delegate.rollup();
        }

        @Override
        public List<String> dimensionNames() {
            return delegate.dimensionNames();
        }

        @Override
        public List<AggregatorFactory> metrics() {
            return delegate.metrics();
        }

        @Override
        public long maxIngestedEventTime() {
            return delegate.maxIngestedEventTime();
        }

        @Override
        public Column column(String name) {
            return delegate.column(name);
        }

        @Override
        public NumericColumn time() {
            return delegate.time();
        }
    }
}
