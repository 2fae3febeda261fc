package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.GroupAggregator;
import java.util.Arrays;

/** No dimensions: one group per bucket holding rows. */
final class BucketKeyer extends Keyer {
    private final boolean[] seen;

    BucketKeyer(RowScope scope) {
        super(scope);
        seen = new boolean[scope.buckets.size()];
        scope.ensureSlots(seen.length);
    }

    @Override
    void visit(int start, int end) {
        int[] buckets = slots(end - start);
        scope.bucketsOf(start, end, buckets);
        for (int i = 0; i < end - start; i++) {
            if (buckets[i] >= 0) {
                seen[buckets[i]] = true;
            }
        }
        scope.aggregateBatch(buckets, start, end);
    }

    @Override
    PieceGroups result(GroupingColumn[] columns, GroupAggregator[] aggregators) {
        int[] buckets = new int[seen.length];
        int size = 0;
        for (int b = 0; b < seen.length; b++) {
            if (seen[b]) {
                buckets[size++] = b;
            }
        }
        return new PieceGroups(size, buckets, new int[0], Arrays.copyOf(buckets, size), columns, aggregators);
    }
}
