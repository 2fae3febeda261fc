package dev.tributary.core.input;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A JSON array value that the event reader hands out again to every later event of the same field
 * that holds the same bytes: events repeat their tag lists, so a repeat costs neither parsing nor
 * allocation, and whoever consumes it (a string dimension's dictionary) can remember what it made of
 * this instance and find it again by identity. Immutable, so sharing it between events is safe.
 */
public final class SharedValueList extends AbstractList<Object> implements RandomAccess {
    private final Object[] values;
    private final int hash;

    SharedValueList(Object[] values, int hash) {
        this.values = values;
        this.hash = hash;
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** A hash of the array's bytes, for consumers' identity-keyed tables; not {@link #hashCode()}. */
    public int bytesHash() {
        return hash;
    }
}
