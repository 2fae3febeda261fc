package dev.tributary.worker.plumber;

import dev.tributary.core.TributaryException;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.InputRow;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.segment.SegmentWriter;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.TuningConfig;
import dev.tributary.core.spi.CommitFencedException;
import dev.tributary.core.spi.Committer;
import dev.tributary.core.spi.Plumber;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Druid's realtime plumber, with commit after persist: one sink per segment interval, each with a
 * live index that queries read at once. A persist (a full index, the intermediate persist period, or
 * a flush before partitions are revoked) swaps a fresh index into every sink and writes the old ones
 * as segments on the persist thread; the rows stay queryable throughout, as the live index and then
 * as the mapped segment.
 *
 * <p><b>The ordering this class exists for.</b> The committer of a persist is taken on the ingestion
 * thread at the moment of the swap, so it covers exactly the rows being persisted and those before
 * them. On the persist thread, each hydrant is written crash-safely, then its commit metadata, and
 * only after all of that is on disk does the committer run. Persists run one at a time, in order, so
 * commits are in order too. A commit that is refused (fenced) leaves its hydrants uncommitted;
 * {@link #dropUncommitted} then drops them, and the firehose reads their rows again.
 *
 * <p>Back-pressure: at most {@code maxPendingPersists + 1} persists are queued or running; past that,
 * the ingestion thread waits (counted in {@link PersistMetrics}) instead of growing memory.
 *
 * <p>Handoff: once a sink's interval and windowPeriod have passed (as the rejection policy says), it
 * takes no more rows, its last rows are persisted and committed, and {@link SinkHandoff} merges,
 * pushes and publishes it, then drops it once a historical serves it. Each sink is announced as the
 * segment it will become, so a query counts it once while both serve it.
 */
public final class RealtimePlumber implements Plumber {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimePlumber.class);

    private final DataSchema schema;
    private final TuningConfig tuning;
    private final Clock clock;
    private final Granularity segmentGranularity;
    private final List<Interval> acceptedIntervals;
    private final RejectionPolicy rejection;
    private final PersistMetrics metrics = new PersistMetrics();
    /** Written by the ingestion thread, read by query threads. */
    private final ConcurrentSkipListMap<Long, Sink> sinks = new ConcurrentSkipListMap<>();
    private final ExecutorService persistThread;
    private final Semaphore persistSlots;
    private final AtomicReference<CommitFencedException> commitFailure = new AtomicReference<>();
    private final AtomicReference<Throwable> persistFailure = new AtomicReference<>();
    private final java.time.Duration flushAfter;
    private static final long ALLOCATE_PATIENCE_MILLIS = 300_000;
    private final SegmentHandoff handoff;
    private final ScheduledExecutorService handoffThread;
    /** Running handoffs by sink interval start; written by the ingestion and handoff threads. */
    private final Map<Long, SinkHandoff> handoffs = new ConcurrentHashMap<>();
    private PersistDirectory directory;
    private long lastPersist;
    private volatile boolean closing;

    public RealtimePlumber(DataSchema schema, TuningConfig tuning, Clock clock) {
        this(schema, tuning, clock, null, SegmentHandoff.NONE);
    }

    /** A plumber that announces its sinks and hands them off through {@code handoff}. */
    public RealtimePlumber(DataSchema schema, TuningConfig tuning, Clock clock, SegmentHandoff handoff) {
        this(schema, tuning, clock, null, handoff);
    }

    /**
     * @param flushAfter for the {@code flushing} plumber: drop a sink this long after its interval and
     *                   windowPeriod have passed, once everything in it is committed; null keeps sinks
     *                   (until handoff)
     */
    RealtimePlumber(DataSchema schema, TuningConfig tuning, Clock clock, java.time.Duration flushAfter,
            SegmentHandoff handoff) {
        this.flushAfter = flushAfter;
        this.handoff = handoff;
        this.schema = schema;
        this.tuning = tuning;
        this.clock = clock;
        this.segmentGranularity = schema.granularitySpec().segmentGranularity();
        this.acceptedIntervals = schema.granularitySpec().intervals();
        this.rejection = RejectionPolicy.of(tuning, clock);
        this.persistThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "persist-" + schema.dataSource());
            t.setDaemon(true);
            return t;
        });
        this.persistSlots = new Semaphore(tuning.maxPendingPersists() + 1);
        this.handoffThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "handoff-" + schema.dataSource());
            t.setDaemon(true);
            return t;
        });
    }

    public PersistMetrics metrics() {
        return metrics;
    }

    @Override
    public void start(Predicate<Map<String, Object>> confirmed) {
        try {
            directory = PersistDirectory.open(Path.of(tuning.basePersistDirectory()), schema.dataSource());
            int hydrants = 0;
            for (var entry : directory.restore(confirmed).entrySet()) {
                List<Hydrant> restored = new ArrayList<>();
                for (PersistDirectory.Restored r : entry.getValue()) {
                    restored.add(new Hydrant(r.number(), r.segment(), true));
                }
                DataSegment segment = directory.readSinkSegment(entry.getKey());
                sinks.put(entry.getKey().start(), newSink(entry.getKey(), segment, restored));
                hydrants += restored.size();
            }
            LOG.info("dataSource '{}': restored {} persisted hydrants in {} sinks from {}", schema.dataSource(), hydrants,
                    sinks.size(), directory.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open basePersistDirectory " + tuning.basePersistDirectory(), e);
        }
        lastPersist = clock.millis();
    }

    /**
     * A sink and its announcement. A sink without a recorded segment (new, or restored from a persist
     * layout without one) gets a partition allocated and recorded before any of its rows is persisted.
     */
    private Sink newSink(Interval interval, DataSegment recorded, List<Hydrant> restored) throws IOException {
        DataSegment segment = recorded;
        if (segment == null || !segment.interval().equals(interval)) {
            segment = allocate(interval, schema.dataSource() + "_" + interval + "_" + UUID.randomUUID());
            directory.writeSinkSegment(interval, segment);
        }
        Sink sink = new Sink(segment, () -> new IncrementalIndex(schema, tuning.maxRowsInMemory(),
                tuning.maxBytesInMemoryOrDefault()), restored);
        handoff.announce(segment);
        return sink;
    }

    /**
     * A partition for a new sink. While the metadata store cannot be reached this blocks ingestion (so
     * nothing is read that could not be stored), trying again with backoff for up to five minutes.
     */
    private DataSegment allocate(Interval interval, String sequenceName) {
        long deadline = clock.millis() + ALLOCATE_PATIENCE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return handoff.allocate(schema.dataSource(), interval, sequenceName);
            } catch (RuntimeException e) {
                if (clock.millis() > deadline) {
                    throw new TributaryException("cannot allocate a segment for " + interval + " of dataSource '"
                            + schema.dataSource() + "' after " + attempt + " attempts: " + e.getMessage(), e);
                }
                metrics.allocationRetried();
                long backoff = Math.min(10_000L, 250L << Math.min(attempt - 1, 6));
                LOG.warn("allocating a segment for {} failed (attempt {}), trying again in {} ms: {}", interval, attempt,
                        backoff, e.getMessage());
                if (!sleep(backoff)) {
                    throw new TributaryException("interrupted while allocating a segment for " + interval);
                }
            }
        }
    }

    @Override
    public boolean add(InputRow row, Supplier<Committer> committer) {
        Throwable failed = persistFailure.get();
        if (failed != null) {
            throw new TributaryException("a persist failed, so ingestion stops with nothing committed past it: "
                    + failed.getMessage(), failed);
        }
        long timestamp = row.timestamp();
        if (!acceptedIntervals.isEmpty() && acceptedIntervals.stream().noneMatch(i -> i.contains(timestamp))) {
            return false;
        }
        if (!rejection.accept(timestamp)) {
            return false;
        }
        long bucket = segmentGranularity.bucketStart(timestamp);
        Sink sink = sinks.get(bucket);
        if (sink == null) {
            try {
                sink = newSink(segmentGranularity.bucket(timestamp), null, List.of());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a sink under " + directory.root(), e);
            }
            sinks.put(bucket, sink);
        } else if (sink.handingOff()) {
            return false; // its window has passed (the policy would refuse it too, but for a restart of messageTime)
        }
        if (sink.isFull()) {
            persist(committer.get(), false);
        }
        sink.add(row);
        return true;
    }

    @Override
    public void persistIfDue(Supplier<Committer> committer) {
        if (clock.millis() - lastPersist >= tuning.intermediatePersistPeriod().toMillis()) {
            persist(committer.get(), false);
        }
        if (flushAfter != null) {
            dropFlushedSinks();
        } else if (handoff.handsOff()) {
            startDueHandoffs(committer);
        }
    }

    /**
     * Starts the handoff of every sink whose window has passed (sinks restored from disk included, so a
     * restarted node does not wait another window): it takes no more rows, its rows in memory are
     * persisted and committed, and then its handoff runs on the handoff thread.
     */
    private void startDueHandoffs(Supplier<Committer> committer) {
        List<Sink> due = new ArrayList<>();
        for (Sink sink : sinks.values()) {
            if (!sink.handingOff() && rejection.handoffDue(sink.interval())) {
                sink.startHandoff();
                due.add(sink);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        if (due.stream().anyMatch(sink -> sink.rowsInMemory() > 0)) {
            persist(committer.get(), false);
        }
        due.forEach(this::queueHandoff);
    }

    /** Starts the handoff job of a sink that takes no more rows, behind the persists queued before it. */
    private void queueHandoff(Sink sink) {
        metrics.handoffStarted();
        SinkHandoff job = new SinkHandoff(sink, directory, handoff, metrics, clock, tuning.handoffConditionTimeout(),
                handoff.dropDelayMillis(), this::dropHandedOff);
        handoffs.put(sink.interval().start(), job);
        LOG.info("dataSource '{}': handing off sink {} as segment {}", schema.dataSource(), sink.interval(), sink.segment().id());
        // Queued behind the persists already submitted, the job finds the sink's hydrants written.
        persistThread.submit(() -> schedule(job, 0));
    }

    /**
     * At a clean stop of a node in a cluster, after the last persist: hands off every sink now,
     * whatever its window, as Druid's realtime tasks publish at shutdown, so that a worker removed for
     * good leaves no committed rows behind on its disk. Waits until every handoff is done, while a
     * historical is there to serve them, for at most {@code timeout}; what is not done by then resumes
     * at the next start. Called on the controlling thread once ingestion has stopped.
     *
     * @return true if every sink was handed off
     */
    public boolean handOffAll(java.time.Duration timeout) {
        if (flushAfter != null || !handoff.handsOff() || directory == null) {
            return sinks.isEmpty();
        }
        for (Sink sink : sinks.values()) {
            if (!sink.handingOff()) {
                sink.startHandoff();
                queueHandoff(sink);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!handoffs.isEmpty() && System.nanoTime() < deadline && handoff.historicalsAvailable()) {
            try {
                Thread.sleep(100); // polling the handoff jobs, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!handoffs.isEmpty()) {
            LOG.warn("dataSource '{}': {} sinks not handed off at stop; they are handed off after the next start",
                    schema.dataSource(), handoffs.size());
        }
        return handoffs.isEmpty();
    }

    private void schedule(SinkHandoff job, long delayMillis) {
        if (handoffThread.isShutdown()) {
            return;
        }
        handoffThread.schedule(() -> {
            long next = job.step();
            if (next >= 0) {
                schedule(job, next);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** On the handoff thread: a handed-off sink leaves queries and the plumber. */
    private void dropHandedOff(Sink sink) {
        sinks.remove(sink.interval().start(), sink);
        handoffs.remove(sink.interval().start());
    }

    /** The handoffs under way, for {@code /status}: segment, stage, whether stuck, failures, last error. */
    public List<Map<String, Object>> handoffStatus() {
        return handoffs.values().stream().map(SinkHandoff::status).toList();
    }

    /**
     * Persists queued or running (their commits included). Each holds a persist slot from the moment it is
     * queued until its commit is done, so the count is read off the slots; at most {@code maxPendingPersists + 1}.
     */
    public int pendingPersists() {
        return tuning.maxPendingPersists() + 1 - persistSlots.availablePermits();
    }

    public int pendingHandoffs() {
        return handoffs.size();
    }

    public long stuckHandoffs() {
        return handoffs.values().stream().filter(SinkHandoff::stuck).count();
    }

    /**
     * The flushing plumber's end of a sink: once its interval, the windowPeriod and flushAfter have
     * passed and every row in it is persisted and committed, it is dropped from queries and disk.
     * A sink with rows still in memory waits for the next persist.
     */
    private void dropFlushedSinks() {
        long cutoff = clock.millis() - tuning.windowPeriod().toMillis() - flushAfter.toMillis();
        for (var entry : sinks.entrySet()) {
            Sink sink = entry.getValue();
            if (sink.interval().end() > cutoff || sink.rowsInMemory() > 0
                    || !sink.hydrants().stream().allMatch(h -> h.committed() || (h.live() != null && h.live().rowCount() == 0))) {
                continue;
            }
            sinks.remove(entry.getKey());
            handoff.unannounce(sink.segment());
            try {
                directory.deleteSink(sink.interval());
            } catch (IOException e) {
                LOG.warn("could not delete flushed sink {}: {}", sink.interval(), e.getMessage());
            }
            metrics.flushedSink();
            LOG.info("dataSource '{}': flushed sink {} ({} after its window)", schema.dataSource(), sink.interval(), flushAfter);
        }
    }

    @Override
    public void persist(Committer committer, boolean wait) {
        lastPersist = clock.millis();
        List<Sink> owners = new ArrayList<>();
        List<Hydrant> full = new ArrayList<>();
        for (Sink sink : sinks.values()) {
            Hydrant hydrant = sink.swap();
            if (hydrant != null) {
                owners.add(sink);
                full.add(hydrant);
            }
        }
        if (!persistSlots.tryAcquire()) {
            long started = System.nanoTime();
            try {
                persistSlots.acquire(); // back-pressure: memory does not grow past the pending persists
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TributaryException("interrupted while waiting for a persist slot");
            }
            metrics.waitedForPersist(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        Future<?> done = persistThread.submit(() -> {
            try {
                persistAndCommit(owners, full, committer);
            } finally {
                persistSlots.release();
            }
        });
        if (wait) {
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TributaryException("interrupted while waiting for a persist");
            } catch (ExecutionException e) {
                throw new TributaryException("persist failed: " + e.getCause().getMessage(), e.getCause());
            }
            Throwable failed = persistFailure.get();
            if (failed != null) {
                throw new TributaryException("persist failed: " + failed.getMessage(), failed);
            }
            CommitFencedException fenced = commitFailure.get();
            if (fenced != null) {
                throw fenced;
            }
        }
    }

    /** On the persist thread: write every hydrant and its commit metadata, then run the committer. */
    private void persistAndCommit(List<Sink> owners, List<Hydrant> full, Committer committer) {
        if (persistFailure.get() != null) {
            return; // after a failed persist nothing more is written or committed
        }
        try {
            long started = System.nanoTime();
            long rows = 0;
            for (int i = 0; i < full.size(); i++) {
                Interval interval = owners.get(i).interval();
                Hydrant hydrant = full.get(i);
                IncrementalIndex live = hydrant.live();
                rows += live.rowCount();
                Path target = directory.hydrant(interval, hydrant.number());
                SegmentWriter.write(live, target);
                directory.writeCommit(interval, hydrant.number(), committer.metadata());
                hydrant.persistedAs(Segment.open(target));
            }
            metrics.persisted(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), rows);
        } catch (IOException | RuntimeException e) {
            metrics.persistFailed();
            persistFailure.compareAndSet(null, e);
            LOG.error("persist of dataSource '{}' failed; nothing is committed past it", schema.dataSource(), e);
            return;
        }
        if (commitFailure.get() != null) {
            return; // a refused commit is pending: nothing after it may commit until the rows are dropped
        }
        for (int attempt = 1; ; attempt++) {
            try {
                committer.run();
                full.forEach(Hydrant::markCommitted);
                metrics.committed();
                return;
            } catch (CommitFencedException e) {
                metrics.fenced();
                commitFailure.set(e);
                LOG.warn("commit refused for dataSource '{}': {}; its rows will be dropped and read again",
                        schema.dataSource(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                // The outcome is unknown (the metadata store is unreachable, say). Commits are idempotent by
                // commit id and must stay in order, so this one is tried again before anything after it.
                metrics.commitRetried();
                long backoff = Math.min(30_000L, 250L << Math.min(attempt - 1, 7));
                LOG.warn("commit of dataSource '{}' failed (attempt {}), trying again in {} ms: {}", schema.dataSource(),
                        attempt, backoff, e.getMessage());
                if (!sleep(backoff)) {
                    return; // closing: the rows are read again after a restart, as their commit is unconfirmed
                }
            }
        }
    }

    private boolean sleep(long millis) {
        if (closing) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return !closing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void dropUncommitted() {
        awaitPersists();
        int dropped = 0;
        for (Sink sink : sinks.values()) {
            for (Hydrant hydrant : List.copyOf(sink.hydrants())) {
                if (!hydrant.committed()) {
                    sink.remove(hydrant);
                    if (hydrant.persisted()) {
                        try {
                            directory.delete(sink.interval(), hydrant.number());
                        } catch (IOException e) {
                            LOG.warn("could not delete dropped hydrant {}: {}", hydrant.number(), e.getMessage());
                        }
                    }
                    dropped++;
                }
            }
        }
        LOG.info("dataSource '{}': dropped {} uncommitted hydrants", schema.dataSource(), dropped);
    }

    /** Waits until every queued persist has finished. */
    private void awaitPersists() {
        try {
            persistThread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for persists");
        } catch (ExecutionException e) {
            throw new TributaryException("persist thread failed", e.getCause());
        }
    }

    @Override
    public CommitFencedException takeCommitFailure() {
        return commitFailure.getAndSet(null);
    }

    @Override
    public List<? extends QueryableIndex> queryablePieces() {
        List<QueryableIndex> pieces = new ArrayList<>();
        for (Sink sink : sinks.values()) {
            for (Hydrant hydrant : sink.hydrants()) {
                pieces.add(hydrant.piece());
            }
        }
        return pieces;
    }

    /** The queryable pieces of each sink by the id of the segment it is announced as. */
    public Map<String, List<QueryableIndex>> piecesBySegment() {
        Map<String, List<QueryableIndex>> pieces = new java.util.LinkedHashMap<>();
        for (Sink sink : sinks.values()) {
            List<QueryableIndex> list = new ArrayList<>();
            for (Hydrant hydrant : sink.hydrants()) {
                list.add(hydrant.piece());
            }
            pieces.put(sink.segment().id(), list);
        }
        return pieces;
    }

    public long rowsInMemory() {
        return sinks.values().stream().mapToLong(Sink::rowsInMemory).sum();
    }

    public long bytesInMemory() {
        return sinks.values().stream().mapToLong(Sink::bytesInMemory).sum();
    }

    public int sinkCount() {
        return sinks.size();
    }

    public int hydrantCount() {
        return sinks.values().stream().mapToInt(s -> s.hydrants().size()).sum();
    }

    /** Persists queued before this call finish; rows still in memory are not persisted. */
    @Override
    public void close() {
        closing = true;
        handoffThread.shutdownNow(); // a handoff resumes from disk at the next start
        persistThread.shutdown();
        try {
            if (!persistThread.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("persists of dataSource '{}' still running after 60 s at close", schema.dataSource());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                LOG.warn("could not release the lock of {}: {}", directory.root(), e.getMessage());
            }
        }
    }
}
