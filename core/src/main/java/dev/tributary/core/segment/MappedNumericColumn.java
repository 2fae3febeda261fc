package dev.tributary.core.segment;

import dev.tributary.core.column.ColumnType;
import dev.tributary.core.column.NumericColumn;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** A long, float or double column of a segment, read in place from its mapped file. Thread-safe. */
final class MappedNumericColumn implements NumericColumn {
    private final NumericStream values;
    private final ImmutableRoaringBitmap nulls;
    private final boolean hasNulls;

    MappedNumericColumn(SectionFile file) {
        this.values = new NumericStream(file.section(0), "segment file " + file.path());
        this.nulls = new ImmutableRoaringBitmap(file.section(1));
        this.hasNulls = !nulls.isEmpty();
    }

    @Override
    public ColumnType type() {
        return values.type();
    }

    @Override
    public boolean isNull(int row) {
        return hasNulls && nulls.contains(row);
    }

    @Override
    public long getLong(int row) {
        return values.getLong(row);
    }

    @Override
    public double getDouble(int row) {
        return values.getDouble(row);
    }

    @Override
    public boolean hasNulls() {
        return hasNulls;
    }

    @Override
    public void getLongs(int start, int end, long[] out) {
        values.readLongs(start, end, out);
    }

    @Override
    public long foldLongs(int start, int end, LongFold fold) {
        return values.foldLongs(start, end, fold);
    }

    @Override
    public double sumDoubles(int start, int end, double acc) {
        return values.sumDoubles(start, end, acc);
    }

    @Override
    public void getDoubles(int start, int end, double[] out) {
        values.readDoubles(start, end, out);
    }

    int rows() {
        return values.rows();
    }

    /** The null rows; empty when there are none. */
    ImmutableRoaringBitmap nulls() {
        return nulls;
    }
}
