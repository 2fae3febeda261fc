package dev.tributary.worker.cluster;

import dev.tributary.worker.config.ConfigKey;
import dev.tributary.worker.config.InvalidConfigException;
import dev.tributary.worker.config.RuntimeProperties;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.PathUtils;

/**
 * How a node reaches ZooKeeper and where under it the cluster lives, read from runtime.properties
 * (the Druid {@code druid.zk.*} keys, under {@code tributary.}). Every {@code tributary.zk.*} key must
 * be one of {@link #KEYS}. Only a node that uses ZooKeeper reads this config, and for it the connect
 * string is required.
 *
 * @param connectString ZooKeeper's {@code host:port[,host:port...]}, optionally with a chroot suffix
 * @param basePath the node every cluster path lives under (see {@link ClusterPaths})
 * @param sessionTimeoutMs how long ZooKeeper keeps a silent client's session, and so its announcements
 * @param connectionTimeoutMs how long one connection attempt may take
 */
public record ZooKeeperConfig(String connectString, String basePath, int sessionTimeoutMs, int connectionTimeoutMs) {

    public static final ConfigKey<String> CONNECT_STRING = ConfigKey.optionalText("tributary.zk.service.host",
            "The ZooKeeper connect string, host:port[,host:port...]. Required when the node uses ZooKeeper.");
    public static final ConfigKey<String> BASE_PATH = new ConfigKey<>("tributary.zk.paths.base", String.class,
            "/tributary", s -> s, ZooKeeperConfig::pathProblem,
            "The ZooKeeper node every Tributary path lives under: <base>/announcements, <base>/segments.");
    public static final ConfigKey<Integer> SESSION_TIMEOUT_MS = positiveInt("tributary.zk.service.sessionTimeoutMs",
            30_000, "How long ZooKeeper keeps the session (and so the announcements) of a node it does not hear from.");
    public static final ConfigKey<Integer> CONNECTION_TIMEOUT_MS = positiveInt(
            "tributary.zk.service.connectionTimeoutMs", 15_000,
            "How long one attempt to connect to ZooKeeper may take.");

    /** Every key this config reads, for validation and for docs/configuration.md. */
    public static final List<ConfigKey<?>> KEYS = List.of(CONNECT_STRING, BASE_PATH, SESSION_TIMEOUT_MS,
            CONNECTION_TIMEOUT_MS);

    /** Curator retries an operation that lost its connection this many times, sleeping longer each time. */
    private static final int RETRIES = 10;
    private static final int FIRST_RETRY_SLEEP_MS = 200;
    private static final int MAX_RETRY_SLEEP_MS = 10_000;

    public ZooKeeperConfig {
        if (connectString == null || connectString.isBlank()) {
            throw new InvalidConfigException(CONNECT_STRING.name(),
                    "is required when the node uses ZooKeeper, e.g. zk1.example.com:2181,zk2.example.com:2181");
        }
        Objects.requireNonNull(basePath, "basePath");
        BASE_PATH.check(basePath);
        SESSION_TIMEOUT_MS.check(sessionTimeoutMs);
        CONNECTION_TIMEOUT_MS.check(connectionTimeoutMs);
    }

    /** Whether {@code props} name a ZooKeeper, which makes a node part of a cluster. */
    public static boolean configured(Properties props) {
        String connect = props.getProperty(CONNECT_STRING.name());
        return connect != null && !connect.isBlank();
    }

    public static ZooKeeperConfig from(Properties props) {
        RuntimeProperties.requireKnownKeys(props, "tributary.zk.", KEYS, List.of());
        return new ZooKeeperConfig(CONNECT_STRING.read(props),
                BASE_PATH.read(props),
                SESSION_TIMEOUT_MS.read(props),
                CONNECTION_TIMEOUT_MS.read(props));
    }

    /**
     * A started Curator client for this config; the caller closes it. Operations that lose the
     * connection are retried with exponential backoff (about 0.2 s doubling, at most 10 s a sleep,
     * 10 retries), and the client reconnects by itself for as long as it is open.
     */
    public CuratorFramework newClient() {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(connectionTimeoutMs)
                .retryPolicy(new ExponentialBackoffRetry(FIRST_RETRY_SLEEP_MS, RETRIES, MAX_RETRY_SLEEP_MS))
                .build();
        client.start();
        return client;
    }

    private static ConfigKey<Integer> positiveInt(String name, int defaultValue, String doc) {
        return new ConfigKey<>(name, Integer.class, defaultValue, Integer::valueOf,
                v -> v <= 0 ? "must be positive" : null, doc);
    }

    private static String pathProblem(String path) {
        try {
            PathUtils.validatePath(path);
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + path + "' must be an absolute ZooKeeper path such as /tributary: " + e.getMessage();
        }
    }
}
