package dev.tributary.worker.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.Json;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.query.Query;
import dev.tributary.core.query.QueryException;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.RunningQuery;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.metadata.DataSegment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Answers {@code POST /druid/v2} on any node: from its ZooKeeper view it picks, for every segment of
 * the queried dataSource, one server that announces it (a historical before a realtime node, this
 * node before another), sends each server the query for its segments, and merges their partial
 * answers. A segment announced by both a realtime node and a historical during handoff is therefore
 * read once. A server that no longer has a segment it was asked for says so
 * ({@link #MISSING_HEADER}), and the segment is asked of another server that announces it.
 *
 * <p>Without a view (a node outside a cluster), or when the request asks for the local answer
 * ({@link #LOCAL_HEADER} or context {@code tributaryLocal}), the node answers from what it serves itself.
 *
 * <p>Thread-safe: each call runs on the calling (request) thread, plus the HTTP client's threads.
 */
public final class QueryRouter {
    /** Request header: answer from this node's own segments only. */
    public static final String LOCAL_HEADER = "X-Tributary-Local";
    /** Response header: the requested segment ids this node does not serve (comma-separated). */
    public static final String MISSING_HEADER = "X-Tributary-Missing-Segments";
    /** Context key: answer from this node's own segments only. */
    public static final String LOCAL_CONTEXT = "tributaryLocal";
    /** Context key set by a router: the segment ids a server is asked to read, as a list. */
    public static final String SEGMENTS_CONTEXT = "tributarySegments";
    /** Context key set by a router: answer with partial (unfinalized, unmerged) results. */
    public static final String PARTIAL_CONTEXT = "tributaryPartial";
    private static final int ROUNDS = 3;

    private final LocalSegments local;
    private final ClusterView view;
    private final ServerInfo self;
    private final ResultMerging merging;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param view this node's cluster view, or null outside a cluster
     * @param self this node as announced, or null outside a cluster
     */
    public QueryRouter(LocalSegments local, ClusterView view, ServerInfo self) {
        this(local, view, self, ResultMerging.CORE);
    }

    QueryRouter(LocalSegments local, ClusterView view, ServerInfo self, ResultMerging merging) {
        this.local = local;
        this.view = view;
        this.self = self;
        this.merging = merging;
    }

    /** A node's answer: rows, and the requested segments it does not serve (empty unless asked for ids). */
    public record Answer(List<?> rows, Set<String> missing) {
    }

    /**
     * Runs a query.
     *
     * @param body       the request body, forwarded to other servers with their segment ids added
     * @param localOnly  whether the request asked for this node's own answer only
     */
    public Answer run(Query query, byte[] body, RunningQuery running, boolean localOnly) {
        if (query.context().containsKey(SEGMENTS_CONTEXT) || query.contextFlag(PARTIAL_CONTEXT)) {
            return runForRouter(query, running);
        }
        if (view == null || localOnly || query.contextFlag(LOCAL_CONTEXT)) {
            Map<String, List<? extends QueryableIndex>> pieces = local.piecesBySegment(query.dataSource().name());
            return new Answer(new QueryExecutor(ds -> flatten(pieces.values())).run(query, running), Set.of());
        }
        return new Answer(runOnCluster(query, body, running), Set.of());
    }

    /** Another node's router asks for a partial answer over some of this node's segments. */
    private Answer runForRouter(Query query, RunningQuery running) {
        Map<String, List<? extends QueryableIndex>> pieces = local.piecesBySegment(query.dataSource().name());
        Object asked = query.context().get(SEGMENTS_CONTEXT);
        Set<String> missing = new HashSet<>();
        List<QueryableIndex> selected = new ArrayList<>();
        if (asked instanceof Collection<?> ids) {
            for (Object id : ids) {
                List<? extends QueryableIndex> segment = pieces.get(String.valueOf(id));
                if (segment == null) {
                    missing.add(String.valueOf(id));
                } else {
                    selected.addAll(segment);
                }
            }
        } else {
            pieces.values().forEach(selected::addAll);
        }
        List<?> rows = query.contextFlag(PARTIAL_CONTEXT) ? merging.runPartial(query, selected, running)
                : new QueryExecutor(ds -> selected).run(query, running);
        return new Answer(rows, missing);
    }

    private List<?> runOnCluster(Query query, byte[] body, RunningQuery running) {
        String dataSource = query.dataSource().name();
        Map<String, List<ServerInfo>> candidates = candidates(dataSource);
        List<List<?>> partials = new ArrayList<>();
        Map<String, Set<String>> refused = new HashMap<>(); // segment id -> servers that said it was missing
        Set<String> pending = new HashSet<>(candidates.keySet());
        for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
            Map<ServerInfo, List<String>> plan = plan(pending, candidates, refused);
            pending.clear();
            List<CompletableFuture<Answer>> calls = new ArrayList<>();
            List<ServerInfo> servers = new ArrayList<>(plan.keySet());
            for (ServerInfo server : servers) {
                List<String> ids = plan.get(server);
                calls.add(server.equals(self)
                        ? CompletableFuture.completedFuture(runForRouter(withSegments(query, body, ids), running))
                        : send(server, withSegments(body, ids), running));
            }
            for (int i = 0; i < calls.size(); i++) {
                Answer answer = join(calls.get(i), servers.get(i));
                partials.add(answer.rows());
                for (String id : answer.missing()) {
                    refused.computeIfAbsent(id, k -> new HashSet<>()).add(servers.get(i).name());
                    pending.add(id);
                }
            }
            running.check();
        }
        return merging.merge(query, partials);
    }

    /** The servers announcing each segment of the dataSource, in preference order; this node's own sinks included. */
    private Map<String, List<ServerInfo>> candidates(String dataSource) {
        Map<String, List<ServerInfo>> candidates = new LinkedHashMap<>();
        for (Map.Entry<ServerInfo, List<DataSegment>> entry : view.segmentsByServer().entrySet()) {
            for (DataSegment segment : entry.getValue()) {
                if (segment.dataSource().equals(dataSource)) {
                    candidates.computeIfAbsent(segment.id(), k -> new ArrayList<>()).add(entry.getKey());
                }
            }
        }
        if (self != null) {
            for (String id : local.piecesBySegment(dataSource).keySet()) {
                List<ServerInfo> servers = candidates.computeIfAbsent(id, k -> new ArrayList<>());
                if (!servers.contains(self)) {
                    servers.add(self); // announced, but not yet in this node's view
                }
            }
        }
        Comparator<ServerInfo> preference = Comparator
                .comparing((ServerInfo s) -> ServerInfo.HISTORICAL.equals(s.role()) ? 0 : 1)
                .thenComparing(s -> s.equals(self) ? 0 : 1)
                .thenComparing(ServerInfo::name);
        candidates.values().forEach(list -> list.sort(preference));
        return candidates;
    }

    /** Each pending segment goes to its most preferred server that has not said it lacks it. */
    private static Map<ServerInfo, List<String>> plan(Set<String> pending, Map<String, List<ServerInfo>> candidates,
            Map<String, Set<String>> refused) {
        Map<ServerInfo, List<String>> plan = new LinkedHashMap<>();
        for (String id : pending) {
            Set<String> no = refused.getOrDefault(id, Set.of());
            candidates.getOrDefault(id, List.of()).stream().filter(s -> !no.contains(s.name())).findFirst()
                    .ifPresent(server -> plan.computeIfAbsent(server, k -> new ArrayList<>()).add(id));
        }
        return plan;
    }

    private Query withSegments(Query query, byte[] body, List<String> ids) {
        return dev.tributary.core.query.QueryReader.read(withSegments(body, ids));
    }

    private static byte[] withSegments(byte[] body, List<String> ids) {
        try {
            ObjectNode tree = (ObjectNode) Json.mapper().readTree(body);
            ObjectNode context = tree.has("context") && tree.get("context").isObject()
                    ? (ObjectNode) tree.get("context") : tree.putObject("context");
            context.putPOJO(SEGMENTS_CONTEXT, ids);
            context.put(PARTIAL_CONTEXT, true);
            return Json.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException("cannot rewrite a query that was parsed already", e);
        }
    }

    private CompletableFuture<Answer> send(ServerInfo server, byte[] body, RunningQuery running) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + server.host() + ":" + server.port() + "/druid/v2"))
                .header("Content-Type", "application/json")
                .header(LOCAL_HEADER, "true")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new RemoteQueryException(server, response.statusCode(), new String(response.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            Set<String> missing = new HashSet<>();
            response.headers().firstValue(MISSING_HEADER).ifPresent(v -> {
                for (String id : v.split(",")) {
                    if (!id.isBlank()) {
                        missing.add(id.trim());
                    }
                }
            });
            try {
                List<?> rows = Json.mapper().readValue(response.body(), new TypeReference<List<Object>>() { });
                return new Answer(rows, missing);
            } catch (IOException e) {
                throw new RemoteQueryException(server, 502, "unreadable answer: " + e.getMessage());
            }
        });
    }

    private static Answer join(CompletableFuture<Answer> call, ServerInfo server) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof QueryException q) {
                throw q;
            }
            throw new RemoteQueryException(server, 502, String.valueOf(e.getCause()));
        }
    }

    private static List<QueryableIndex> flatten(Collection<List<? extends QueryableIndex>> pieces) {
        List<QueryableIndex> all = new ArrayList<>();
        pieces.forEach(all::addAll);
        return all;
    }
}
