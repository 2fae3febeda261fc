package dev.tributary.core.segment;

import dev.tributary.core.column.BitmapIndexedColumn;
import dev.tributary.core.column.StringColumn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A string dimension of a segment (see {@link StringColumnWriter} for the layout): a sorted
 * dictionary read in place, ids read from their packed stream, and a bitmap per value. Decoded
 * names are cached as they are asked for. Thread-safe: the cache is filled racily with immutable
 * Strings, which is safe to publish that way.
 */
final class MappedStringColumn implements BitmapIndexedColumn {
    private final ByteBuffer dictionary;
    private final int cardinality;
    private final int dictionaryData;
    private final ByteBuffer bitmaps;
    private final NumericStream ids;
    private final NumericStream starts;
    private final String[] names;

    MappedStringColumn(SectionFile file, boolean multiValued) {
        String what = "segment file " + file.path();
        this.dictionary = file.section(0);
        this.cardinality = dictionary.getInt(0);
        this.dictionaryData = 4 + 4 * (cardinality + 1);
        this.bitmaps = file.section(1);
        this.ids = new NumericStream(file.section(2), what);
        this.starts = multiValued ? new NumericStream(file.section(3), what) : null;
        if (cardinality < 1 || bitmaps.getInt(0) != cardinality || dictionaryData > dictionary.limit()) {
            throw new CorruptSegmentException(what + " has a damaged dictionary");
        }
        this.names = new String[cardinality];
    }

    @Override
    public int cardinality() {
        return cardinality;
    }

    @Override
    public String lookupName(int id) {
        if (id == NULL_ID) {
            return null;
        }
        String name = names[id];
        if (name == null) {
            int from = dictionaryData + dictionary.getInt(4 + 4 * id);
            int to = dictionaryData + dictionary.getInt(8 + 4 * id);
            byte[] bytes = new byte[to - from];
            dictionary.get(from, bytes);
            name = new String(bytes, StandardCharsets.UTF_8);
            names[id] = name;
        }
        return name;
    }

    @Override
    public int lookupId(String value) {
        if (value == null) {
            return NULL_ID;
        }
        byte[] probe = value.getBytes(StandardCharsets.UTF_8);
        int low = 1;
        int high = cardinality - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int from = dictionaryData + dictionary.getInt(4 + 4 * mid);
            int to = dictionaryData + dictionary.getInt(8 + 4 * mid);
            int c = Utf8Order.compareBytes(dictionary, from, to, probe);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public boolean hasMultipleValues() {
        return starts != null;
    }

    @Override
    public int getId(int row) {
        if (starts == null) {
            return (int) ids.getLong(row);
        }
        long start = starts.getLong(row);
        return start == starts.getLong(row + 1) ? NULL_ID : (int) ids.getLong((int) start);
    }

    @Override
    public int valueCount(int row) {
        return starts == null ? 1 : (int) (starts.getLong(row + 1) - starts.getLong(row));
    }

    @Override
    public int getId(int row, int index) {
        return starts == null ? (int) ids.getLong(row) : (int) ids.getLong((int) starts.getLong(row) + index);
    }

    @Override
    public void getIds(int start, int end, int[] out) {
        if (starts == null) {
            ids.readInts(start, end, out);
        } else {
            BitmapIndexedColumn.super.getIds(start, end, out);
        }
    }

    @Override
    public ImmutableRoaringBitmap rowsWith(int id) {
        int data = 4 + 4 * (cardinality + 1);
        int from = data + bitmaps.getInt(4 + 4 * id);
        return new ImmutableRoaringBitmap(bitmaps.duplicate().position(from).slice());
    }
}
