package dev.tributary.core.query.grouping;

import java.util.Arrays;

/**
 * An open-addressing hash table of fixed-width int-array keys, numbering them 0, 1, 2, ... in the
 * order first added: the composite-key table of grouping when the key parts do not fit one long.
 * Keys live in one flat array, so adding an existing key allocates nothing. One thread.
 */
final class IntArrayTable {
    private final int width;
    private int[] keys;
    private int[] hashes;
    /** group + 1; 0 marks an empty slot. */
    private int[] table;
    private int size;

    IntArrayTable(int width, int expected) {
        this.width = width;
        this.keys = new int[Math.max(16, expected) * width];
        this.hashes = new int[Math.max(16, expected)];
        this.table = new int[Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1];
    }

    int size() {
        return size;
    }

    int width() {
        return width;
    }

    /** Part {@code part} of key number {@code group}. */
    int part(int group, int part) {
        return keys[group * width + part];
    }

    /** The number of {@code key}; when absent, adds it as number {@code size()}. */
    int getOrAdd(int[] key) {
        int hash = hash(key);
        int mask = table.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return add(key, hash, slot);
            }
            int group = entry - 1;
            if (hashes[group] == hash && sameKey(group, key)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameKey(int group, int[] key) {
        int base = group * width;
        for (int i = 0; i < width; i++) {
            if (keys[base + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(int[] key, int hash, int slot) {
        int group = size;
        if (group == hashes.length) {
            hashes = Arrays.copyOf(hashes, group * 2);
            keys = Arrays.copyOf(keys, group * 2 * width);
        }
        System.arraycopy(key, 0, keys, group * width, width);
        hashes[group] = hash;
        table[slot] = group + 1;
        size = group + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return group;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int group = 0; group < size; group++) {
            int slot = hashes[group] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = group + 1;
        }
    }

    private int hash(int[] key) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < width; i++) {
            h = (h ^ key[i]) * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }
}
