package dev.tributary.core.query.grouping;

import java.util.Arrays;

/**
 * An open-addressing hash map from long keys to non-negative int values, without boxing: the
 * composite-key table of grouping and the local dictionaries of numeric dimensions. One thread.
 */
final class LongIntMap {
    private long[] keys;
    /** value + 1; 0 marks an empty slot. */
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            int stored = values[slot];
            if (stored == 0) {
                return -1;
            }
            if (keys[slot] == key) {
                return stored - 1;
            }
        }
    }

    /** The value of {@code key}; when absent, stores {@code size()} as its value and returns that. */
    int getOrAddNext(long key) {
        int slot = hash(key) & mask;
        while (true) {
            int stored = values[slot];
            if (stored == 0) {
                int value = size;
                keys[slot] = key;
                values[slot] = value + 1;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return value;
            }
            if (keys[slot] == key) {
                return stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The keys in value order: {@code result[v]} is the key whose value is {@code v}. */
    long[] keysByValue() {
        long[] byValue = new long[size];
        for (int slot = 0; slot < keys.length; slot++) {
            if (values[slot] != 0) {
                byValue[values[slot] - 1] = keys[slot];
            }
        }
        return byValue;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                int slot = hash(oldKeys[i]) & mask;
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    @Override
    public String toString() {
        return "LongIntMap" + Arrays.toString(keysByValue());
    }
}
