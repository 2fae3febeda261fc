package dev.tributary.core.aggregation.hyperloglog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Feeds values into collectors the way Druid hashes them: Murmur3-128 of a value's UTF-8 bytes for
 * {@code hyperUnique} at ingest; of its UTF-16LE chars ({@code putUnencodedChars}) or little-endian
 * number bytes for {@code cardinality}. Holds a reusable byte buffer, so hashing allocates nothing.
 * One instance per thread.
 */
final class HllHashing {
    private final Murmur3 murmur = new Murmur3();
    private byte[] buffer = new byte[64];
    private int length;

    /** Starts a new row of bytes for {@link #hashRow}. */
    void clear() {
        length = 0;
    }

    void putByte(int b) {
        ensure(1);
        buffer[length++] = (byte) b;
    }

    void putChars(String s) {
        ensure(2 * s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            buffer[length++] = (byte) c;
            buffer[length++] = (byte) (c >>> 8);
        }
    }

    void putLong(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buffer[length++] = (byte) (v >>> (8 * i));
        }
    }

    void putInt(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buffer[length++] = (byte) (v >>> (8 * i));
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    /** Adds the hash of the bytes put since {@link #clear()}. */
    void hashRow(HyperLogLogCollector collector) {
        murmur.hash(buffer, 0, length);
        collector.add(murmur.h1, murmur.h2);
    }

    /** The hash of the bytes put since {@link #clear()}, packed as {@code bucket << 8 | registerValue}. */
    int packRow() {
        murmur.hash(buffer, 0, length);
        return HyperLogLogCollector.pack(murmur.h1, murmur.h2);
    }

    /** The packed hash of text's UTF-16LE chars, as Druid's cardinality aggregator hashes a string. */
    int packChars(String s) {
        clear();
        putChars(s);
        return packRow();
    }

    /** Adds text as Druid's {@code hyperUnique} ingestion hashes it: its UTF-8 bytes. */
    void addUtf8(String s, HyperLogLogCollector collector) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        murmur.hash(utf8, 0, utf8.length);
        collector.add(murmur.h1, murmur.h2);
    }
}
