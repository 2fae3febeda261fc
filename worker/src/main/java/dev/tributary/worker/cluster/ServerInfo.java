package dev.tributary.worker.cluster;

import java.util.List;
import java.util.Objects;

/**
 * A server of the cluster as it announces itself in ZooKeeper (the JSON data of
 * {@code <base>/announcements/<name>}). Immutable.
 *
 * @param host the name other nodes and clients use to reach the server
 * @param port its HTTP port
 * @param role {@link #REALTIME} or {@link #HISTORICAL}
 */
public record ServerInfo(String host, int port, String role) {

    /** A node that ingests and serves the segments it is building. */
    public static final String REALTIME = "realtime";
    /** A node that serves segments loaded from deep storage. */
    public static final String HISTORICAL = "historical";

    private static final List<String> ROLES = List.of(REALTIME, HISTORICAL);

    public ServerInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
        // The name is a ZooKeeper node name, so it cannot hold a '/'.
        if (host.isBlank() || host.indexOf('/') >= 0 || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "host '" + host + "' must be a host name or address without '/' or spaces");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "port must be between 1 and 65535 (the port actually bound), was " + port);
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role '" + role + "' must be one of " + ROLES);
        }
    }

    /** {@code host:port}, unique in the cluster: the server's node name under announcements/ and segments/. */
    public String name() {
        return host + ":" + port;
    }
}
