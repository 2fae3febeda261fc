package dev.tributary.core.aggregation;

import java.util.Arrays;

/** A growable bit set: bit {@code i} says "slot or row i holds a value". One writer thread. */
final class ValueBits {
    private long[] words = new long[1];

    void ensureCapacity(int bits) {
        int needed = (bits + 63) >>> 6;
        if (needed > words.length) {
            words = Arrays.copyOf(words, Math.max(needed, words.length * 2));
        }
    }

    void set(int i) {
        words[i >>> 6] |= 1L << i;
    }

    void clear(int i) {
        words[i >>> 6] &= ~(1L << i);
    }

    boolean get(int i) {
        return (words[i >>> 6] & (1L << i)) != 0;
    }
}
