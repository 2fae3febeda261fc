package dev.tributary.worker.query;

import dev.tributary.core.query.RunningQuery;
import dev.tributary.worker.cluster.ServerInfo;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The queries running on this node by {@code queryId}, each with the other servers that are running a
 * part of it for this node and have not answered yet, so that {@link #cancel} stops the query here and
 * asks those servers to stop their parts too (as Druid's broker forwards a cancel to its data servers).
 *
 * <p>Thread-safe: a query's request thread registers and ends it and the router's HTTP threads add and
 * remove its remote parts, while any request thread may cancel it. A part that starts after its query
 * was cancelled is cancelled at once; a cancel that reaches a server before the part does is lost there,
 * and that part ends at its own deadline.
 */
public final class RunningQueries {
    private final Map<String, Entry> running = new ConcurrentHashMap<>();
    private final BiConsumer<ServerInfo, String> cancelRemote;

    /**
     * @param cancelRemote asks a server to cancel its part of a query (server, queryId); best effort, it must
     *                     not block, and it is called on the thread that cancels or starts the part
     */
    public RunningQueries(BiConsumer<ServerInfo, String> cancelRemote) {
        this.cancelRemote = cancelRemote;
    }

    /** A query, the servers running a part of it, and whether it was cancelled through {@link #cancel}. */
    private static final class Entry {
        final RunningQuery query;
        final Set<ServerInfo> remoteParts = ConcurrentHashMap.newKeySet();
        volatile boolean cancelled;

        Entry(RunningQuery query) {
            this.query = query;
        }
    }

    /** Registers a query under its id (a later query with the same id takes the id over); {@link #end} it. */
    public void start(RunningQuery query) {
        if (query.queryId() != null) {
            running.put(query.queryId(), new Entry(query));
        }
    }

    /** The query has ended, however; its id names it no more. */
    public void end(RunningQuery query) {
        if (query.queryId() != null) {
            running.computeIfPresent(query.queryId(), (id, entry) -> entry.query == query ? null : entry);
        }
    }

    /**
     * Cancels the running query with this id and asks every server still running a part of it to cancel
     * that part.
     *
     * @return false when no query with this id runs here
     */
    public boolean cancel(String queryId) {
        Entry entry = running.get(queryId);
        if (entry == null) {
            return false;
        }
        entry.query.cancel();
        entry.cancelled = true; // before reading the parts, as a part is added before this is read
        entry.remoteParts.forEach(server -> cancelRemote.accept(server, queryId));
        return true;
    }

    /** {@code server} runs a part of {@code query} for this node from now until {@link #remotePartEnded}. */
    void remotePartStarted(RunningQuery query, ServerInfo server) {
        Entry entry = query.queryId() == null ? null : running.get(query.queryId());
        if (entry == null || entry.query != query) {
            return;
        }
        entry.remoteParts.add(server);
        if (entry.cancelled) {
            cancelRemote.accept(server, query.queryId()); // cancelled while the part was being sent
        }
    }

    /** {@code server} has answered its part of {@code query} (or failed to). */
    void remotePartEnded(RunningQuery query, ServerInfo server) {
        Entry entry = query.queryId() == null ? null : running.get(query.queryId());
        if (entry != null && entry.query == query) {
            entry.remoteParts.remove(server);
        }
    }
}
