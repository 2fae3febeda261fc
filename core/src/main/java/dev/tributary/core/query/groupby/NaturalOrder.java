package dev.tributary.core.query.groupby;

import dev.tributary.core.query.grouping.MergedGroups.Group;
import dev.tributary.core.query.grouping.PieceGroups;
import dev.tributary.core.query.ordering.ValueOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GroupBy v2's natural row order: time, then each dimension ascending (text by code point, numbers
 * numerically, nulls first). Rather than comparing values each time two groups meet, each distinct
 * value of a dimension is ranked once; groups are then sorted by their rank tuples, packed into longs
 * when they fit. Also keeps each group's per-dimension ranks for limitSpec columns that order the
 * same way.
 */
final class NaturalOrder {
    private final int dimensions;
    /** ranks[g * dimensions + d]: the rank of group g's value of dimension d among that dimension's values. */
    private final int[] ranks;
    /** The groups' indices in natural order. */
    private final int[] order;
    /** position[g]: where group g comes in natural order. */
    private final int[] position;

    /**
     * @param lone the piece the groups come from one for one, or null: with it, values are ranked by
     *             their ids (array lookups) rather than through a hash map of values
     */
    NaturalOrder(List<Group> groups, int dimensions, PieceGroups lone) {
        this.dimensions = dimensions;
        int n = groups.size();
        ranks = new int[n * dimensions];
        int[] bits = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            bits[d] = bitsFor(lone != null ? rankByIds(lone, groups.size(), d) : rank(groups, d));
        }
        long[] times = groups.stream().mapToLong(g -> g.time).distinct().sorted().toArray();
        int timeBits = times.length <= 1 ? 0 : bitsFor(times.length);
        int indexBits = bitsFor(n);
        int total = timeBits + indexBits + Arrays.stream(bits).sum();
        order = total <= 63 ? packedSort(groups, times, timeBits, bits, indexBits) : comparatorSort(groups);
        position = new int[n];
        for (int i = 0; i < n; i++) {
            position[order[i]] = i;
        }
    }

    /** Ranks dimension {@code d}'s distinct values into {@link #ranks}; returns how many ranks there are. */
    private int rank(List<Group> groups, int d) {
        Map<Object, Integer> distinct = new HashMap<>();
        for (Group group : groups) {
            distinct.putIfAbsent(group.key[d], distinct.size());
        }
        Object[] values = distinct.keySet().toArray();
        Arrays.sort(values, ValueOrder.NATURAL);
        for (int r = 0; r < values.length; r++) {
            distinct.put(values[r], r);
        }
        for (int g = 0; g < groups.size(); g++) {
            ranks[g * dimensions + d] = distinct.get(groups.get(g).key[d]);
        }
        return values.length;
    }

    /** Ranks dimension {@code d} through the lone piece's value ids; returns how many ranks there are. */
    private int rankByIds(PieceGroups lone, int n, int d) {
        int bound = 1;
        for (int g = 0; g < n; g++) {
            bound = Math.max(bound, lone.id(g, d) + 1);
        }
        int[] rankOfId = new int[bound];
        Arrays.fill(rankOfId, -1);
        int distinct = 0;
        for (int g = 0; g < n; g++) {
            int id = lone.id(g, d);
            if (rankOfId[id] < 0) {
                rankOfId[id] = distinct++;
            }
        }
        Integer[] ids = new Integer[distinct];
        for (int id = 0, i = 0; id < bound; id++) {
            if (rankOfId[id] >= 0) {
                ids[i++] = id;
            }
        }
        Arrays.sort(ids, (x, y) -> ValueOrder.compare(lone.valueOf(d, x), lone.valueOf(d, y)));
        for (int r = 0; r < ids.length; r++) {
            rankOfId[ids[r]] = r;
        }
        for (int g = 0; g < n; g++) {
            ranks[g * dimensions + d] = rankOfId[lone.id(g, d)];
        }
        return distinct;
    }

    private int[] packedSort(List<Group> groups, long[] times, int timeBits, int[] bits, int indexBits) {
        int n = groups.size();
        long[] keys = new long[n];
        for (int g = 0; g < n; g++) {
            long key = timeBits == 0 ? 0 : Arrays.binarySearch(times, groups.get(g).time);
            for (int d = 0; d < dimensions; d++) {
                key = (key << bits[d]) | ranks[g * dimensions + d];
            }
            keys[g] = (key << indexBits) | g;
        }
        Arrays.sort(keys);
        long mask = (1L << indexBits) - 1;
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = (int) (keys[i] & mask);
        }
        return sorted;
    }

    private int[] comparatorSort(List<Group> groups) {
        Integer[] indices = new Integer[groups.size()];
        for (int g = 0; g < indices.length; g++) {
            indices[g] = g;
        }
        Arrays.sort(indices, (x, y) -> {
            int c = Long.compare(groups.get(x).time, groups.get(y).time);
            for (int d = 0; c == 0 && d < dimensions; d++) {
                c = Integer.compare(ranks[x * dimensions + d], ranks[y * dimensions + d]);
            }
            return c;
        });
        return Arrays.stream(indices).mapToInt(Integer::intValue).toArray();
    }

    private static int bitsFor(int values) {
        return values <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(values - 1);
    }

    /** The groups' indices in natural order. */
    int[] order() {
        return order;
    }

    /** Where group {@code g} comes in natural order. */
    int position(int g) {
        return position[g];
    }

    /** The rank of group {@code g}'s value of dimension {@code d} in that dimension's natural order. */
    int rank(int g, int d) {
        return ranks[g * dimensions + d];
    }
}
