package dev.tributary.core.aggregation.hyperloglog;

import dev.tributary.core.column.Column;
import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import dev.tributary.core.column.StringColumn;
import java.util.Arrays;

/**
 * One column of a {@code cardinality} aggregator, hashed as Druid's cardinality aggregator hashes it.
 * By value, every non-null value is one hash: a string's UTF-16LE chars, a long's 8 little-endian
 * bytes, a double's or float's IEEE bits the same way. By row, the column contributes its bytes to
 * the row's one hash: a string's chars (a multi-value row's sorted values joined by U+0001), a
 * number's bytes, nothing for null.
 */
abstract class CardinalityField {
    private static final char SEPARATOR = '\u0001';

    /** Adds each of the row's values to {@code collector} (by-value mode). */
    abstract void addValues(int row, HyperLogLogCollector collector);

    /** Appends the row's bytes to {@code hashing} (by-row mode). */
    abstract void putRow(int row, HllHashing hashing);

    static CardinalityField of(Column column) {
        if (column instanceof StringColumn strings) {
            return new Strings(strings);
        }
        if (column instanceof NumericColumn numbers) {
            return new Numbers(numbers);
        }
        return new Nulls();
    }

    /** Caches each dictionary id's packed hash, so a row costs an array read. */
    private static final class Strings extends CardinalityField {
        private final StringColumn column;
        private final HllHashing hashing = new HllHashing();
        private int[] packed = new int[0];

        Strings(StringColumn column) {
            this.column = column;
        }

        /** The packed hash of a non-null id's value (0 means not yet computed; a packed hash never is 0). */
        int packed(int id) {
            if (id >= packed.length) {
                packed = Arrays.copyOf(packed, Math.max(id + 1, column.cardinality()));
            }
            int p = packed[id];
            if (p == 0) {
                p = hashing.packChars(column.lookupName(id));
                packed[id] = p;
            }
            return p;
        }

        @Override
        void addValues(int row, HyperLogLogCollector collector) {
            int count = column.valueCount(row);
            if (count == 1) {
                int id = column.getId(row);
                if (id != StringColumn.NULL_ID) {
                    collector.addPacked(packed(id));
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                int id = column.getId(row, i);
                if (id != StringColumn.NULL_ID) {
                    collector.addPacked(packed(id));
                }
            }
        }

        @Override
        void putRow(int row, HllHashing hashing) {
            int count = column.valueCount(row);
            if (count == 1) {
                String value = column.lookupName(column.getId(row));
                if (value != null) {
                    hashing.putChars(value);
                }
                return;
            }
            if (count == 0) {
                return;
            }
            String[] values = new String[count];
            for (int i = 0; i < count; i++) {
                String value = column.lookupName(column.getId(row, i));
                values[i] = value == null ? "" : value;
            }
            Arrays.sort(values);
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    hashing.putChars(String.valueOf(SEPARATOR));
                }
                hashing.putChars(values[i]);
            }
        }

        /** A single-column by-row hash of a single-valued row: the value's, or the empty input's for null. */
        int packedRow(int row, HllHashing scratch) {
            if (column.valueCount(row) == 1) {
                int id = column.getId(row);
                return id == StringColumn.NULL_ID ? EMPTY_INPUT : packed(id);
            }
            scratch.clear();
            putRow(row, scratch);
            return scratch.packRow();
        }
    }

    /** The packed hash of no bytes at all (Murmur3 of nothing is all zero: bucket 0, value 64). */
    static final int EMPTY_INPUT = 64;

    private static final class Numbers extends CardinalityField {
        private final NumericColumn column;
        private final HllHashing hashing = new HllHashing();
        private final ColumnType type;

        Numbers(NumericColumn column) {
            this.column = column;
            this.type = column.type();
        }

        @Override
        void addValues(int row, HyperLogLogCollector collector) {
            if (column.isNull(row)) {
                return;
            }
            hashing.clear();
            putRow(row, hashing);
            hashing.hashRow(collector);
        }

        @Override
        void putRow(int row, HllHashing out) {
            if (column.isNull(row)) {
                return;
            }
            switch (type) {
                case LONG -> out.putLong(column.getLong(row));
                case FLOAT -> out.putInt(Float.floatToRawIntBits((float) column.getDouble(row)));
                default -> out.putLong(Double.doubleToRawLongBits(column.getDouble(row)));
            }
        }
    }

    private static final class Nulls extends CardinalityField {
        @Override
        void addValues(int row, HyperLogLogCollector collector) {
        }

        @Override
        void putRow(int row, HllHashing hashing) {
        }
    }

    /** Whether by-row hashing of this one field can use {@link Strings#packedRow}. */
    static boolean isStrings(CardinalityField field) {
        return field instanceof Strings;
    }

    static int packedRow(CardinalityField field, int row, HllHashing scratch) {
        return ((Strings) field).packedRow(row, scratch);
    }
}
