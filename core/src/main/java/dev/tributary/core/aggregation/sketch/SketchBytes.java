package dev.tributary.core.aggregation.sketch;

import java.util.Base64;
import java.util.function.Function;

/** Sketches as JSON carries them: base64 text of their serialized bytes. */
final class SketchBytes {
    private SketchBytes() {
    }

    /** The bytes of a serialized sketch given as base64 text or bytes; null if it is neither. */
    static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            return Base64.getDecoder().decode(text);
        }
        return null;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * An ingested field's serialized sketch, or null when the field holds none or something that is
     * not a sketch. Ingestion cannot reject a row from inside one metric (the row already exists), so
     * a value this metric cannot read is left out of it, as a null would be.
     */
    static <T> T readOrNull(Object raw, Function<Object, T> read) {
        if (raw == null) {
            return null;
        }
        try {
            return read.apply(raw);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
