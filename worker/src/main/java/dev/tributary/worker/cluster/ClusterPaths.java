package dev.tributary.worker.cluster;

import java.util.Optional;
import org.apache.curator.utils.PathUtils;
import org.apache.curator.utils.ZKPaths;

/**
 * The ZooKeeper layout under a base path (DESIGN.md §6), in one place:
 * <ul>
 *   <li>{@code <base>/announcements/<host:port>}: ephemeral, the {@link ServerInfo} JSON of a live server;
 *   <li>{@code <base>/segments/<host:port>/<segmentId>}: ephemeral, the {@code DataSegment} JSON of a
 *       segment that server serves. The {@code <host:port>} parent is a container node, which
 *       ZooKeeper removes some time after its last child goes.
 *   <li>{@code <base>/leaving/<host:port>}: ephemeral, empty; a server that is stopping gracefully:
 *       others take over its share while it still serves (a historical draining).
 * </ul>
 */
record ClusterPaths(String base) {

    static final String ANNOUNCEMENTS = "announcements";
    static final String SEGMENTS = "segments";
    static final String LEAVING = "leaving";

    ClusterPaths {
        PathUtils.validatePath(base);
    }

    String server(String serverName) {
        return valid(ZKPaths.makePath(base, ANNOUNCEMENTS, requireNodeName(serverName)));
    }

    String leaving(String serverName) {
        return valid(ZKPaths.makePath(base, LEAVING, requireNodeName(serverName)));
    }

    String segment(String serverName, String segmentId) {
        return valid(ZKPaths.makePath(base, SEGMENTS, requireNodeName(serverName), requireNodeName(segmentId)));
    }

    /** What a path under the base names, or empty for the base itself and the nodes between. */
    Optional<Location> locate(String path) {
        String prefix = "/".equals(base) ? "/" : base + "/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = path.substring(prefix.length()).split("/", -1);
        if (parts.length == 2 && ANNOUNCEMENTS.equals(parts[0])) {
            return Optional.of(new Location(parts[1], null, false));
        }
        if (parts.length == 2 && LEAVING.equals(parts[0])) {
            return Optional.of(new Location(parts[1], null, true));
        }
        if (parts.length == 3 && SEGMENTS.equals(parts[0])) {
            return Optional.of(new Location(parts[1], parts[2], false));
        }
        return Optional.empty();
    }

    /** A server's announcement ({@code segmentId} null), its leaving mark, or one of its segments. */
    record Location(String serverName, String segmentId, boolean isLeaving) {
        boolean isServer() {
            return segmentId == null && !isLeaving;
        }
    }

    /** ZKPaths would read a '/' in a name as a separator; {@link #valid} catches the rest. */
    private static String requireNodeName(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException(
                    "'" + name + "' cannot be a ZooKeeper node name: it is empty or has a '/'");
        }
        return name;
    }

    /** Refuses ".", "..", and the characters ZooKeeper does not allow in a path. */
    private static String valid(String path) {
        PathUtils.validatePath(path);
        return path;
    }
}
