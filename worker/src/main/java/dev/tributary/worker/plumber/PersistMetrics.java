package dev.tributary.worker.plumber;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A plumber's persist and handoff counters. Written by the ingestion and persist threads, read by any thread. */
public final class PersistMetrics {
    private final AtomicLong persists = new AtomicLong();
    private final AtomicLong persistMillis = new AtomicLong();
    private final AtomicLong failedPersists = new AtomicLong();
    private final AtomicLong backPressureWaits = new AtomicLong();
    private final AtomicLong backPressureMillis = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong fencedCommits = new AtomicLong();
    private final AtomicLong commitRetries = new AtomicLong();
    private final AtomicLong allocationRetries = new AtomicLong();
    private final AtomicLong rowsOutput = new AtomicLong();
    private final AtomicLong flushedSinks = new AtomicLong();
    private final AtomicLong handoffsStarted = new AtomicLong();
    private final AtomicLong segmentsPushed = new AtomicLong();
    private final AtomicLong segmentsPublished = new AtomicLong();
    private final AtomicLong handedOff = new AtomicLong();
    private final AtomicLong handoffFailures = new AtomicLong();
    private final AtomicLong handoffsStuck = new AtomicLong();

    void handoffStarted() {
        handoffsStarted.incrementAndGet();
    }

    void pushed() {
        segmentsPushed.incrementAndGet();
    }

    void published() {
        segmentsPublished.incrementAndGet();
    }

    void handedOff() {
        handedOff.incrementAndGet();
    }

    void handoffFailed() {
        handoffFailures.incrementAndGet();
    }

    /** A handoff passed handoffConditionTimeout (counted once per segment). */
    void handoffStuck() {
        handoffsStuck.incrementAndGet();
    }

    public long handedOffSegments() {
        return handedOff.get();
    }

    void flushedSink() {
        flushedSinks.incrementAndGet();
    }

    void persisted(long millis, long rows) {
        persists.incrementAndGet();
        persistMillis.addAndGet(millis);
        rowsOutput.addAndGet(rows);
    }

    void persistFailed() {
        failedPersists.incrementAndGet();
    }

    void waitedForPersist(long millis) {
        backPressureWaits.incrementAndGet();
        backPressureMillis.addAndGet(millis);
    }

    void committed() {
        commits.incrementAndGet();
    }

    void allocationRetried() {
        allocationRetries.incrementAndGet();
    }

    void commitRetried() {
        commitRetries.incrementAndGet();
    }

    void fenced() {
        fencedCommits.incrementAndGet();
    }

    public long persists() {
        return persists.get();
    }

    /** Time spent writing hydrants, in milliseconds. */
    public long persistMillis() {
        return persistMillis.get();
    }

    public long failedPersists() {
        return failedPersists.get();
    }

    /** Times ingestion waited for a persist slot. */
    public long backPressureWaits() {
        return backPressureWaits.get();
    }

    /** Time ingestion waited for a persist slot, in milliseconds. */
    public long backPressureMillis() {
        return backPressureMillis.get();
    }

    public long commits() {
        return commits.get();
    }

    public long fencedCommits() {
        return fencedCommits.get();
    }

    public long commitRetries() {
        return commitRetries.get();
    }

    public long allocationRetries() {
        return allocationRetries.get();
    }

    public long rowsPersisted() {
        return rowsOutput.get();
    }

    public long flushedSinks() {
        return flushedSinks.get();
    }

    public long handoffsStarted() {
        return handoffsStarted.get();
    }

    public long segmentsPushed() {
        return segmentsPushed.get();
    }

    public long segmentsPublished() {
        return segmentsPublished.get();
    }

    public long handoffFailures() {
        return handoffFailures.get();
    }

    /** Handoffs that passed handoffConditionTimeout, each counted once. */
    public long handoffsStuck() {
        return handoffsStuck.get();
    }

    /** The counters by name, for status pages and metrics. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("persists", persists.get());
        map.put("persistMillis", persistMillis.get());
        map.put("failedPersists", failedPersists.get());
        map.put("backPressureWaits", backPressureWaits.get());
        map.put("backPressureMillis", backPressureMillis.get());
        map.put("commits", commits.get());
        map.put("fencedCommits", fencedCommits.get());
        map.put("commitRetries", commitRetries.get());
        map.put("allocationRetries", allocationRetries.get());
        map.put("rowsPersisted", rowsOutput.get());
        map.put("flushedSinks", flushedSinks.get());
        map.put("handoffsStarted", handoffsStarted.get());
        map.put("segmentsPushed", segmentsPushed.get());
        map.put("segmentsPublished", segmentsPublished.get());
        map.put("handedOff", handedOff.get());
        map.put("handoffFailures", handoffFailures.get());
        map.put("handoffsStuck", handoffsStuck.get());
        return map;
    }
}
