package dev.tributary.core.segment;

import dev.tributary.core.index.QueryableIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Persists one index (a live index the writer no longer adds to) as a segment: a merge of one piece. */
public final class SegmentWriter {
    private SegmentWriter() {
    }

    /** Writes {@code index} to a new segment directory {@code target}, crash-safely. */
    public static WrittenSegment write(QueryableIndex index, Path target) throws IOException {
        return SegmentMerger.merge(List.of(index), target);
    }
}
