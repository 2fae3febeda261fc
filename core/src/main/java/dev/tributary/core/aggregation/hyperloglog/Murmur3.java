package dev.tributary.core.aggregation.hyperloglog;

/**
 * MurmurHash3 x64 128-bit with seed 0, the hash Druid's HyperLogLog aggregators use. Hashes a byte
 * range without allocating; the result is in {@link #h1} and {@link #h2} (a 16-byte digest is
 * {@code h1} then {@code h2}, each little-endian). One instance per thread.
 */
final class Murmur3 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    long h1;
    long h2;

    void hash(byte[] data, int offset, int length) {
        long a = 0;
        long b = 0;
        int end = offset + (length & ~15);
        for (int i = offset; i < end; i += 16) {
            long k1 = littleEndianLong(data, i);
            long k2 = littleEndianLong(data, i + 8);
            a ^= mixK1(k1);
            a = Long.rotateLeft(a, 27) + b;
            a = a * 5 + 0x52dce729;
            b ^= mixK2(k2);
            b = Long.rotateLeft(b, 31) + a;
            b = b * 5 + 0x38495ab5;
        }
        int tail = length & 15;
        long k1 = 0;
        long k2 = 0;
        for (int i = tail - 1; i >= 8; i--) {
            k2 ^= (long) (data[end + i] & 0xff) << ((i - 8) * 8);
        }
        for (int i = Math.min(tail, 8) - 1; i >= 0; i--) {
            k1 ^= (long) (data[end + i] & 0xff) << (i * 8);
        }
        if (tail > 8) {
            b ^= mixK2(k2);
        }
        if (tail > 0) {
            a ^= mixK1(k1);
        }
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        h1 = a;
        h2 = b;
    }

    private static long littleEndianLong(byte[] data, int i) {
        return (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                | (data[i + 3] & 0xffL) << 24 | (data[i + 4] & 0xffL) << 32 | (data[i + 5] & 0xffL) << 40
                | (data[i + 6] & 0xffL) << 48 | (data[i + 7] & 0xffL) << 56;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
