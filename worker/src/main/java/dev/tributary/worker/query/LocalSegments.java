package dev.tributary.worker.query;

import dev.tributary.core.index.QueryableIndex;
import java.util.List;
import java.util.Map;

/**
 * What one node serves itself: the queryable pieces of each segment it announces (a realtime node's
 * sinks, a historical's loaded segments), by dataSource and segment id. Thread-safe: called from query
 * threads while the node loads, hands off and drops segments; each call returns a snapshot.
 */
public interface LocalSegments {
    /** The pieces of each segment of {@code dataSource} this node serves now, by segment id. */
    Map<String, List<? extends QueryableIndex>> piecesBySegment(String dataSource);

    /** A node that serves nothing. */
    LocalSegments NONE = dataSource -> Map.of();
}
