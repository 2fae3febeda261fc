package dev.tributary.worker.realtime;

import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.InputRowParser;
import dev.tributary.core.input.UnparseableEventException;
import dev.tributary.core.input.transform.RowTransformer;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseFactory;
import dev.tributary.core.spi.Plumber;
import dev.tributary.core.spi.RawEvent;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion thread's work: poll the firehose, parse and transform each event, hand the row to the
 * plumber, count the outcome (a row the transformSpec filter rejects is thrownAway). A bad event is counted and skipped; any other failure ends the loop and goes
 * to {@code onFailure}, never swallowed.
 */
final class IngestionLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionLoop.class);
    private static final Duration POLL_WAIT = Duration.ofMillis(200);

    private final FirehoseFactory firehoseFactory;
    private final InputRowParser parser;
    private final RowTransformer transformer;
    private final Plumber plumber;
    private final IngestionMetrics metrics;
    private final Consumer<Throwable> onFailure;
    private volatile boolean stopping;

    IngestionLoop(FirehoseFactory firehoseFactory, InputRowParser parser, RowTransformer transformer, Plumber plumber,
            IngestionMetrics metrics, Consumer<Throwable> onFailure) {
        this.firehoseFactory = firehoseFactory;
        this.parser = parser;
        this.transformer = transformer;
        this.plumber = plumber;
        this.metrics = metrics;
        this.onFailure = onFailure;
    }

    /** Asks the loop to finish after the current batch. Any thread. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try (Firehose firehose = firehoseFactory.connect()) {
            while (!stopping && !Thread.currentThread().isInterrupted()) {
                for (RawEvent event : firehose.poll(POLL_WAIT)) {
                    handle(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (!stopping) {
                onFailure.accept(e);
            }
        }
        LOG.info("ingestion stopped after {} events", metrics.consumed());
    }

    private void handle(RawEvent event) {
        metrics.recordConsumed();
        InputRow row;
        try {
            row = transformer.apply(parser.parse(event.payload()));
        } catch (UnparseableEventException e) {
            metrics.recordUnparseable(event.partition(), event.offset(), e.getMessage());
            return;
        }
        if (row != null && plumber.add(row)) {
            metrics.recordProcessed();
        } else {
            metrics.recordThrownAway();
        }
    }
}
