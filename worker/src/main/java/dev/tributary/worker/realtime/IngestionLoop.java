package dev.tributary.worker.realtime;

import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.InputRowParser;
import dev.tributary.core.input.UnparseableEventException;
import dev.tributary.core.input.transform.RowTransformer;
import dev.tributary.core.spi.CommitFencedException;
import dev.tributary.core.spi.Committer;
import dev.tributary.core.spi.Firehose;
import dev.tributary.core.spi.FirehoseContext;
import dev.tributary.core.spi.FirehoseListener;
import dev.tributary.core.spi.PositionLedger;
import dev.tributary.core.spi.FirehoseFactory;
import dev.tributary.core.spi.Plumber;
import dev.tributary.core.spi.RawEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion thread's work: poll the firehose, parse and transform each event, hand the row to the
 * plumber, count the outcome (a row the transformSpec filter rejects is thrownAway). A bad event is
 * counted and skipped; any other failure ends the loop and goes to {@code onFailure}, never swallowed.
 *
 * <p>It also keeps commit after persist: it tracks, per partition, the position after the last event
 * it handled, and that is what the committers it gives the plumber cover. When a commit is refused or
 * partitions are lost, the plumber drops every uncommitted row and the firehose rewinds to the
 * committed positions, so those events are read again, not lost and not counted twice.
 */
final class IngestionLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionLoop.class);
    private static final Duration POLL_WAIT = Duration.ofMillis(200);

    private final FirehoseFactory firehoseFactory;
    /** Null: the firehose's source keeps positions alone. */
    private final PositionLedger ledger;
    private final String owner;
    private final int maxEventBytes;
    private final InputRowParser parser;
    private final RowTransformer transformer;
    private final Plumber plumber;
    private final IngestionMetrics metrics;
    private final Consumer<Throwable> onFailure;
    private volatile boolean stopping;
    /** Per partition, the position after the last event handled (its row added, or counted). */
    private final Map<String, Long> handled = new HashMap<>();
    private Firehose firehose;
    private boolean rereadNeeded;

    IngestionLoop(FirehoseFactory firehoseFactory, PositionLedger ledger, String owner, int maxEventBytes, InputRowParser parser,
            RowTransformer transformer, Plumber plumber, IngestionMetrics metrics, Consumer<Throwable> onFailure) {
        this.firehoseFactory = firehoseFactory;
        this.maxEventBytes = maxEventBytes;
        this.ledger = ledger;
        this.owner = owner;
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
        try (Firehose opened = firehoseFactory.connect(new FirehoseContext(new Listener(), ledger, owner))) {
            firehose = opened;
            plumber.start(opened::confirms);
            while (!stopping && !Thread.currentThread().isInterrupted()) {
                List<RawEvent> events = opened.poll(POLL_WAIT);
                if (rereadNeeded) {
                    rewind(); // the batch is past what was committed: read it again from there
                    continue;
                }
                for (RawEvent event : events) {
                    handle(event);
                }
                metrics.recordPositions(handled, opened.lag());
                plumber.persistIfDue(this::committer);
                if (plumber.takeCommitFailure() != null) {
                    plumber.dropUncommitted();
                    rewind();
                }
            }
            if (!Thread.currentThread().isInterrupted()) {
                // a clean stop persists and commits everything, so a restart reads nothing twice or again
                plumber.persist(committer(), true);
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

    /** A committer for every event handled so far. */
    private Committer committer() {
        return firehose.makeCommitter(Map.copyOf(handled));
    }

    private void rewind() {
        rereadNeeded = false;
        metrics.recordRewind();
        handled.clear();
        firehose.rewind();
    }

    private void handle(RawEvent event) {
        metrics.recordConsumed();
        if (event.payload().length > maxEventBytes) {
            metrics.recordUnparseable(event.partition(), event.offset(), "event of " + event.payload().length
                    + " bytes is larger than maxEventBytes (" + maxEventBytes + ")");
            handled.put(event.partition(), event.offset() + 1);
            return;
        }
        InputRow row;
        try {
            row = transformer.apply(parser.parse(event.payload()));
        } catch (UnparseableEventException e) {
            metrics.recordUnparseable(event.partition(), event.offset(), e.getMessage());
            handled.put(event.partition(), event.offset() + 1);
            return;
        }
        // the committer a persist takes inside add covers the events before this one
        if (row != null && plumber.add(row, this::committer)) {
            metrics.recordProcessed();
        } else {
            metrics.recordThrownAway();
        }
        handled.put(event.partition(), event.offset() + 1);
    }

    /** What the firehose says about positions, from inside its poll, on this thread. */
    private final class Listener implements FirehoseListener {
        @Override
        public void beforeRelease(Collection<String> partitions) {
            try {
                plumber.persist(committer(), true);
            } catch (CommitFencedException e) {
                plumber.dropUncommitted();
                rereadNeeded = true;
            }
            handled.keySet().removeAll(partitions);
        }

        @Override
        public void lost(Collection<String> partitions) {
            plumber.dropUncommitted();
            rereadNeeded = true;
        }
    }
}
