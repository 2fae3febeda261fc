package dev.tributary.core.query.grouping;

import dev.tributary.core.aggregation.AggregatorFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * The groups of every piece of a query, merged by (time, dimension values) with each aggregator's
 * {@link AggregatorFactory#combine}: pieces have their own dictionaries, so groups meet by value.
 * A lone piece whose groups have distinct values skips the hashing.
 */
public final class MergedGroups {
    /** One group: its time, its dimension values and its aggregator intermediates (null = nothing aggregated). */
    public static final class Group {
        public final long time;
        public final Object[] key;
        public final Object[] intermediates;
        /** Computed when first needed: a lone piece's groups are never hashed. */
        private int hash;

        Group(long time, Object[] key, Object[] intermediates) {
            this.time = time;
            this.key = key;
            this.intermediates = intermediates;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group other && other.hashCode() == hashCode() && other.time == time
                    && Arrays.equals(other.key, key);
        }

        @Override
        public int hashCode() {
            if (hash == 0) {
                hash = (Long.hashCode(time) * 31 + Arrays.hashCode(key)) | 1;
            }
            return hash;
        }
    }

    private final List<AggregatorFactory> aggregators;
    private final List<Group> groups = new ArrayList<>();
    private Map<Group, Group> byKey;
    /** The lone piece whose groups these are, one for one, when no merging happened. */
    private PieceGroups lone;

    public MergedGroups(List<AggregatorFactory> aggregators) {
        this.aggregators = aggregators;
    }

    /**
     * Adds one piece's groups.
     *
     * @param bucketTime the time a bucket number of this piece stands for
     * @param alone      whether this is the only piece the query adds
     */
    public void add(PieceGroups piece, IntToLongFunction bucketTime, boolean alone) {
        int dims = piece.dimensions();
        boolean direct = alone && byKey == null && groups.isEmpty() && piece.distinctValues();
        if (!direct && byKey == null) {
            byKey = new HashMap<>(Math.max(16, groups.size() * 2));
            for (Group group : groups) {
                byKey.put(group, group);
            }
        }
        for (int g = 0; g < piece.size(); g++) {
            Object[] key = new Object[dims];
            for (int d = 0; d < dims; d++) {
                key[d] = piece.value(g, d);
            }
            Object[] values = new Object[aggregators.size()];
            for (int a = 0; a < values.length; a++) {
                values[a] = piece.intermediate(g, a);
            }
            Group group = new Group(bucketTime.applyAsLong(piece.bucket(g)), key, values);
            if (direct) {
                groups.add(group);
                continue;
            }

            Group existing = byKey.putIfAbsent(group, group);
            if (existing == null) {
                groups.add(group);
            } else {
                for (int a = 0; a < values.length; a++) {
                    existing.intermediates[a] = aggregators.get(a).combine(existing.intermediates[a], values[a]);
                }
            }
        }
        lone = direct ? piece : null;
        PieceGrouper.checkTotal(groups.size());
    }

    /**
     * Adds one group given by value (a data server's partial row), combined into the equal group if
     * there is one; {@code key} and {@code intermediates} are kept, not copied.
     */
    public void add(long time, Object[] key, Object[] intermediates) {
        if (byKey == null) {
            byKey = new HashMap<>(Math.max(16, groups.size() * 2));
            for (Group group : groups) {
                byKey.put(group, group);
            }
        }
        lone = null;
        Group group = new Group(time, key, intermediates);
        Group existing = byKey.putIfAbsent(group, group);
        if (existing == null) {
            groups.add(group);
            PieceGrouper.checkTotal(groups.size());
        } else {
            for (int a = 0; a < intermediates.length; a++) {
                existing.intermediates[a] = aggregators.get(a).combine(existing.intermediates[a], intermediates[a]);
            }
        }
    }

    /**
     * The one piece these groups come from, group {@code g} being its group {@code g}, or null when
     * groups were merged: lets callers work on the piece's value ids instead of the values.
     */
    public PieceGroups lonePiece() {
        return lone;
    }

    /** Every group, in the order first added. */
    public List<Group> groups() {
        return groups;
    }
}
