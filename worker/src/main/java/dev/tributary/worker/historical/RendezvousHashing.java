package dev.tributary.worker.historical;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Which servers hold a segment, decided without a coordinator: every server scores every (segment,
 * server) pair with the same hash and the {@code replicas} highest scores win (rendezvous, or
 * highest-random-weight, hashing). Every historical that sees the same live servers computes the
 * same holders, and when a server comes or goes only the segments it wins or held move.
 * Stateless and thread-safe.
 */
public final class RendezvousHashing {
    private RendezvousHashing() {
    }

    /** The names of the {@code replicas} servers (fewer if there are fewer) that should hold {@code segmentId}. */
    public static List<String> holders(String segmentId, List<String> servers, int replicas) {
        return servers.stream().distinct()
                .sorted(Comparator.comparingLong((String server) -> score(segmentId, server)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(replicas)
                .toList();
    }

    /** A 64-bit FNV-1a hash of both names, finished with a strong mix so that close names spread. */
    static long score(String segmentId, String server) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (segmentId + '\n' + server).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
