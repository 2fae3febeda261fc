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
                if (type == ColumnType.FLOAT || !writeDecimal(n)) {
                    writeRaw(n);
                }
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
        if (width > 8 && writeTable(n, width, flags)) {
            return;
        }
        int words = BlockCodec.packedWords(n, width);
        BlockCodec.pack(longs, n, min, width, packed);
        payload.clear();
        payload.asLongBuffer().put(packed, 0, words);
        payload.position(words * 8);
        writePayload(BlockCodec.PACKED | flags, min, width);
    }

    /** Writes the block as a {@link BlockCodec#TABLE} if it has few distinct values and that is smaller. */
    private boolean writeTable(int n, int width, int flags) throws IOException {
        long[] sorted = java.util.Arrays.copyOf(longs, n);
        java.util.Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < n && distinct <= BlockCodec.MAX_TABLE; i++) {
            if (sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        if (distinct > BlockCodec.MAX_TABLE) {
            return false;
        }
        int indexWidth = BlockCodec.width(distinct - 1);
        if (2 + 8L * distinct + 8L * BlockCodec.packedWords(n, indexWidth) >= 8L * BlockCodec.packedWords(n, width)) {
            return false;
        }
        long[] indexes = new long[n];
        for (int i = 0; i < n; i++) {
            indexes[i] = java.util.Arrays.binarySearch(sorted, 0, distinct, longs[i]);
        }
        int words = BlockCodec.packedWords(n, indexWidth);
        BlockCodec.pack(indexes, n, 0, indexWidth, packed);
        payload.clear();
        payload.putShort((short) distinct);
        for (int i = 0; i < distinct; i++) {
            payload.putLong(sorted[i]);
        }
        int packedAt = payload.position();
        payload.asLongBuffer().put(packed, 0, words);
        payload.position(packedAt + words * 8);
        writePayload(BlockCodec.TABLE | flags, packedAt, indexWidth);
        return true;
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

    /**
     * Writes the block as {@link BlockCodec#DECIMAL} if some scale brings back all but a quarter of
     * its values bit for bit and that is smaller than raw doubles.
     */
    private boolean writeDecimal(int n) throws IOException {
        int bestScale = -1;
        int bestExceptions = n / 4 + 1;
        for (int e = 1; e < BlockCodec.POWERS.length; e++) {
            int exceptions = 0;
            for (int i = 0; i < n && exceptions < bestExceptions; i++) {
                exceptions += decimalFits(doubles[i], e) ? 0 : 1;
            }
            if (exceptions < bestExceptions) {
                bestScale = e;
                bestExceptions = exceptions;
            }
        }
        if (bestScale < 0 || bestExceptions > 0xffff) {
            return false;
        }
        int e = bestScale;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int[] positions = new int[bestExceptions];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (decimalFits(doubles[i], e)) {
                longs[i] = Math.round(doubles[i] * BlockCodec.POWERS[e]);
                min = Math.min(min, longs[i]);
                max = Math.max(max, longs[i]);
            } else {
                positions[k++] = i;
            }
        }
        if (k == n) {
            return false;
        }
        for (int x = 0; x < k; x++) {
            longs[positions[x]] = min; // any value in range: it is patched when read
        }
        int width = BlockCodec.width(max - min);
        int words = BlockCodec.packedWords(n, width);
        if (3 + 10L * k + 8L * words >= 8L * n) {
            return false;
        }
        BlockCodec.pack(longs, n, min, width, packed);
        payload.clear();
        payload.put((byte) e);
        payload.putShort((short) k);
        for (int x = 0; x < k; x++) {
            payload.putShort((short) positions[x]);
        }
        for (int x = 0; x < k; x++) {
            payload.putDouble(doubles[positions[x]]);
        }
        for (int w = 0; w < words; w++) {
            payload.putLong(packed[w]);
        }
        writePayload(BlockCodec.DECIMAL, min, width);
        return true;
    }

    /** Whether {@code v} comes back bit for bit as {@code round(v * 10^e) * 10^-e}. */
    private static boolean decimalFits(double v, int e) {
        double scaled = v * BlockCodec.POWERS[e];
        if (!(Math.abs(scaled) < 0x1p52)) {
            return false;
        }
        double back = Math.round(scaled) * BlockCodec.INVERSE_POWERS[e];
        return Double.doubleToRawLongBits(back) == Double.doubleToRawLongBits(v);
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
