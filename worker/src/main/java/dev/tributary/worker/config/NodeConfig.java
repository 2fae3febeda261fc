package dev.tributary.worker.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A node's runtime.properties, validated: every {@code tributary.*} key must be one of {@link #KEYS}
 * (a typo is an error, not a silent default), except the keys of components that read and check
 * their own ({@link #OWNED_ELSEWHERE}).
 *
 * @param host the name other nodes and clients use to reach this node
 * @param bindHost the address the HTTP server listens on
 * @param port the HTTP port (0 picks a free one)
 * @param maxRequestBytes the largest accepted HTTP request body
 * @param queryTimeoutMillis a query's deadline when its context sets no {@code timeout}
 */
public record NodeConfig(String host, String bindHost, int port, long maxRequestBytes, long queryTimeoutMillis) {
    public static final ConfigKey<String> HOST = ConfigKey.text("tributary.host", "localhost",
            "The host name other nodes and clients use to reach this node.");
    public static final ConfigKey<String> BIND_HOST = ConfigKey.text("tributary.http.bindHost", "0.0.0.0",
            "The address the HTTP server listens on.");
    public static final ConfigKey<Integer> PORT = ConfigKey.port("tributary.http.port", 8084,
            "The HTTP port for queries and status (0 picks a free port).");
    public static final ConfigKey<Long> MAX_REQUEST_BYTES = ConfigKey.positiveLong("tributary.http.maxRequestBytes",
            10L * 1024 * 1024, "The largest HTTP request body accepted, in bytes; larger requests get HTTP 413.");

    public static final ConfigKey<Long> QUERY_TIMEOUT_MILLIS = ConfigKey.positiveLong("tributary.query.defaultTimeoutMillis",
            300_000L, "A query's deadline in milliseconds when its context sets no timeout; past it the query gets HTTP 504.");

    /** Every key this config reads, for validation and for docs/configuration.md. */
    public static final List<ConfigKey<?>> KEYS = List.of(HOST, BIND_HOST, PORT, MAX_REQUEST_BYTES, QUERY_TIMEOUT_MILLIS);

    /**
     * Key prefixes that other components' configs own and check: MetadataStoreConfig, DeepStorageConfig,
     * ZooKeeperConfig and HistoricalConfig.
     */
    public static final List<String> OWNED_ELSEWHERE = List.of("tributary.metadata.", "tributary.storage.", "tributary.zk.",
            "tributary.segmentCache.", "tributary.historical.");

    public static NodeConfig defaults() {
        return from(new Properties());
    }

    public static NodeConfig from(Path file) {
        return from(RuntimeProperties.load(file));
    }

    public static NodeConfig from(Properties props) {
        RuntimeProperties.requireKnownKeys(props, "tributary.", KEYS, OWNED_ELSEWHERE);
        return new NodeConfig(HOST.read(props),
                BIND_HOST.read(props),
                PORT.read(props),
                MAX_REQUEST_BYTES.read(props),
                QUERY_TIMEOUT_MILLIS.read(props));
    }

    /** The same config listening on another port. */
    public NodeConfig withPort(int newPort) {
        return new NodeConfig(host, bindHost, newPort, maxRequestBytes, queryTimeoutMillis);
    }
}
