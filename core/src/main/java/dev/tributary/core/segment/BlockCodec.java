package dev.tributary.core.segment;

import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * How one block of up to {@link #BLOCK_ROWS} numbers is stored. A block starts with its kind byte:
 * <ul>
 *   <li>{@link #CONSTANT}: one long, every value;</li>
 *   <li>{@link #PACKED}: a base (long) and a bit width (byte), then each value minus the base in
 *       that many bits, packed into little-endian longs, plus one padding long (frame of reference:
 *       times, counts, sums and dictionary ids are small or close together);</li>
 *   <li>{@link #RAW64} / {@link #RAW32}: the values' IEEE bits, 8 or 4 bytes each (doubles and
 *       floats that are not whole numbers);</li>
 *   <li>{@link #DECIMAL}: doubles with few decimals (prices, sums of them), as {@code scaled *
 *       10^-e}: a byte {@code e}, a short {@code k}, {@code k} exceptions (short row positions, then
 *       the doubles) for values that do not come back bit for bit that way, then the scaled longs
 *       packed as in {@link #PACKED} from the base; decoding is one multiplication per value;</li>
 *   <li>{@link #TABLE}: at most {@link #MAX_TABLE} distinct values, sorted (a short count, then the
 *       longs), then each row's index into them packed in the base's place as in {@link #PACKED}
 *       (times of a coarse query granularity, and other columns of few values spread wide);</li>
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
    static final int TABLE = 4;
    static final int DECIMAL = 5;
    /** {@link #DECIMAL} scales: a value is {@code scaled * INVERSE_POWERS[e]}. */
    static final double[] POWERS = {1, 10, 100, 1000, 10000};
    static final double[] INVERSE_POWERS = {1, 0.1, 0.01, 0.001, 0.0001};
    /** At most this many distinct values make a {@link #TABLE} block. */
    static final int MAX_TABLE = 256;
    static final int KIND_MASK = 0x0f;
    static final int INTEGRAL = 0x40;
    static final int LZ4 = 0x80;

    private static final LZ4Factory LZ4_FACTORY = LZ4Factory.fastestInstance();
    static final LZ4Compressor COMPRESSOR = LZ4_FACTORY.fastCompressor();
    /** The safe decompressor: its JNI form runs natively on mapped (direct) buffers; the "fast" one is Java only. */
    static final LZ4SafeDecompressor DECOMPRESSOR = LZ4_FACTORY.safeDecompressor();

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

    /**
     * The sum, minimum or maximum of values {@code [from, to)} of a packed run, straight from the
     * packed bits ({@code from < to}): the base is added once, not per value.
     */
    static long foldPacked(ByteBuffer in, int at, long base, int width, int from, int to,
            dev.tributary.core.column.NumericColumn.LongFold fold) {
        if (width == 0) {
            return fold == dev.tributary.core.column.NumericColumn.LongFold.SUM ? base * (to - from) : base;
        }
        if (width > 57) {
            long[] values = new long[to - from];
            unpack(in, at, base, width, from, to, values, 0);
            long acc = values[0];
            for (int i = 1; i < values.length; i++) {
                acc = switch (fold) {
                    case SUM -> acc + values[i];
                    case MIN -> Math.min(acc, values[i]);
                    case MAX -> Math.max(acc, values[i]);
                };
            }
            return acc;
        }
        long mask = (1L << width) - 1;
        int bit = from * width;
        int end = to * width;
        switch (fold) {
            case SUM -> {
                long sum = 0;
                for (; bit < end; bit += width) {
                    sum += (in.getLong(at + (bit >>> 3)) >>> (bit & 7)) & mask;
                }
                return sum + base * (to - from);
            }
            case MIN -> {
                long min = Long.MAX_VALUE;
                for (; bit < end; bit += width) {
                    min = Math.min(min, (in.getLong(at + (bit >>> 3)) >>> (bit & 7)) & mask);
                }
                return base + min;
            }
            default -> {
                long max = 0;
                for (; bit < end; bit += width) {
                    max = Math.max(max, (in.getLong(at + (bit >>> 3)) >>> (bit & 7)) & mask);
                }
                return base + max;
            }
        }
    }

    /** Values {@code [from, to)} of a {@link #DECIMAL} payload at {@code at} into {@code out[offset, ...)}. */
    static void unpackDecimal(ByteBuffer in, int at, long base, int width, int from, int to, double[] out, int offset) {
        double factor = INVERSE_POWERS[in.get(at)];
        int exceptions = in.getShort(at + 1) & 0xffff;
        int packedAt = at + 3 + 10 * exceptions;
        long mask = width == 64 ? -1L : (1L << width) - 1;
        int bit = from * width;
        for (int i = offset, end = offset + to - from; i < end; i++, bit += width) {
            long v = in.getLong(packedAt + (bit >>> 3)) >>> (bit & 7);
            out[i] = (base + (v & mask)) * factor;
        }
        for (int x = 0; x < exceptions; x++) {
            int position = in.getShort(at + 3 + 2 * x) & 0xffff;
            if (position >= from && position < to) {
                out[offset + position - from] = in.getDouble(at + 3 + 2 * exceptions + 8 * x);
            }
        }
    }

    /** Value {@code i} of a {@link #DECIMAL} payload. */
    static double decimal(ByteBuffer in, int at, long base, int width, int i) {
        int exceptions = in.getShort(at + 1) & 0xffff;
        for (int x = 0; x < exceptions; x++) {
            if ((in.getShort(at + 3 + 2 * x) & 0xffff) == i) {
                return in.getDouble(at + 3 + 2 * exceptions + 8 * x);
            }
        }
        return unpack(in, at + 3 + 10 * exceptions, base, width, i) * INVERSE_POWERS[in.get(at)];
    }

    private static final ThreadLocal<long[]> LONGS = ThreadLocal.withInitial(() -> new long[BLOCK_ROWS]);

    /** As {@link #unpack(ByteBuffer, int, long, int, int, int, long[], int)}, converted to doubles. */
    static void unpackDoubles(ByteBuffer in, int at, long base, int width, int from, int to, double[] out, int offset) {
        long[] longs = LONGS.get();
        unpack(in, at, base, width, from, to, longs, 0);
        for (int i = 0; i < to - from; i++) {
            out[offset + i] = longs[i];
        }
    }

    /**
     * Values {@code [from, to)} of a packed run into {@code out[offset, offset + to - from)}: one
     * unaligned little-endian load per value, at the byte holding its first bit. Widths above 57 bits
     * (rare: values spread over nearly the whole long range) take two loads per value.
     */
    static void unpack(ByteBuffer in, int at, long base, int width, int from, int to, long[] out, int offset) {
        int n = to - from;
        if (width == 0) {
            java.util.Arrays.fill(out, offset, offset + n, base);
            return;
        }
        if (width > 57) {
            for (int i = 0; i < n; i++) {
                out[offset + i] = unpack(in, at, base, width, from + i);
            }
            return;
        }
        long mask = (1L << width) - 1;
        // the value's bits fit in the loaded 64 after a shift of at most 7 (the padding word makes
        // the last load safe); a block holds at most 8192 values of 64 bits, so bit positions fit an int
        int bit = from * width;
        for (int i = offset, end = offset + n; i < end; i++, bit += width) {
            long v = in.getLong(at + (bit >>> 3)) >>> (bit & 7);
            out[i] = base + (v & mask);
        }
    }
}
