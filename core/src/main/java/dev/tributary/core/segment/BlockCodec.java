package dev.tributary.core.segment;

import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * How one block of up to {@link #BLOCK_ROWS} numbers is stored. A block starts with its kind byte:
 * <ul>
 *   <li>{@link #CONSTANT}: one long, every value;</li>
 *   <li>{@link #PACKED}: a base (long) and a bit width (byte), then each value minus the base in
 *       that many bits, packed into little-endian longs, plus one padding long (frame of reference:
 *       times, counts, sums and dictionary ids are small or close together);</li>
 *   <li>{@link #RAW64} / {@link #RAW32}: the values' IEEE bits, 8 or 4 bytes each (doubles and
 *       floats that are not whole numbers);</li>
 * </ul>
 * {@link #INTEGRAL} marks doubles or floats that are all whole numbers, stored as longs by one of the
 * first two kinds. {@link #LZ4} marks a payload compressed with LZ4 (an int with its raw length
 * first), used only when that saves at least a quarter, since it costs decoding time on every read.
 * Stateless and thread-safe.
 */
final class BlockCodec {
    static final int BLOCK_SHIFT = 13;
    static final int BLOCK_ROWS = 1 << BLOCK_SHIFT;
    static final int BLOCK_MASK = BLOCK_ROWS - 1;

    static final int CONSTANT = 0;
    static final int PACKED = 1;
    static final int RAW64 = 2;
    static final int RAW32 = 3;
    static final int KIND_MASK = 0x0f;
    static final int INTEGRAL = 0x40;
    static final int LZ4 = 0x80;

    private static final LZ4Factory LZ4_FACTORY = LZ4Factory.fastestInstance();
    static final LZ4Compressor COMPRESSOR = LZ4_FACTORY.fastCompressor();
    static final LZ4FastDecompressor DECOMPRESSOR = LZ4_FACTORY.fastDecompressor();

    private BlockCodec() {
    }

    /** Bits needed for unsigned {@code range}; 0 for 0. */
    static int width(long range) {
        return 64 - Long.numberOfLeadingZeros(range);
    }

    /** Packs {@code values[0, n) - base} in {@code width} bits each into {@code out} (its size: {@link #packedWords}). */
    static void pack(long[] values, int n, long base, int width, long[] out) {
        java.util.Arrays.fill(out, 0, packedWords(n, width), 0L);
        for (int i = 0; i < n; i++) {
            long v = values[i] - base;
            long bit = (long) i * width;
            int word = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            out[word] |= v << shift;
            if (shift + width > 64) {
                out[word + 1] |= v >>> (64 - shift);
            }
        }
    }

    /** Longs holding {@code n} values of {@code width} bits, plus one so that a read may always take two. */
    static int packedWords(int n, int width) {
        return (int) (((long) n * width + 63) >>> 6) + 1;
    }

    /** Value {@code i} of a packed run starting at byte {@code at} of {@code in}. */
    static long unpack(ByteBuffer in, int at, long base, int width, int i) {
        long bit = (long) i * width;
        int word = at + (int) (bit >>> 6) * 8;
        int shift = (int) (bit & 63);
        long v = in.getLong(word) >>> shift;
        if (shift + width > 64) {
            v |= in.getLong(word + 8) << (64 - shift);
        }
        return base + (width == 64 ? v : v & ((1L << width) - 1));
    }

    /** As {@link #unpack(ByteBuffer, int, long, int, int, int, long[], int)}, converted to doubles. */
    static void unpackDoubles(ByteBuffer in, int at, long base, int width, int from, int to, double[] out, int offset) {
        if (width == 0) {
            java.util.Arrays.fill(out, offset, offset + to - from, base);
            return;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long bit = (long) from * width;
        for (int i = 0; i < to - from; i++, bit += width) {
            int word = at + (int) (bit >>> 6) * 8;
            int shift = (int) (bit & 63);
            long v = in.getLong(word) >>> shift;
            if (shift + width > 64) {
                v |= in.getLong(word + 8) << (64 - shift);
            }
            out[offset + i] = base + (v & mask);
        }
    }

    /** Values {@code [from, to)} of a packed run into {@code out[offset, offset + to - from)}. */
    static void unpack(ByteBuffer in, int at, long base, int width, int from, int to, long[] out, int offset) {
        if (width == 0) {
            java.util.Arrays.fill(out, offset, offset + to - from, base);
            return;
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long bit = (long) from * width;
        for (int i = 0; i < to - from; i++, bit += width) {
            int word = at + (int) (bit >>> 6) * 8;
            int shift = (int) (bit & 63);
            long v = in.getLong(word) >>> shift;
            if (shift + width > 64) {
                v |= in.getLong(word + 8) << (64 - shift);
            }
            out[offset + i] = base + (v & mask);
        }
    }
}
