package dev.tributary.core.query.filter;

import dev.tributary.core.column.BitmapIndexedColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/**
 * A string predicate answered from a bitmap index: the rows where it is true are the union of the
 * bitmaps of the values it is true for, and likewise for true-or-unknown. A row then costs one bit
 * test: the bits of each block of rows are unpacked from the bitmaps when a row of it is first
 * asked about. An equality or {@code in} list looks its values up instead of testing the dictionary.
 * Used by one query thread, like every matcher; fastest when rows are asked in ascending order.
 */
final class BitmapMatcher implements RowMatcher {
    private static final int BLOCK_SHIFT = 13;
    private static final int BLOCK = 1 << BLOCK_SHIFT;

    private final ImmutableRoaringBitmap trueRows;
    private final ImmutableRoaringBitmap maybeRows;
    private final long[] trueBits = new long[BLOCK / 64];
    private final long[] maybeBits;
    private int block = -1;

    private BitmapMatcher(ImmutableRoaringBitmap trueRows, ImmutableRoaringBitmap maybeRows) {
        this.trueRows = trueRows;
        this.maybeRows = maybeRows;
        this.maybeBits = maybeRows == trueRows ? trueBits : new long[BLOCK / 64];
    }

    static BitmapMatcher of(BitmapIndexedColumn column, StringPredicate predicate) {
        List<ImmutableRoaringBitmap> trueSets = new ArrayList<>();
        List<ImmutableRoaringBitmap> unknownSets = new ArrayList<>();
        Set<String> values = predicate.trueValues();
        if (values != null) {
            for (String value : values) {
                int id = column.lookupId(value);
                if (id > 0) {
                    trueSets.add(column.rowsWith(id));
                }
            }
            add(column, 0, predicate.test(null), trueSets, unknownSets);
        } else {
            for (int id = 0; id < column.cardinality(); id++) {
                add(column, id, predicate.test(column.lookupName(id)), trueSets, unknownSets);
            }
        }
        MutableRoaringBitmap trueRows = BufferFastAggregation.or(trueSets.iterator());
        if (unknownSets.isEmpty()) {
            return new BitmapMatcher(trueRows, trueRows);
        }
        unknownSets.add(trueRows);
        return new BitmapMatcher(trueRows, BufferFastAggregation.or(unknownSets.iterator()));
    }

    private static void add(BitmapIndexedColumn column, int id, Truth truth,
            List<ImmutableRoaringBitmap> trueSets, List<ImmutableRoaringBitmap> unknownSets) {
        if (truth == Truth.TRUE) {
            trueSets.add(column.rowsWith(id));
        } else if (truth == Truth.UNKNOWN) {
            unknownSets.add(column.rowsWith(id));
        }
    }

    @Override
    public boolean matches(int row) {
        load(row);
        int offset = row & (BLOCK - 1);
        return (trueBits[offset >>> 6] & (1L << offset)) != 0;
    }

    @Override
    public boolean matchesOrUnknown(int row) {
        load(row);
        int offset = row & (BLOCK - 1);
        return (maybeBits[offset >>> 6] & (1L << offset)) != 0;
    }

    private void load(int row) {
        int wanted = row >>> BLOCK_SHIFT;
        if (wanted != block) {
            block = wanted;
            unpack(trueRows, trueBits);
            if (maybeBits != trueBits) {
                unpack(maybeRows, maybeBits);
            }
        }
    }

    private void unpack(ImmutableRoaringBitmap rows, long[] bits) {
        java.util.Arrays.fill(bits, 0L);
        int first = block << BLOCK_SHIFT;
        PeekableIntIterator it = rows.getIntIterator();
        it.advanceIfNeeded(first);
        while (it.hasNext()) {
            int row = it.peekNext();
            if (row >= first + BLOCK) {
                break;
            }
            int offset = row - first;
            bits[offset >>> 6] |= 1L << offset;
            it.next();
        }
    }
}
