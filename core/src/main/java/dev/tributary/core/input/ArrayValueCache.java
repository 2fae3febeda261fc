package dev.tributary.core.input;

import java.util.Arrays;
import java.util.List;

/**
 * The array values of one field that the event reader has seen, by their exact bytes, as
 * {@link SharedValueList}s. Direct-mapped: an array takes the slot of an earlier one that hashes alike.
 *
 * <p>A field whose arrays rarely repeat would only pay for the look-ups, so the cache checks its hit
 * rate every {@link #SAMPLE} look-ups and, below a quarter, empties itself and stands aside for the
 * next {@link #PAUSE} arrays before trying again. So a field's arrays take at most {@code SIZE} slots
 * of at most {@link #MAX_BYTES} bytes each, and only while they repeat.
 *
 * <p>Not thread-safe: one per field and parsing thread.
 */
final class ArrayValueCache {
    /** Arrays of more bytes than this are not cached. */
    static final int MAX_BYTES = 512;
    private static final int SIZE = 1024;
    private static final int SAMPLE = 1024;
    private static final int PAUSE = 1 << 14;

    private final byte[][] keys = new byte[SIZE][];
    private final SharedValueList[] lists = new SharedValueList[SIZE];
    private int lookups;
    private int hits;
    private int paused;

    /** Whether the field's next array should be looked up here; false while the cache stands aside. */
    boolean active() {
        if (paused == 0) {
            return true;
        }
        paused--;
        return false;
    }

    /** The list cached for exactly the bytes {@code in[from .. from + length)}, whose hash is {@code hash}; null if none. */
    SharedValueList find(byte[] in, int from, int length, int hash) {
        int slot = slot(hash);
        byte[] key = keys[slot];
        boolean hit = key != null && key.length == length && lists[slot].bytesHash() == hash
                && Arrays.equals(key, 0, length, in, from, from + length);
        if (hit) {
            hits++;
        }
        if (++lookups == SAMPLE) {
            if (hits < SAMPLE / 4) {
                paused = PAUSE;
                // what a field of rarely repeating arrays left here would only take up memory
                Arrays.fill(keys, null);
                Arrays.fill(lists, null);
            }
            lookups = 0;
            hits = 0;
        }
        return hit ? lists[slot] : null;
    }

    /** Caches {@code parsed}, the values of the bytes {@code in[from .. from + length)}, and returns it as a shared list. */
    SharedValueList add(byte[] in, int from, int length, int hash, List<Object> parsed) {
        SharedValueList list = new SharedValueList(parsed.toArray(), hash);
        int slot = slot(hash);
        keys[slot] = Arrays.copyOfRange(in, from, from + length);
        lists[slot] = list;
        return list;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (SIZE - 1);
    }
}
