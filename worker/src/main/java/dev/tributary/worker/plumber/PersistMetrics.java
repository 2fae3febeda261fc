package dev.tributary.worker.plumber;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A plumber's persist counters. Written by the ingestion and persist threads, read by any thread. */
public final class PersistMetrics {
    private final AtomicLong persists = new AtomicLong();
    private final AtomicLong persistMillis = new AtomicLong();
    private final AtomicLong failedPersists = new AtomicLong();
    private final AtomicLong backPressureWaits = new AtomicLong();
    private final AtomicLong backPressureMillis = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong fencedCommits = new AtomicLong();
    private final AtomicLong rowsOutput = new AtomicLong();
    private final AtomicLong flushedSinks = new AtomicLong();

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

    void fenced() {
        fencedCommits.incrementAndGet();
    }

    public long persists() {
        return persists.get();
    }

    public long commits() {
        return commits.get();
    }

    public long fencedCommits() {
        return fencedCommits.get();
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
        map.put("rowsPersisted", rowsOutput.get());
        map.put("flushedSinks", flushedSinks.get());
        return map;
    }
}
