package dev.tributary.core.segment;

import dev.tributary.core.column.ColumnType;
import java.io.IOException;
import java.nio.file.Path;
import org.roaringbitmap.RoaringBitmap;

/**
 * Writes a long, float or double column: section 0 the values ({@link NumericStreamWriter}, 0 for a
 * null row), section 1 the null rows as a serialized Roaring bitmap. The bitmap is the only part held
 * in memory, and it stays empty for columns without nulls, such as {@code __time} and sums.
 */
final class NumericColumnWriter implements ColumnWriter {
    private final Spool values;
    private final NumericStreamWriter stream;
    private final RoaringBitmap nulls = new RoaringBitmap();
    private int row;

    NumericColumnWriter(ColumnType type, Path spoolDirectory, String name) throws IOException {
        this.values = new Spool(spoolDirectory, name + ".values");
        this.stream = new NumericStreamWriter(type, values.out());
    }

    void addLong(long value) throws IOException {
        stream.addLong(value);
        row++;
    }

    void addDouble(double value) throws IOException {
        stream.addDouble(value);
        row++;
    }

    void addNull() throws IOException {
        nulls.add(row);
        stream.addLong(0);
        row++;
    }

    @Override
    public void finish(Path file) throws IOException {
        stream.finish();
        try (SectionFileWriter out = new SectionFileWriter(file)) {
            values.copyInto(out);
            nulls.runOptimize();
            nulls.serialize(new java.io.DataOutputStream(out.beginSection()));
        }
    }

    @Override
    public void close() throws IOException {
        values.close();
    }
}
