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
 * Memory holds the dictionary and the bitmaps (compressed), not the rows.
 */
final class StringColumnWriter implements ColumnWriter {
    private final String[] dictionary;
    private final boolean multiValued;
    private final RoaringBitmap[] bitmaps;
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
        this.bitmaps = new RoaringBitmap[dictionary.length];
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
        if (n == 0) {
            bitmap(StringColumn.NULL_ID).add(row); // no values: filters test it as null
        }
        for (int i = 0; i < n; i++) {
            int id = rowIds[i];
            idStream.addLong(id);
            bitmap(id).add(row);
        }
        values += n;
        row++;
    }

    private RoaringBitmap bitmap(int id) {
        RoaringBitmap bitmap = bitmaps[id];
        if (bitmap == null) {
            bitmap = new RoaringBitmap();
            bitmaps[id] = bitmap;
        }
        return bitmap;
    }

    @Override
    public void finish(Path file) throws IOException {
        idStream.finish();
        if (multiValued) {
            startStream.addLong(values);
            startStream.finish();
        }
        try (SectionFileWriter out = new SectionFileWriter(file)) {
            writeDictionary(out.beginSection());
            writeBitmaps(out.beginSection());
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

    private void writeBitmaps(SegmentOutput out) throws IOException {
        byte[][] serialized = new byte[bitmaps.length][];
        RoaringBitmap empty = new RoaringBitmap();
        for (int i = 0; i < bitmaps.length; i++) {
            RoaringBitmap bitmap = bitmaps[i] == null ? empty : bitmaps[i];
            bitmap.runOptimize();
            ByteBuffer bytes = ByteBuffer.allocate(bitmap.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
            bitmap.serialize(bytes);
            serialized[i] = bytes.array();
            bitmaps[i] = null; // written: let it go
        }
        writeTable(out, serialized);
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
