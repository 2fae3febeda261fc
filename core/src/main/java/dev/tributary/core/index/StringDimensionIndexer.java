package dev.tributary.core.index;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.Column;
import dev.tributary.core.column.StringColumn;
import dev.tributary.core.input.SharedValueList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A string dimension of a live index. Values are dictionary ids in insertion order (id 0 is null).
 * A row stores one int: a dictionary id, or, for a multi-value row, {@code -(k + 1)} where {@code k}
 * indexes the distinct value lists seen so far (so equal lists share one entry and roll up together).
 *
 * <p>The dictionary is safe to read from any thread at any time: ids only ever get added. The writer
 * stores a value's name before it publishes the name array (a volatile field), and publishes the
 * name array before the hash-table entry that points at it (a release store, read with acquire), so
 * a reader that finds an entry also finds its name. A reader holding a table that a rehash has since
 * replaced may miss a value added after it started, exactly as if it had looked a moment earlier.
 */
final class StringDimensionIndexer implements DimensionIndexer, StringColumn {
    /** Event-order lists remembered at most; past this, new ones are sorted every time they come. */
    private static final int MAX_RAW_LISTS = 1 << 16;
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final boolean sortValues;
    private final boolean dedupeValues;
    private volatile String[] names = new String[16];
    private volatile int cardinality = 1;
    private final List<int[]> lists = new ArrayList<>();
    private int[] listTable = new int[16];
    /** Lists as events gave them (value ids in event order), with the key each maps to; see {@link #encodeList}. */
    private final List<int[]> rawLists = new ArrayList<>();
    private long[] rawListKeys = new long[16];
    private int[] rawListTable = new int[16];
    /** Lists shared by the event reader, with their keys; see {@link #sharedListKey}. */
    private static final int SHARED_SLOTS = 1024;
    private final SharedValueList[] sharedLists = new SharedValueList[SHARED_SLOTS];
    private final long[] sharedKeys = new long[SHARED_SLOTS];
    private String[] scratchTexts = new String[8];
    private int[] scratchIds = new int[8];
    private int[] rows = new int[1024];
    private long dictionaryBytes;
    private volatile boolean multiValued;

    StringDimensionIndexer(String multiValueHandling) {
        this.sortValues = !"array".equals(multiValueHandling);
        this.dedupeValues = "sorted_set".equals(multiValueHandling);
    }

    @Override
    public long encode(Object input) {
        if (input instanceof List<?> list) {
            return list instanceof SharedValueList shared ? sharedListKey(shared) : listKey(list);
        }
        return input == null ? NULL_ID : id(Values.toText(input));
    }

    private long listKey(List<?> list) {
        if (list.isEmpty()) {
            return NULL_ID;
        }
        if (list.size() == 1) {
            return id(Values.toText(list.get(0)));
        }
        return encodeList(list);
    }

    /**
     * The key of a list the event reader shares between events: what this instance got last time,
     * found by identity in a small direct-mapped table, or worked out as for any list.
     */
    private long sharedListKey(SharedValueList list) {
        int slot = list.bytesHash() & (SHARED_SLOTS - 1);
        if (sharedLists[slot] == list) {
            return sharedKeys[slot];
        }
        long key = listKey(list);
        sharedLists[slot] = list;
        sharedKeys[slot] = key;
        return key;
    }

    /**
     * A list of two or more values: ordered and deduplicated as the handling says, then one list id.
     * Events tend to repeat the same lists in the same order, so the key a list gets is remembered by
     * its values' ids in event order: a list seen before costs its id lookups and one probe, with no
     * sorting.
     */
    private long encodeList(List<?> list) {
        int n = list.size();
        if (scratchIds.length < n) {
            scratchTexts = new String[n];
            scratchIds = new int[n];
        }
        int[] raw = scratchIds;
        int hash = 1;
        for (int i = 0; i < n; i++) {
            raw[i] = id(Values.toText(list.get(i)));
            hash = 31 * hash + raw[i];
        }
        int slot = rawListSlot(raw, n, hash);
        if (rawListTable[slot] != 0) {
            return rawListKeys[rawListTable[slot] - 1];
        }
        long key = orderedListKey(raw, n);
        rememberRawList(slot, raw, n, key);
        return key;
    }

    /** The key of the list whose values have the ids {@code raw[0 .. n)} in event order: sorts and dedupes by value. */
    private long orderedListKey(int[] raw, int n) {
        String[] texts = scratchTexts;
        for (int i = 0; i < n; i++) {
            texts[i] = names[raw[i]];
        }
        if (sortValues) {
            insertionSort(texts, n);
        }
        if (dedupeValues) {
            int kept = 1;
            for (int i = 1; i < n; i++) {
                if (!java.util.Objects.equals(texts[i], texts[kept - 1])) {
                    texts[kept++] = texts[i];
                }
            }
            n = kept;
            if (n == 1) {
                int only = id(texts[0]);
                texts[0] = null;
                return only;
            }
        }
        int[] encoded = new int[n];
        int hash = 1;
        for (int i = 0; i < n; i++) {
            encoded[i] = id(texts[i]);
            hash = 31 * hash + encoded[i];
            texts[i] = null;
        }
        return -(listId(encoded, n, hash) + 1);
    }

    /** The slot of the event-order list {@code raw[0 .. n)} in {@link #rawListTable}, or the empty slot where it goes. */
    private int rawListSlot(int[] raw, int n, int hash) {
        int mask = rawListTable.length - 1;
        int slot = mix(hash) & mask;
        for (int entry = rawListTable[slot]; entry != 0; entry = rawListTable[slot = (slot + 1) & mask]) {
            int[] known = rawLists.get(entry - 1);
            if (Arrays.equals(known, 0, known.length, raw, 0, n)) {
                return slot;
            }
        }
        return slot;
    }

    private void rememberRawList(int slot, int[] raw, int n, long key) {
        if (rawLists.size() >= MAX_RAW_LISTS) {
            return;
        }
        int index = rawLists.size();
        rawLists.add(Arrays.copyOf(raw, n));
        if (index == rawListKeys.length) {
            rawListKeys = Arrays.copyOf(rawListKeys, index * 2);
        }
        rawListKeys[index] = key;
        rawListTable[slot] = index + 1;
        dictionaryBytes += 16 + 4L * n + 12;
        if (rawLists.size() * 2 > rawListTable.length) {
            rawListTable = rehashLists(rawListTable, rawLists);
        }
    }

    /** Sorts small lists nulls first, then by natural order, as {@code sorted_array} wants. */
    private static void insertionSort(String[] texts, int n) {
        for (int i = 1; i < n; i++) {
            String value = texts[i];
            int j = i - 1;
            while (j >= 0 && NULLS_FIRST.compare(texts[j], value) > 0) {
                texts[j + 1] = texts[j];
                j--;
            }
            texts[j + 1] = value;
        }
    }

    /**
     * The index of the list {@code ids[0 .. n)} among {@link #lists}, added if new: an open-addressing
     * table of list indexes + 1 (0 = empty slot), so that a known list costs no allocation.
     */
    private int listId(int[] ids, int n, int hash) {
        int mask = listTable.length - 1;
        int slot = mix(hash) & mask;
        for (int entry = listTable[slot]; entry != 0; entry = listTable[slot = (slot + 1) & mask]) {
            int[] known = lists.get(entry - 1);
            if (Arrays.equals(known, 0, known.length, ids, 0, n)) {
                return entry - 1;
            }
        }
        int listId = lists.size();
        lists.add(Arrays.copyOf(ids, n));
        listTable[slot] = listId + 1;
        multiValued = true;
        if (lists.size() * 2 > listTable.length) {
            listTable = rehashLists(listTable, lists);
        }
        return listId;
    }

    /** A table twice the size of {@code table} holding the same entries (indexes + 1 into {@code lists}). */
    private static int[] rehashLists(int[] table, List<int[]> lists) {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int entry : table) {
            if (entry != 0) {
                int at = mix(Arrays.hashCode(lists.get(entry - 1))) & mask;
                while (bigger[at] != 0) {
                    at = (at + 1) & mask;
                }
                bigger[at] = entry;
            }
        }
        return bigger;
    }

    private static final VarHandle TABLE_ENTRY = MethodHandles.arrayElementVarHandle(long[].class);

    /**
     * The name-to-id lookup: open addressing over pairs of longs. A slot's first long packs (hash,
     * id + 1), 0 for an empty slot; its second holds the value itself when it is at most
     * {@link #INLINE_CHARS} Latin-1 characters (see {@link #inline}), else 0. A hit on a short value
     * then costs one probe and no look at the String; longer values are compared with the name. Only
     * the writer changes it; see the class comment for how readers use it.
     */
    private volatile long[] table = new long[2 * 64];

    private int id(String value) {
        if (value == null) {
            return NULL_ID;
        }
        int hash = value.hashCode();
        long inline = inline(value);
        long[] entries = table;
        int mask = (entries.length >> 1) - 1;
        int slot = mix(hash) & mask;
        for (long entry = entries[2 * slot]; entry != 0; entry = entries[2 * (slot = (slot + 1) & mask)]) {
            if ((int) (entry >>> 32) == hash && matches(entries[2 * slot + 1], inline, (int) entry - 1, value)) {
                return (int) entry - 1;
            }
        }
        int id = addValue(value);
        entries[2 * slot + 1] = inline;
        TABLE_ENTRY.setRelease(entries, 2 * slot, ((long) hash << 32) | (id + 1L));
        if (cardinality * 2 > mask + 1) {
            rehash();
        }
        return id;
    }

    /** Whether the entry whose inline word is {@code stored} and whose id is {@code id} holds {@code value}. */
    private boolean matches(long stored, long inline, int id, String value) {
        return inline != 0 ? stored == inline : stored == 0 && names[id].equals(value);
    }

    /** Values of at most this many characters, all Latin-1, are kept in the table itself. */
    private static final int INLINE_CHARS = 7;

    /**
     * The value packed into one long (length + 1 in the low byte, then one byte per character), or 0
     * when it is longer than {@link #INLINE_CHARS} or not Latin-1. Two values pack equal only if they
     * are equal.
     */
    private static long inline(String value) {
        int length = value.length();
        if (length > INLINE_CHARS) {
            return 0;
        }
        long packed = length + 1;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return 0;
            }
            packed |= (long) c << (8 * (i + 1));
        }
        return packed;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void rehash() {
        long[] entries = table;
        long[] bigger = new long[entries.length * 2];
        int mask = (bigger.length >> 1) - 1;
        for (int old = 0; old < entries.length; old += 2) {
            long entry = entries[old];
            if (entry != 0) {
                int slot = mix((int) (entry >>> 32)) & mask;
                while (bigger[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[2 * slot] = entry;
                bigger[2 * slot + 1] = entries[old + 1];
            }
        }
        table = bigger;
    }

    private int addValue(String value) {
        int next = cardinality;
        String[] current = names;
        if (next == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
        }
        current[next] = value;
        names = current;
        cardinality = next + 1;
        dictionaryBytes += 56 + 2L * value.length();
        return next;
    }

    @Override
    public void append(int row, long key) {
        if (row == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        rows[row] = (int) key;
    }

    @Override
    public long keyAt(int row) {
        return rows[row];
    }

    @Override
    public Column asColumn() {
        return this;
    }

    @Override
    public int bytesPerRow() {
        return 4;
    }

    @Override
    public long dictionaryBytes() {
        return dictionaryBytes;
    }

    @Override
    public int cardinality() {
        return cardinality;
    }

    @Override
    public String lookupName(int id) {
        return names[id];
    }

    @Override
    public int lookupId(String value) {
        if (value == null) {
            return NULL_ID;
        }
        int hash = value.hashCode();
        long inline = inline(value);
        long[] entries = table;
        int mask = (entries.length >> 1) - 1;
        int slot = mix(hash) & mask;
        for (long entry = (long) TABLE_ENTRY.getAcquire(entries, 2 * slot); entry != 0;
                entry = (long) TABLE_ENTRY.getAcquire(entries, 2 * (slot = (slot + 1) & mask))) {
            if ((int) (entry >>> 32) == hash && matches(entries[2 * slot + 1], inline, (int) entry - 1, value)) {
                return (int) entry - 1;
            }
        }
        return -1;
    }

    @Override
    public boolean hasMultipleValues() {
        return multiValued;
    }

    @Override
    public int getId(int row) {
        int stored = rows[row];
        if (stored >= 0) {
            return stored;
        }
        int[] list = lists.get(-stored - 1);
        return list.length == 0 ? NULL_ID : list[0];
    }

    @Override
    public int valueCount(int row) {
        int stored = rows[row];
        return stored >= 0 ? 1 : lists.get(-stored - 1).length;
    }

    @Override
    public int getId(int row, int index) {
        int stored = rows[row];
        return stored >= 0 ? stored : lists.get(-stored - 1)[index];
    }
}
