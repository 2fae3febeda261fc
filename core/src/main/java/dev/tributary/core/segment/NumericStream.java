package dev.tributary.core.segment;

import static dev.tributary.core.segment.BlockCodec.BLOCK_MASK;
import static dev.tributary.core.segment.BlockCodec.BLOCK_ROWS;
import static dev.tributary.core.segment.BlockCodec.BLOCK_SHIFT;

import dev.tributary.core.column.ColumnType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads what {@link NumericStreamWriter} wrote, straight from the mapped bytes: a packed or raw block
 * is read in place, value by value or a range at a time; an LZ4 block is decompressed once into a
 * per-thread cache of a few blocks that the next reads of the same block reuse. The block directory (a few numbers
 * per 8192 rows) is the only part held on the heap. Thread-safe.
 */
final class NumericStream {
    private static final int HEADER_BYTES = 10;
    /** Per thread, a few decompressed blocks, so that reading several columns row by row does not thrash. */
    private static final int CACHED_BLOCKS = 16;
    private static final ThreadLocal<Decompressed[]> DECOMPRESSED = ThreadLocal.withInitial(() -> new Decompressed[CACHED_BLOCKS]);
    private static final java.util.concurrent.atomic.AtomicInteger STREAMS = new java.util.concurrent.atomic.AtomicInteger();

    /** Spreads the streams of one query over the cache slots. */
    private final int cacheSeed = STREAMS.getAndIncrement() * 7;

    private final ByteBuffer in;
    private final ColumnType type;
    private final int rows;
    private final byte[] kinds;
    private final long[] bases;
    private final byte[] widths;
    /** Where each block's data starts: in {@link #in}, or for LZ4 blocks, where its compressed bytes start. */
    private final int[] dataAt;
    private final int[] rawLength;
    private final int[] compressedLength;

    /** One decompressed block of a thread's cache. */
    private static final class Decompressed {
        NumericStream owner;
        int block = -1;
        /** Direct, like the mapped source, so that native decompression applies. */
        final ByteBuffer bytes = ByteBuffer.allocateDirect(BLOCK_ROWS * 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
    }

    NumericStream(ByteBuffer section, String what) {
        this.in = section.order(ByteOrder.LITTLE_ENDIAN);
        int end = section.limit();
        if (end < 9) {
            throw new CorruptSegmentException(what + " is too short to hold a numeric column");
        }
        this.type = ColumnType.values()[section.get(end - 1)];
        this.rows = section.getInt(end - 9);
        int blocks = section.getInt(end - 5);
        int directory = end - 9 - 4 * (blocks + 1);
        if (blocks < 0 || directory < 0 || blocks != (rows + BLOCK_ROWS - 1) / BLOCK_ROWS || !type.isNumeric()) {
            throw new CorruptSegmentException(what + " has a damaged block directory");
        }
        kinds = new byte[blocks];
        bases = new long[blocks];
        widths = new byte[blocks];
        dataAt = new int[blocks];
        rawLength = new int[blocks];
        compressedLength = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            int at = section.getInt(directory + 4 * b);
            int next = section.getInt(directory + 4 * (b + 1));
            kinds[b] = section.get(at);
            bases[b] = section.getLong(at + 1);
            widths[b] = section.get(at + 9);
            dataAt[b] = at + HEADER_BYTES;
            if ((kinds[b] & BlockCodec.LZ4) != 0) {
                rawLength[b] = section.getInt(at + HEADER_BYTES);
                dataAt[b] = at + HEADER_BYTES + 4;
                compressedLength[b] = next - dataAt[b];
                if (rawLength[b] < 0 || rawLength[b] > BLOCK_ROWS * 8 + 16 || dataAt[b] > next) {
                    throw new CorruptSegmentException(what + " has a damaged block " + b);
                }
            }
        }
    }

    ColumnType type() {
        return type;
    }

    int rows() {
        return rows;
    }

    long getLong(int row) {
        int b = row >>> BLOCK_SHIFT;
        int kind = kinds[b];
        if (type != ColumnType.LONG && (kind & BlockCodec.INTEGRAL) == 0) {
            return (long) getDouble(row);
        }
        if ((kind & BlockCodec.KIND_MASK) == BlockCodec.CONSTANT) {
            return bases[b];
        }
        ByteBuffer bytes = (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
        int at = (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
        if ((kind & BlockCodec.KIND_MASK) == BlockCodec.TABLE) {
            int index = (int) BlockCodec.unpack(bytes, at + (int) bases[b], 0, widths[b], row & BLOCK_MASK);
            return bytes.getLong(at + 2 + 8 * index);
        }
        return BlockCodec.unpack(bytes, at, bases[b], widths[b], row & BLOCK_MASK);
    }

    double getDouble(int row) {
        int b = row >>> BLOCK_SHIFT;
        int kind = kinds[b];
        int raw = kind & BlockCodec.KIND_MASK;
        if (raw == BlockCodec.DECIMAL) {
            ByteBuffer bytes = (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
            int at = (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
            return BlockCodec.decimal(bytes, at, bases[b], widths[b], row & BLOCK_MASK);
        }
        if (raw != BlockCodec.RAW64 && raw != BlockCodec.RAW32) {
            return getLong(row);
        }
        ByteBuffer bytes = (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
        int at = (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
        int i = row & BLOCK_MASK;
        return raw == BlockCodec.RAW64 ? bytes.getDouble(at + 8 * i) : bytes.getFloat(at + 4 * i);
    }

    /** Rows {@code [start, end)} as longs into {@code out[0, end - start)}. */
    void readLongs(int start, int end, long[] out) {
        int done = 0;
        while (start < end) {
            int b = start >>> BLOCK_SHIFT;
            int blockEnd = Math.min(end, (b + 1) << BLOCK_SHIFT);
            int kind = kinds[b];
            int raw = kind & BlockCodec.KIND_MASK;
            if (raw == BlockCodec.RAW64 || raw == BlockCodec.RAW32 || raw == BlockCodec.DECIMAL) {
                for (int row = start; row < blockEnd; row++) {
                    out[done++] = (long) getDouble(row);
                }
            } else if (raw == BlockCodec.CONSTANT) {
                java.util.Arrays.fill(out, done, done + blockEnd - start, bases[b]);
                done += blockEnd - start;
            } else if (raw == BlockCodec.TABLE) {
                ByteBuffer bytes = (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
                int at = (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
                int n = blockEnd - start;
                BlockCodec.unpack(bytes, at + (int) bases[b], 0, widths[b], start & BLOCK_MASK, blockEnd - (b << BLOCK_SHIFT), out, done);
                for (int i = done; i < done + n; i++) {
                    out[i] = bytes.getLong(at + 2 + 8 * (int) out[i]);
                }
                done += n;
            } else {
                ByteBuffer bytes = (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
                int at = (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
                BlockCodec.unpack(bytes, at, bases[b], widths[b], start & BLOCK_MASK, blockEnd - (b << BLOCK_SHIFT), out, done);
                done += blockEnd - start;
            }
            start = blockEnd;
        }
    }

    /** {@link dev.tributary.core.column.NumericColumn#foldLongs} over rows {@code [start, end)}, {@code start < end}. */
    long foldLongs(int start, int end, dev.tributary.core.column.NumericColumn.LongFold fold) {
        boolean first = true;
        long acc = 0;
        while (start < end) {
            int b = start >>> BLOCK_SHIFT;
            int blockEnd = Math.min(end, (b + 1) << BLOCK_SHIFT);
            int kind = kinds[b];
            int raw = kind & BlockCodec.KIND_MASK;
            long part;
            if (type == ColumnType.LONG && (raw == BlockCodec.PACKED || raw == BlockCodec.CONSTANT)) {
                ByteBuffer bytes = raw == BlockCodec.CONSTANT || (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
                int at = raw == BlockCodec.CONSTANT || (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
                part = BlockCodec.foldPacked(bytes, at, bases[b], raw == BlockCodec.CONSTANT ? 0 : widths[b],
                        start & BLOCK_MASK, blockEnd - (b << BLOCK_SHIFT), fold);
            } else {
                long[] values = SCRATCH.get();
                readLongs(start, blockEnd, values);
                part = values[0];
                for (int i = 1; i < blockEnd - start; i++) {
                    part = combine(fold, part, values[i]);
                }
            }
            acc = first ? part : combine(fold, acc, part);
            first = false;
            start = blockEnd;
        }
        return acc;
    }

    /** {@link dev.tributary.core.column.NumericColumn#sumDoubles} over rows {@code [start, end)}. */
    double sumDoubles(int start, int end, double acc) {
        while (start < end) {
            int b = start >>> BLOCK_SHIFT;
            int blockEnd = Math.min(end, (b + 1) << BLOCK_SHIFT);
            int kind = kinds[b];
            int raw = kind & BlockCodec.KIND_MASK;
            ByteBuffer bytes = (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
            int at = (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
            int first = start & BLOCK_MASK;
            int last = blockEnd - (b << BLOCK_SHIFT);
            if (raw == BlockCodec.RAW64) {
                for (int i = first; i < last; i++) {
                    acc += bytes.getDouble(at + 8 * i);
                }
            } else {
                // decoded first, then added: decoding inline with the additions was slower here
                double[] doubles = DOUBLES.get();
                readDoubles(start, blockEnd, doubles);
                for (int i = 0; i < blockEnd - start; i++) {
                    acc += doubles[i];
                }
            }
            start = blockEnd;
        }
        return acc;
    }

    private static final ThreadLocal<double[]> DOUBLES = ThreadLocal.withInitial(() -> new double[BLOCK_ROWS]);

    private static long combine(dev.tributary.core.column.NumericColumn.LongFold fold, long a, long b) {
        return switch (fold) {
            case SUM -> a + b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
        };
    }

    private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[BLOCK_ROWS]);

    /** Rows {@code [start, end)} of a stream of small numbers (dictionary ids) into {@code out[0, end - start)}. */
    void readInts(int start, int end, int[] out) {
        long[] scratch = SCRATCH.get();
        for (int from = start; from < end; from += BLOCK_ROWS) {
            int to = Math.min(end, from + BLOCK_ROWS);
            readLongs(from, to, scratch);
            for (int i = 0; i < to - from; i++) {
                out[from - start + i] = (int) scratch[i];
            }
        }
    }

    /** Rows {@code [start, end)} as doubles into {@code out[0, end - start)}. */
    void readDoubles(int start, int end, double[] out) {
        int done = 0;
        while (start < end) {
            int b = start >>> BLOCK_SHIFT;
            int blockEnd = Math.min(end, (b + 1) << BLOCK_SHIFT);
            int n = blockEnd - start;
            int kind = kinds[b];
            int raw = kind & BlockCodec.KIND_MASK;
            ByteBuffer bytes = (kind & BlockCodec.LZ4) == 0 ? in : decompress(b);
            int at = (kind & BlockCodec.LZ4) == 0 ? dataAt[b] : 0;
            int first = start & BLOCK_MASK;
            if (raw == BlockCodec.RAW64) {
                bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(at + 8 * first).asDoubleBuffer().get(out, done, n);
            } else if (raw == BlockCodec.RAW32) {
                for (int i = 0; i < n; i++) {
                    out[done + i] = bytes.getFloat(at + 4 * (first + i));
                }
            } else if (raw == BlockCodec.CONSTANT) {
                java.util.Arrays.fill(out, done, done + n, (double) bases[b]);
            } else if (raw == BlockCodec.TABLE) {
                for (int i = 0; i < n; i++) {
                    out[done + i] = getLong(start + i);
                }
            } else if (raw == BlockCodec.DECIMAL) {
                BlockCodec.unpackDecimal(bytes, at, bases[b], widths[b], first, first + n, out, done);
            } else {
                BlockCodec.unpackDoubles(bytes, at, bases[b], widths[b], first, first + n, out, done);
            }
            done += n;
            start = blockEnd;
        }
    }

    private ByteBuffer decompress(int block) {
        Decompressed[] cache = DECOMPRESSED.get();
        int slot = (cacheSeed + block) & (CACHED_BLOCKS - 1);
        Decompressed d = cache[slot];
        if (d == null) {
            d = new Decompressed();
            cache[slot] = d;
        }
        if (d.owner != this || d.block != block) {
            int length = BlockCodec.DECOMPRESSOR.decompress(in, dataAt[block], compressedLength[block], d.bytes, 0, d.bytes.capacity());
            if (length != rawLength[block]) {
                throw new CorruptSegmentException("a compressed block decompressed to " + length + " bytes, not " + rawLength[block]);
            }
            d.owner = this;
            d.block = block;
        }
        return d.bytes;
    }
}
