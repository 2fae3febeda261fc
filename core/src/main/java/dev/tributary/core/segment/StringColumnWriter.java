package dev.tributary.core.segment;

import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.StringColumn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.roaringbitmap.RoaringBitmap;

/**
 * Writes a string dimension: the sorted dictionary (id 0 is null), one Roaring bitmap per
 * dictionary id with the rows that hold it, and the rows' ids, packed. A multi-value column adds a
 * stream of row start offsets into its ids.
 * <pre>
 * section 0  dictionary: [n: int][offset: int] x (n + 1)[UTF-8 bytes]   (the null entry is empty)
 * section 1  bitmaps:    [n: int][offset: int] x (n + 1)[serialized bitmaps]   (rows without values: id 0)
 * section 2  ids:        a LONG numeric stream, one id per value
 * section 3  row starts: a LONG numeric stream of rows + 1 offsets into the ids (multi-value only)
 * </pre>
 * Memory holds the dictionary, a row count per value and at most {@link #BITMAP_BUDGET} bytes of
 * bitmaps, not the rows.
 */
final class StringColumnWriter implements ColumnWriter {
    private final String[] dictionary;
    private final boolean multiValued;
    /** Estimated bytes of the bitmaps built at once while finishing. */
    static final long BITMAP_BUDGET = 32L << 20;
    /** {@link #BITMAP_BUDGET}, lowered by tests to force many ranges. */
    static volatile long bitmapBudget = BITMAP_BUDGET;
    private final Path spoolDirectory;
    private final String spoolName;
    private final Spool ids;
    private final NumericStreamWriter idStream;
    private final Spool starts;
    private final NumericStreamWriter startStream;
    private long values;
    private int row;

    /** @param dictionary the sorted values, null first */
    StringColumnWriter(String[] dictionary, boolean multiValued, Path spoolDirectory, String name) throws IOException {
        this.dictionary = dictionary;
        this.multiValued = multiValued;
        this.spoolDirectory = spoolDirectory;
        this.spoolName = name;
        this.ids = new Spool(spoolDirectory, name + ".ids");
        this.idStream = new NumericStreamWriter(ColumnType.LONG, ids.out());
        this.starts = multiValued ? new Spool(spoolDirectory, name + ".starts") : null;
        this.startStream = multiValued ? new NumericStreamWriter(ColumnType.LONG, starts.out()) : null;
    }

    /** The next row, holding {@code ids[0, n)} (one id unless the column is multi-valued). */
    void addRow(int[] rowIds, int n) throws IOException {
        if (multiValued) {
            startStream.addLong(values);
        } else if (n != 1) {
            throw new IllegalStateException("a single-valued column got a row of " + n + " values");
        }
        for (int i = 0; i < n; i++) {
            idStream.addLong(rowIds[i]);
        }
        values += n;
        row++;
    }

    @Override
    public void finish(Path file) throws IOException {
        idStream.finish();
        if (multiValued) {
            startStream.addLong(values);
            startStream.finish();
        }
        NumericStream idValues = new NumericStream(ids.map(), "ids of " + file);
        NumericStream rowStarts = multiValued ? new NumericStream(starts.map(), "row starts of " + file) : null;
        try (SectionFileWriter out = new SectionFileWriter(file)) {
            writeDictionary(out.beginSection());
            writeBitmaps(out.beginSection(), idValues, rowStarts);
            ids.copyInto(out);
            if (multiValued) {
                starts.copyInto(out);
            }
        }
    }

    private void writeDictionary(SegmentOutput out) throws IOException {
        byte[][] encoded = new byte[dictionary.length][];
        for (int i = 0; i < dictionary.length; i++) {
            encoded[i] = dictionary[i] == null ? new byte[0] : dictionary[i].getBytes(StandardCharsets.UTF_8);
        }
        writeTable(out, encoded);
    }

    /**
     * Builds the bitmaps from the ids already written, a range of dictionary ids at a time, so that
     * the bitmaps in memory at once stay under {@link #BITMAP_BUDGET} bytes (estimated from each
     * value's row count) however many rows the segment has: one pass over the ids counts each
     * value's rows, then one pass per range builds and writes that range's bitmaps. A row without
     * values goes into the null id's bitmap, as filters test it as null.
     */
    private void writeBitmaps(SegmentOutput out, NumericStream idValues, NumericStream rowStarts) throws IOException {
        int[] rowsPerId = new int[dictionary.length];
        forEachValue(idValues, rowStarts, 0, dictionary.length, (r, id) -> rowsPerId[id]++);
        int[] offsets = new int[dictionary.length + 1];
        try (Spool data = new Spool(spoolDirectory, spoolName + ".bitmaps")) {
            int from = 0;
            while (from < dictionary.length) {
                int to = from;
                long estimate = 0;
                do {
                    estimate += 16 + 2L * rowsPerId[to++];
                } while (to < dictionary.length && estimate + 16 + 2L * rowsPerId[to] <= bitmapBudget);
                RoaringBitmap[] range = new RoaringBitmap[to - from];
                for (int i = 0; i < range.length; i++) {
                    range[i] = new RoaringBitmap();
                }
                int first = from;
                forEachValue(idValues, rowStarts, from, to, (r, id) -> range[id - first].add(r));
                for (int i = 0; i < range.length; i++) {
                    RoaringBitmap bitmap = range[i];
                    bitmap.runOptimize();
                    ByteBuffer bytes = ByteBuffer.allocate(bitmap.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
                    bitmap.serialize(bytes);
                    offsets[from + i + 1] = offsets[from + i] + bytes.capacity();
                    data.out().write(bytes.array(), 0, bytes.capacity());
                }
                from = to;
            }
            out.writeInt(dictionary.length);
            for (int offset : offsets) {
                out.writeInt(offset);
            }
            out.writeFile(data.closed());
        }
    }

    /** A row number and one of its dictionary ids. */
    @FunctionalInterface
    private interface ValueVisitor {
        void visit(int row, int id);
    }

    /** Visits every (row, id) with {@code from <= id < to}, rows in order; a row without values as id 0. */
    private void forEachValue(NumericStream idValues, NumericStream rowStarts, int from, int to, ValueVisitor visitor) {
        int[] batch = new int[BlockCodec.BLOCK_ROWS];
        long values = idValues.rows();
        for (long start = 0; start < values; start += batch.length) {
            int end = (int) Math.min(values, start + batch.length);
            idValues.readInts((int) start, end, batch);
            if (rowStarts == null) {
                for (int i = 0; i < end - start; i++) {
                    int id = batch[i];
                    if (id >= from && id < to) {
                        visitor.visit((int) start + i, id);
                    }
                }
            }
        }
        if (rowStarts == null) {
            return;
        }
        for (int r = 0; r < row; r++) {
            int first = (int) rowStarts.getLong(r);
            int last = (int) rowStarts.getLong(r + 1);
            if (first == last && from == 0) {
                visitor.visit(r, StringColumn.NULL_ID);
            }
            for (int v = first; v < last; v++) {
                int id = (int) idValues.getLong(v);
                if (id >= from && id < to) {
                    visitor.visit(r, id);
                }
            }
        }
    }

    /** [n][offsets relative to the end of the table] x (n + 1)[entries]. */
    static void writeTable(SegmentOutput out, byte[][] entries) throws IOException {
        out.writeInt(entries.length);
        int offset = 0;
        for (byte[] entry : entries) {
            out.writeInt(offset);
            offset += entry.length;
        }
        out.writeInt(offset);
        for (byte[] entry : entries) {
            out.write(entry, 0, entry.length);
        }
    }

    boolean multiValued() {
        return multiValued;
    }

    @Override
    public void close() throws IOException {
        try (ids) {
            if (starts != null) {
                starts.close();
            }
        }
    }
}
