package dev.tributary.core.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one event, a JSON object, straight from its UTF-8 bytes into a {@link FieldMap}: strings,
 * Longs (Doubles past the long range), Doubles, Booleans, nulls, Lists and nested FieldMaps — the
 * same values Jackson's streaming parser gives, without its per-document set-up cost, which
 * dominates for events of a few hundred bytes. Strict JSON (RFC 8259): anything else, invalid UTF-8
 * included, is an {@link UnparseableEventException}. Field names are interned through a small
 * per-thread cache, so lookups by interned names compare references. Thread-safe.
 */
final class EventJsonReader {
    private static final int MAX_DEPTH = 1000;
    /** 10^0 .. 10^22, every one exactly representable as a double. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private static final ThreadLocal<NameCache> NAMES = ThreadLocal.withInitial(NameCache::new);

    private final byte[] in;
    private final NameCache names;
    private int pos;
    /** The name cache's slot of the field name read last, for predicting the next one. */
    private int lastName = NameCache.START;

    private EventJsonReader(byte[] in) {
        this.in = in;
        this.names = NAMES.get();
    }

    /** The fields of the JSON object {@code event}. */
    static Map<String, Object> readObject(byte[] event) {
        EventJsonReader reader = new EventJsonReader(event);
        if (event.length >= 3 && (event[0] & 0xFF) == 0xEF && (event[1] & 0xFF) == 0xBB && (event[2] & 0xFF) == 0xBF) {
            reader.pos = 3;
        }
        reader.skipSpace();
        if (reader.pos >= event.length || event[reader.pos] != '{') {
            throw new UnparseableEventException(reader.pos >= event.length ? "event is empty" : "event is not a JSON object");
        }
        Map<String, Object> fields = reader.object(0);
        reader.skipSpace();
        if (reader.pos != event.length) {
            throw new UnparseableEventException("event has data after its JSON object");
        }
        return fields;
    }

    private FieldMap object(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("nesting is deeper than " + MAX_DEPTH);
        }
        pos++;
        FieldMap fields = new FieldMap();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return fields;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw fail("expected a field name");
            }
            String name = name();
            skipSpace();
            expect(':');
            fields.putInterned(name, value(depth));
            skipSpace();
            int c = next();
            if (c == '}') {
                return fields;
            }
            if (c != ',') {
                throw fail("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("nesting is deeper than " + MAX_DEPTH);
        }
        pos++;
        List<Object> values = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return values;
        }
        while (true) {
            values.add(value(depth));
            skipSpace();
            int c = next();
            if (c == ']') {
                return values;
            }
            if (c != ',') {
                throw fail("expected ',' or ']'");
            }
        }
    }

    /**
     * An array value: a flat array (no nested arrays or objects) of a field whose arrays repeat comes
     * from the field's {@link ArrayValueCache} when its bytes were seen before, and goes into it when not.
     */
    private Object arrayValue(int depth) {
        ArrayValueCache cache = names.arrays(lastName);
        if (!cache.active()) {
            return array(depth);
        }
        int start = pos;
        int hash = 1;
        int end = -1;
        boolean inString = false;
        for (int i = start + 1; i < in.length && i - start < ArrayValueCache.MAX_BYTES; i++) {
            int b = in[i];
            hash = 31 * hash + b;
            if (inString) {
                if (b == '\\') {
                    i++;
                    if (i < in.length) {
                        hash = 31 * hash + in[i];
                    }
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ']') {
                end = i + 1;
                break;
            } else if (b == '[' || b == '{') {
                break;
            }
        }
        if (end < 0) {
            return array(depth);
        }
        SharedValueList cached = cache.find(in, start, end - start, hash);
        if (cached != null) {
            pos = end;
            return cached;
        }
        List<Object> parsed = array(depth);
        return pos == end ? cache.add(in, start, end - start, hash, parsed) : parsed;
    }

    private Object value(int depth) {
        skipSpace();
        int c = peek();
        switch (c) {
            case '"':
                return string();
            case '{':
                return object(depth + 1);
            case '[':
                return arrayValue(depth + 1);
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail(c < 0 ? "unexpected end of event" : "unexpected character '" + (char) c + "'");
        }
    }

    private Object number() {
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        int intStart = pos;
        if (peek() == '0') {
            pos++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        } else {
            throw fail("invalid number");
        }
        int intEnd = pos;
        boolean decimal = false;
        int fractionStart = -1;
        if (peek() == '.') {
            decimal = true;
            pos++;
            fractionStart = pos;
            if (!(peek() >= '0' && peek() <= '9')) {
                throw fail("invalid number");
            }
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        }
        int fractionEnd = pos;
        if (peek() == 'e' || peek() == 'E') {
            decimal = true;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!(peek() >= '0' && peek() <= '9')) {
                throw fail("invalid number");
            }
            while (peek() >= '0' && peek() <= '9') {
                pos++;
            }
        }
        if (!decimal && intEnd - intStart <= 18) {
            long value = 0;
            for (int i = intStart; i < intEnd; i++) {
                value = value * 10 + (in[i] - '0');
            }
            return negative ? -value : value;
        }
        if (fractionStart > 0 && pos == fractionEnd && pos - fractionStart <= 22 && (intEnd - intStart) + (pos - fractionStart) <= 15) {
            // digits.digits with at most 15 significant digits: the digits as a long are exact, and so
            // is 10^k up to 10^22, so one division rounds correctly (Clinger's fast path)
            long digits = 0;
            for (int i = intStart; i < intEnd; i++) {
                digits = digits * 10 + (in[i] - '0');
            }
            for (int i = fractionStart; i < pos; i++) {
                digits = digits * 10 + (in[i] - '0');
            }
            double value = digits / POWERS_OF_TEN[pos - fractionStart];
            return negative ? -value : value;
        }
        String text = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
        if (!decimal) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return Double.parseDouble(text);
            }
        }
        return Double.parseDouble(text);
    }

    private String name() {
        int start = pos + 1;
        int predicted = names.predict(lastName, in, start);
        if (predicted >= 0) {
            lastName = predicted;
            pos = start + names.length(predicted) + 1;
            return names.value(predicted);
        }
        int end = start;
        while (end < in.length) {
            int b = in[end];
            if (b == '"') {
                pos = end + 1;
                lastName = names.slot(in, start, end - start, lastName);
                return names.value(lastName);
            }
            if (b == '\\' || b < 0x20) {
                break;
            }
            end++;
        }
        return string().intern();
    }

    private String string() {
        int start = ++pos;
        boolean ascii = true;
        while (pos < in.length) {
            int b = in[pos];
            if (b == '"') {
                String s = ascii ? new String(in, start, pos - start, StandardCharsets.ISO_8859_1) : utf8(start, pos);
                pos++;
                return s;
            }
            if (b == '\\') {
                return escaped(start);
            }
            if (b >= 0 && b < 0x20) {
                throw fail("control character in a string");
            }
            ascii &= b >= 0;
            pos++;
        }
        throw fail("unterminated string");
    }

    /** The slow path for strings with escapes: decodes from {@code start}, where the string's content begins. */
    private String escaped(int start) {
        StringBuilder sb = new StringBuilder();
        pos = start;
        int runStart = pos;
        while (pos < in.length) {
            int b = in[pos];
            if (b == '"') {
                sb.append(utf8(runStart, pos));
                pos++;
                return sb.toString();
            }
            if (b >= 0 && b < 0x20) {
                throw fail("control character in a string");
            }
            if (b != '\\') {
                pos++;
                continue;
            }
            sb.append(utf8(runStart, pos));
            pos++;
            int e = next();
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > in.length) {
                        throw fail("truncated \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int h = Character.digit(in[pos++], 16);
                        if (h < 0) {
                            throw fail("invalid \\u escape");
                        }
                        code = code * 16 + h;
                    }
                    sb.append((char) code);
                }
                default -> throw fail("invalid escape");
            }
            runStart = pos;
        }
        throw fail("unterminated string");
    }

    private String utf8(int from, int to) {
        if (from == to) {
            return "";
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw fail("invalid UTF-8");
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= in.length || in[pos++] != word.charAt(i)) {
                throw fail("invalid literal");
            }
        }
    }

    private void skipSpace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < in.length ? in[pos] : -1;
    }

    private int next() {
        return pos < in.length ? in[pos++] : -1;
    }

    private void expect(char c) {
        if (next() != c) {
            throw fail("expected '" + c + "'");
        }
    }

    private UnparseableEventException fail(String problem) {
        return new UnparseableEventException("event is not valid JSON: " + problem + " at byte " + pos);
    }

    /**
     * Interned field names by their bytes: most events repeat the same few names. One per thread.
     * Open addressing with a short probe: names whose slots collide both stay cached; past
     * {@link #PROBES} occupied slots the first is replaced. Events of one stream mostly list their
     * fields in the same order, so each slot also remembers the slot of the name that followed it
     * last time: {@link #predict} checks that name against the bytes, without scanning or hashing.
     */
    private static final class NameCache {
        private static final int SIZE = 512;
        private static final int PROBES = 4;
        /** The "previous slot" of an event's first name. */
        static final int START = SIZE;
        private final byte[][] keys = new byte[SIZE][];
        private final String[] values = new String[SIZE];
        private final int[] successors = new int[SIZE + 1];
        /** Per slot (and for {@link #START}), the cache of the array values of the field with that name; made when first needed. */
        private final ArrayValueCache[] fieldArrays = new ArrayValueCache[SIZE + 1];

        NameCache() {
            java.util.Arrays.fill(successors, -1);
        }

        /**
         * The slot of the name that followed {@code previous} last time, if {@code in} holds exactly
         * that name, closing quote included, from {@code from}; else -1.
         */
        int predict(int previous, byte[] in, int from) {
            int slot = successors[previous];
            if (slot < 0) {
                return -1;
            }
            byte[] key = keys[slot];
            int end = from + key.length;
            return end < in.length && in[end] == '"' && sameBytes(key, in, from) ? slot : -1;
        }

        private static final java.lang.invoke.VarHandle LONGS =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

        /** Whether {@code in} holds {@code key} from {@code from} on (which the caller knows is in range): eight bytes at a time. */
        private static boolean sameBytes(byte[] key, byte[] in, int from) {
            int length = key.length;
            int i = 0;
            for (; i + 8 <= length; i += 8) {
                if ((long) LONGS.get(key, i) != (long) LONGS.get(in, from + i)) {
                    return false;
                }
            }
            for (; i < length; i++) {
                if (key[i] != in[from + i]) {
                    return false;
                }
            }
            return true;
        }

        /** The slot of the name {@code in[from .. from + length)}, added if new; remembered as the successor of {@code previous}. */
        int slot(byte[] in, int from, int length, int previous) {
            int h = 1;
            for (int i = from; i < from + length; i++) {
                h = 31 * h + in[i];
            }
            int first = (h ^ (h >>> 16)) & (SIZE - 1);
            int found = -1;
            int free = first;
            for (int probe = 0; probe < PROBES; probe++) {
                int slot = (first + probe) & (SIZE - 1);
                byte[] key = keys[slot];
                if (key == null) {
                    free = slot;
                    break;
                }
                if (key.length == length && java.util.Arrays.equals(key, 0, length, in, from, from + length)) {
                    found = slot;
                    break;
                }
            }
            if (found < 0) {
                found = free;
                keys[found] = java.util.Arrays.copyOfRange(in, from, from + length);
                values[found] = new String(in, from, length, StandardCharsets.UTF_8).intern();
            }
            successors[previous] = found;
            return found;
        }

        String value(int slot) {
            return values[slot];
        }

        /** The array cache of the field whose name has this slot. */
        ArrayValueCache arrays(int slot) {
            ArrayValueCache cache = fieldArrays[slot];
            if (cache == null) {
                cache = new ArrayValueCache();
                fieldArrays[slot] = cache;
            }
            return cache;
        }

        int length(int slot) {
            return keys[slot].length;
        }
    }
}
