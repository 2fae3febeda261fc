package dev.tributary.core.query;

import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.time.Interval;

/**
 * Segment ids for the pieces a query reads, in Druid's form {@code dataSource_start_end_version}
 * (plus {@code _partitionNum} when it is not 0). A live piece has no segment yet: its interval is
 * its data interval and its version {@code live}; the partition number is the piece's position.
 */
public final class PieceIds {
    /** The version of a piece that is not a published segment. */
    public static final String LIVE_VERSION = "live";

    private PieceIds() {
    }

    public static String of(QueryableIndex piece, int position) {
        Interval interval = piece.dataInterval();
        String id = piece.dataSource() + "_" + (interval == null ? Interval.ETERNITY : interval).toString().replace('/', '_')
                + "_" + LIVE_VERSION;
        return position == 0 ? id : id + "_" + position;
    }
}
