package dev.tributary.worker.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.core.Json;
import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.input.JsonInputRowParser;
import dev.tributary.core.query.QueryExecutor;
import dev.tributary.core.query.QueryReader;
import dev.tributary.core.spec.DataSchema;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.time.Interval;
import dev.tributary.testing.ZooKeeperExtension;
import dev.tributary.worker.NodeClient;
import dev.tributary.worker.cluster.Announcer;
import dev.tributary.worker.cluster.ClusterView;
import dev.tributary.worker.cluster.ServerInfo;
import dev.tributary.worker.config.NodeConfig;
import dev.tributary.worker.http.HttpServer;
import dev.tributary.worker.metadata.DataSegment;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Queries across servers, each a real HTTP server with a router, announcing its segments in a real
 * ZooKeeper: any server answers for the whole cluster, a segment that two servers announce is read
 * once, a segment a server no longer has is asked of another, the local header keeps an answer to
 * one server, and merged topN and groupBy answers equal one server holding every piece.
 */
class QueryRouterIntegrationTest {
    @RegisterExtension
    static final ZooKeeperExtension ZOOKEEPER = new ZooKeeperExtension();

    private static final DataSchema SCHEMA = SpecReader.read("""
            {"dataSource": "q", "timestampSpec": {"column": "t", "format": "millis"},
             "dimensionsSpec": {"dimensions": ["page"]},
             "metricsSpec": [{"type": "count", "name": "count"}, {"type": "longSum", "name": "added", "fieldName": "added"},
                             {"type": "hyperUnique", "name": "pages", "fieldName": "page"}],
             "granularitySpec": {"segmentGranularity": "hour", "queryGranularity": "none"}}""", DataSchema.class);
    private static final JsonInputRowParser PARSER = new JsonInputRowParser(SCHEMA);
    private static final String TOTALS = """
            {"queryType": "timeseries", "dataSource": "q", "intervals": ["1970/1971"], "granularity": "all",
             "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"},
                              {"type": "hyperUnique", "name": "pages", "fieldName": "pages"}]}""";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final String base = "/router-" + System.nanoTime();

    /** One server: its segments (what it really holds), its announcements, its router behind HTTP. */
    private final class Server {
        final ServerInfo self;
        final Map<String, List<? extends QueryableIndex>> holds = new ConcurrentHashMap<>();
        final Announcer announcer;
        final NodeClient client;

        Server(String role) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            self = new ServerInfo("127.0.0.1", port, role);
            CuratorFramework curator = CuratorFrameworkFactory.newClient(ZOOKEEPER.connectString(),
                    new ExponentialBackoffRetry(100, 3));
            curator.start();
            closing.add(curator);
            ClusterView view = new ClusterView(curator, base);
            view.start();
            closing.add(view);
            announcer = new Announcer(curator, base, self);
            announcer.start();
            closing.add(announcer);
            LocalSegments local = dataSource -> dataSource.equals("q") ? Map.copyOf(holds) : Map.of();
            HttpServer http = HttpServer.start(NodeConfig.defaults().withPort(port), new QueryRouter(local, view, self), Map::of);
            closing.add(http);
            client = new NodeClient(port);
        }

        void holdAndAnnounce(DataSegment segment, QueryableIndex piece) {
            holds.put(segment.id(), List.of(piece));
            announcer.announce(segment);
        }
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private static DataSegment segment(int hour, int partition) {
        Interval interval = new Interval(hour * 3_600_000L, (hour + 1) * 3_600_000L);
        return new DataSegment("q", interval, "v", Map.of(), List.of("page"), List.of("count"), partition, 0);
    }

    /** {@code events} events in the given hour, pages p0.. cycling over {@code pages} values. */
    private static IncrementalIndex piece(int hour, int events, int pages, int firstPage) {
        IncrementalIndex index = new IncrementalIndex(SCHEMA, 100_000, 100_000_000L);
        for (int i = 0; i < events; i++) {
            index.add(PARSER.parse(("{\"t\": " + (hour * 3_600_000L + i * 1000L) + ", \"page\": \"p" + (firstPage + i % pages)
                    + "\", \"added\": " + (i + 1) + "}").getBytes(UTF_8)));
        }
        return index;
    }

    private static long events(NodeClient.Response response) {
        assertThat(response.status()).as("status: %s", response.body()).isEqualTo(200);
        return response.body().get(0).get("result").get("events").asLong();
    }

    @Test
    void shouldReadASegmentThatTwoServersAnnounceOnce() throws Exception {
        Server realtime = new Server(ServerInfo.REALTIME);
        Server historical = new Server(ServerInfo.HISTORICAL);
        IncrementalIndex handedOff = piece(0, 10, 4, 0);
        realtime.holdAndAnnounce(segment(0, 0), handedOff); // the sink, still served during handoff
        historical.holdAndAnnounce(segment(0, 0), handedOff);
        realtime.holdAndAnnounce(segment(1, 0), piece(1, 5, 2, 10));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(realtime.client.query(TOTALS)) == 15
                && events(historical.client.query(TOTALS)) == 15);
        assertThat(events(realtime.client.queryLocal(TOTALS))).as("the realtime node's own answer").isEqualTo(15);
        assertThat(events(historical.client.queryLocal(TOTALS))).as("the historical's own answer").isEqualTo(10);
        assertThat(realtime.client.query(TOTALS).body().get(0).get("result").get("pages").asDouble())
                .as("distinct pages across both servers").isBetween(5.9, 6.1);
    }

    @Test
    void shouldAskAnotherServerForASegmentTheFirstNoLongerHas() throws Exception {
        Server realtime = new Server(ServerInfo.REALTIME);
        Server historical = new Server(ServerInfo.HISTORICAL);
        IncrementalIndex piece = piece(0, 10, 4, 0);
        realtime.holdAndAnnounce(segment(0, 0), piece);
        historical.announcer.announce(segment(0, 0)); // announced, but (say) dropped a moment ago
        await().atMost(Duration.ofSeconds(20)).until(() -> events(realtime.client.query(TOTALS)) == 10);
        NodeClient.Response askedDirectly = historical.client.query("""
                {"queryType": "timeseries", "dataSource": "q", "intervals": ["1970/1971"], "granularity": "all",
                 "aggregations": [{"type": "longSum", "name": "events", "fieldName": "count"}],
                 "context": {"tributarySegments": ["%s"], "tributaryPartial": true}}""".formatted(segment(0, 0).id()));
        assertThat(askedDirectly.headers().firstValue(QueryRouter.MISSING_HEADER)).contains(segment(0, 0).id());
    }

    @Test
    void shouldMergeTopNAndGroupByAsOneServerHoldingEveryPiece() throws Exception {
        List<Server> servers = List.of(new Server(ServerInfo.REALTIME), new Server(ServerInfo.HISTORICAL),
                new Server(ServerInfo.HISTORICAL));
        List<QueryableIndex> all = new ArrayList<>();
        for (int hour = 0; hour < 6; hour++) {
            IncrementalIndex piece = piece(hour, 40 + hour * 7, 9, hour * 3);
            all.add(piece);
            servers.get(hour % 3).holdAndAnnounce(segment(hour, 0), piece);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> events(servers.get(0).client.query(TOTALS)) == 40 * 6 + 7 * 15);
        List<String> queries = List.of("""
                {"queryType": "topN", "dataSource": "q", "intervals": ["1970/1971"], "granularity": "all",
                 "dimension": "page", "metric": "added", "threshold": 5,
                 "aggregations": [{"type": "longSum", "name": "added", "fieldName": "added"},
                                  {"type": "longSum", "name": "events", "fieldName": "count"}],
                 "postAggregations": [{"type": "arithmetic", "name": "avg", "fn": "/",
                   "fields": [{"type": "fieldAccess", "fieldName": "added"}, {"type": "fieldAccess", "fieldName": "events"}]}]}""", """
                {"queryType": "groupBy", "dataSource": "q", "intervals": ["1970/1971"], "granularity": "hour",
                 "dimensions": ["page"], "aggregations": [{"type": "longSum", "name": "added", "fieldName": "added"},
                                                          {"type": "hyperUnique", "name": "u", "fieldName": "pages"}],
                 "having": {"type": "greaterThan", "aggregation": "added", "value": 100},
                 "limitSpec": {"type": "default", "limit": 7, "columns": [{"dimension": "added", "direction": "descending"}]}}""", """
                {"queryType": "timeseries", "dataSource": "q", "intervals": ["1970/1971"], "granularity": "hour",
                 "aggregations": [{"type": "longMax", "name": "most", "fieldName": "added"},
                                  {"type": "count", "name": "rows"}]}""");
        for (String query : queries) {
            String oneServer = Json.mapper().writeValueAsString(new QueryExecutor(ds -> all).run(QueryReader.read(query.getBytes(UTF_8))));
            for (Server server : servers) {
                NodeClient.Response response = server.client.query(query);
                assertThat(response.status()).isEqualTo(200);
                assertThat(Json.mapper().writeValueAsString(response.body())).as("through %s: %s", server.self.name(), query)
                        .isEqualTo(oneServer);
            }
        }
    }
}
