package dev.tributary.core.aggregation.sketch;

import java.util.Base64;

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
}
