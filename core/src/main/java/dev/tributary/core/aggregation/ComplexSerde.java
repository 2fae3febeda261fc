package dev.tributary.core.aggregation;

import java.nio.ByteBuffer;

/**
 * Turns the objects of one complex column type (a {@link dev.tributary.core.column.ComplexColumn}'s
 * {@code typeName}) into bytes and back, one row at a time, so that a persisted column answers every
 * query exactly as the live column did. Get one from {@link ComplexSerdes#forType}.
 *
 * <p>Implementations are stateless and thread-safe: any number of threads may call any method at
 * once. Neither method ever sees or returns null; a row without an object is the caller's to mark.
 */
public interface ComplexSerde {
    /** The complex type this serde reads and writes, as {@code ComplexColumn.typeName()} names it. */
    String typeName();

    /**
     * The bytes of one row's object.
     *
     * @param value exactly what {@code ComplexColumn.getObject} returned for a row of this type; not null
     * @return a new array the caller owns
     * @throws IllegalArgumentException if {@code value} is not an object of this type
     */
    byte[] toBytes(Object value);

    /**
     * The object {@link #toBytes} was given, rebuilt from the bytes between {@code bytes.position()}
     * and {@code bytes.limit()}. The buffer may be direct (a slice of a memory-mapped file); its
     * position, limit and contents are left as they were, and the object keeps no reference to it.
     *
     * @return the object, of the class query code expects for this type: a new one unless it is immutable
     * @throws IllegalArgumentException if the bytes are not this type's form
     */
    Object fromBytes(ByteBuffer bytes);
}
