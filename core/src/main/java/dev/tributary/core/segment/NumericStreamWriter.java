package dev.tributary.core.segment;

import static dev.tributary.core.segment.BlockCodec.BLOCK_ROWS;

import dev.tributary.core.column.ColumnType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run of longs, floats or doubles as blocks ({@link BlockCodec}), streaming: memory holds
 * one block whatever the row count. After the blocks comes the directory {@link NumericStream} reads:
 * <pre>[block offsets: int] x (blocks + 1) [rows: int][blocks: int][type: byte]</pre>
 * Used by one thread.
 */
final class NumericStreamWriter {
    private final ColumnType type;
    private final SegmentOutput out;
    private final long start;
    private final long[] longs = new long[BLOCK_ROWS];
    private final double[] doubles;
    private final long[] packed = new long[BlockCodec.packedWords(BLOCK_ROWS, 64)];
    private final ByteBuffer payload = ByteBuffer.allocate(BLOCK_ROWS * 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
    private final byte[] compressed = new byte[BlockCodec.COMPRESSOR.maxCompressedLength(BLOCK_ROWS * 8 + 16)];
    private final List<Integer> offsets = new ArrayList<>();
    private int inBlock;
    private int rows;

    NumericStreamWriter(ColumnType type, SegmentOutput out) {
        if (!type.isNumeric()) {
            throw new IllegalArgumentException("not a numeric type: " + type);
        }
        this.type = type;
        this.out = out;
        this.start = out.position();
        this.doubles = type == ColumnType.LONG ? null : new double[BLOCK_ROWS];
    }

    void addLong(long value) throws IOException {
        if (type != ColumnType.LONG) {
            addDouble(value);
            return;
        }
        longs[inBlock++] = value;
        rowAdded();
    }

    void addDouble(double value) throws IOException {
        if (type == ColumnType.LONG) {
            addLong((long) value);
            return;
        }
        doubles[inBlock++] = type == ColumnType.FLOAT ? (float) value : value;
        rowAdded();
    }

    private void rowAdded() throws IOException {
        rows++;
        if (inBlock == BLOCK_ROWS) {
            writeBlock();
        }
    }

    /** Writes the last block and the directory. */
    void finish() throws IOException {
        if (inBlock > 0) {
            writeBlock();
        }
        offsets.add((int) (out.position() - start));
        for (int offset : offsets) {
            out.writeInt(offset);
        }
        out.writeInt(rows);
        out.writeInt(offsets.size() - 1);
        out.writeByte(type.ordinal());
    }

    private void writeBlock() throws IOException {
        offsets.add((int) (out.position() - start));
        int n = inBlock;
        inBlock = 0;
        int flags = 0;
        if (type != ColumnType.LONG) {
            if (!wholeNumbers(n)) {
                writeRaw(n);
                return;
            }
            flags = BlockCodec.INTEGRAL;
            for (int i = 0; i < n; i++) {
                longs[i] = (long) doubles[i];
            }
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, longs[i]);
            max = Math.max(max, longs[i]);
        }
        if (min == max) {
            header(BlockCodec.CONSTANT | flags, min, 0);
            return;
        }
        int width = BlockCodec.width(max - min);
        int words = BlockCodec.packedWords(n, width);
        BlockCodec.pack(longs, n, min, width, packed);
        payload.clear();
        payload.asLongBuffer().put(packed, 0, words);
        payload.position(words * 8);
        writePayload(BlockCodec.PACKED | flags, min, width);
    }

    /** Whole numbers within the range where doubles hold every integer exactly, and no -0.0. */
    private boolean wholeNumbers(int n) {
        for (int i = 0; i < n; i++) {
            double v = doubles[i];
            if (v != Math.rint(v) || Math.abs(v) > 0x1p53 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                return false;
            }
        }
        return true;
    }

    private void writeRaw(int n) throws IOException {
        payload.clear();
        if (type == ColumnType.FLOAT) {
            for (int i = 0; i < n; i++) {
                payload.putFloat((float) doubles[i]);
            }
            payload.putLong(0L); // padding, as after packed words
            writePayload(BlockCodec.RAW32, 0, 32);
        } else {
            for (int i = 0; i < n; i++) {
                payload.putDouble(doubles[i]);
            }
            payload.putLong(0L);
            writePayload(BlockCodec.RAW64, 0, 64);
        }
    }

    private void header(int kind, long base, int width) throws IOException {
        out.writeByte(kind);
        out.writeLong(base);
        out.writeByte(width);
    }

    /** The payload in {@link #payload}[0, position), LZ4-compressed when that saves a quarter. */
    private void writePayload(int kind, long base, int width) throws IOException {
        int length = payload.position();
        int packedLength = BlockCodec.COMPRESSOR.compress(payload.array(), 0, length, compressed, 0, compressed.length);
        if (packedLength <= length - length / 4) {
            header(kind | BlockCodec.LZ4, base, width);
            out.writeInt(length);
            out.write(compressed, 0, packedLength);
        } else {
            header(kind, base, width);
            out.write(payload.array(), 0, length);
        }
    }
}
