package dev.tributary.core.index;

import static dev.tributary.core.testing.TestData.dataSchema;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.input.InputRow;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.spec.DataSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One ingestion thread adds events while query threads run timeseries queries: every answer must
 * describe one state of the index (no half-added event), and no answer may go back in time.
 *
 * <p>Every event carries {@code value: 1}, so in any consistent answer the ingest-time count summed
 * ({@code events}) equals the value sum; without rollup each event is a row, so the query-time count
 * ({@code rows}) equals both as well.
 */
class IncrementalIndexConcurrencyTest {
    private static final int EVENTS = 200_000;
    private static final int READERS = 2;
    private static final int PAGES = 10;
    private static final long START = Instant.parse("2013-08-31T00:00:00Z").toEpochMilli();

    private static final Query QUERY = QueryReader.read("""
            {"queryType": "timeseries", "dataSource": "load", "intervals": ["2013-08-31/2013-09-01"], "granularity": "all",
             "aggregations": [{"type": "count", "name": "rows"},
                              {"type": "longSum", "name": "events", "fieldName": "count"},
                              {"type": "longSum", "name": "value", "fieldName": "value"}]}""".getBytes(UTF_8));

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldAnswerEveryQueryConsistentlyWhileOneWriterAddsEventsWithoutRollup() throws Exception {
        IncrementalIndex index = new IncrementalIndex(schema(false));
        List<InputRow> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            events.add(event(START + i, i));
        }

        List<Answer> lastAnswers = ingestWhileQuerying(index, events, false);

        assertThat(lastAnswers).containsOnly(new Answer(EVENTS, EVENTS, EVENTS));
        assertThat(index.rowCount()).isEqualTo(EVENTS);
    }

    /** With rollup a few rows are updated over and over, so a reader meets rows as they change. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldAnswerEveryQueryConsistentlyWhileOneWriterRollsEventsUp() throws Exception {
        IncrementalIndex index = new IncrementalIndex(schema(true));
        List<InputRow> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            events.add(event(START, i));
        }

        List<Answer> lastAnswers = ingestWhileQuerying(index, events, true);

        assertThat(lastAnswers).containsOnly(new Answer(PAGES, EVENTS, EVENTS));
        assertThat(index.rowCount()).isEqualTo(PAGES);
    }

    /**
     * Starts the readers, then the writer; the writer stops halfway until some reader has answered
     * from the half-filled index, so mid-ingestion answers are certain. Returns each reader's answer
     * from after the writer finished.
     */
    private static List<Answer> ingestWhileQuerying(IncrementalIndex index, List<InputRow> events, boolean rollup)
            throws Exception {
        QueryExecutor executor = new QueryExecutor(dataSource -> List.of(index));
        AtomicBoolean writerDone = new AtomicBoolean();
        CountDownLatch readersRunning = new CountDownLatch(READERS);
        CountDownLatch partialAnswerSeen = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(READERS + 1);
        try {
            List<Future<Answer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(threads.submit(() -> {
                    Answer previous = new Answer(0, 0, 0);
                    boolean last = false;
                    for (int queries = 1; !last; queries++) {
                        last = writerDone.get();
                        Answer answer = Answer.of(executor.run(QUERY));
                        answer.assertConsistent(rollup);
                        assertThat(answer.events()).as("events after %s", previous).isGreaterThanOrEqualTo(previous.events());
                        assertThat(answer.rows()).as("rows after %s", previous).isGreaterThanOrEqualTo(previous.rows());
                        if (answer.events() > 0 && answer.events() < EVENTS) {
                            partialAnswerSeen.countDown();
                        }
                        if (queries == 1) {
                            readersRunning.countDown();
                        }
                        previous = answer;
                    }
                    return previous;
                }));
            }
            assertThat(readersRunning.await(30, TimeUnit.SECONDS)).as("readers started").isTrue();
            Future<?> writer = threads.submit(() -> {
                events.subList(0, events.size() / 2).forEach(index::add);
                assertThat(partialAnswerSeen.await(30, TimeUnit.SECONDS)).as("a reader answered mid-ingestion").isTrue();
                events.subList(events.size() / 2, events.size()).forEach(index::add);
                writerDone.set(true);
                return null;
            });

            writer.get(30, TimeUnit.SECONDS);
            List<Answer> lastAnswers = new ArrayList<>();
            for (Future<Answer> reader : readers) {
                lastAnswers.add(reader.get(30, TimeUnit.SECONDS));
            }
            return lastAnswers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static DataSchema schema(boolean rollup) {
        return dataSchema("""
                {"dataSource": "load", "timestampSpec": {"column": "ts"}, "dimensionsSpec": {"dimensions": ["page"]},
                 "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "value", "fieldName": "value"}],
                 "granularitySpec": {"rollup": %s}}""".formatted(rollup));
    }

    private static InputRow event(long time, int i) {
        return new InputRow(time, List.of("page"), Map.of("ts", time, "page", "p" + (i % PAGES), "value", 1L));
    }

    /** One granularity-all answer: rows (query-time count), events (summed ingest count), value sum. */
    private record Answer(long rows, long events, long value) {
        static Answer of(List<?> result) {
            if (result.isEmpty()) {
                return new Answer(0, 0, 0);
            }
            assertThat(result).hasSize(1);
            Map<?, ?> row = (Map<?, ?>) result.get(0);
            assertThat(row.get("timestamp")).isEqualTo("2013-08-31T00:00:00.000Z");
            Map<?, ?> values = (Map<?, ?>) row.get("result");
            return new Answer((Long) values.get("rows"), (Long) values.get("events"), (Long) values.get("value"));
        }

        void assertConsistent(boolean rollup) {
            assertThat(value).as("value sum in %s", this).isEqualTo(events);
            if (rollup) {
                assertThat(rows).as("rows in %s", this).isBetween(Math.min(events, 1L), Math.min(events, PAGES));
            } else {
                assertThat(rows).as("rows in %s", this).isEqualTo(events);
            }
        }
    }
}
