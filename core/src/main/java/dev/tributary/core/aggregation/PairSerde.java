package dev.tributary.core.aggregation;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tributary.core.aggregation.FirstLastAggregatorFactory.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a first/last metric's {@link SerializablePair}, big-endian:
 *
 * <pre>
 * time   8 bytes   the pair's time (lhs)
 * tag    1 byte    0: no value (rhs null); 1: a value; 2 (strings only): a value as UTF-16
 * value            only when the tag is not 0:
 *   serializablePairLongLong     8 bytes   the long
 *   serializablePairLongDouble   8 bytes   the double's raw IEEE 754 bits
 *   serializablePairLongFloat    4 bytes   the float's raw IEEE 754 bits
 *   serializablePairLongString   4 bytes   N, then tag 1: N bytes of UTF-8; tag 2: N chars of UTF-16BE
 * </pre>
 *
 * The value comes back as the Java type the live column gives (Long, Double, Float, String), raw bits
 * and all. Text is UTF-8 unless it holds an unpaired surrogate, which UTF-8 cannot carry (an encoder
 * would write {@code ?}); such text keeps its chars as they are.
 */
final class PairSerde implements ComplexSerde {
    private static final int HEADER_BYTES = Long.BYTES + 1;
    private static final byte NULL = 0;
    private static final byte VALUE = 1;
    private static final byte UTF16_VALUE = 2;

    /** One serde per kind of first/last value. */
    static final List<ComplexSerde> ALL = Arrays.stream(Kind.values()).<ComplexSerde>map(PairSerde::new).toList();

    private final Kind kind;

    private PairSerde(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String typeName() {
        return kind.complexTypeName;
    }

    @Override
    public byte[] toBytes(Object value) {
        if (!(value instanceof SerializablePair pair)) {
            throw notMine(value);
        }
        Object rhs = pair.rhs();
        if (rhs == null) {
            return header(HEADER_BYTES, pair.lhs(), NULL).array();
        }
        return switch (kind) {
            case LONG -> header(HEADER_BYTES + Long.BYTES, pair.lhs(), VALUE).putLong(typed(rhs, Long.class)).array();
            case DOUBLE -> header(HEADER_BYTES + Long.BYTES, pair.lhs(), VALUE)
                    .putLong(Double.doubleToRawLongBits(typed(rhs, Double.class))).array();
            case FLOAT -> header(HEADER_BYTES + Float.BYTES, pair.lhs(), VALUE)
                    .putInt(Float.floatToRawIntBits(typed(rhs, Float.class))).array();
            case STRING -> text(pair.lhs(), typed(rhs, String.class));
        };
    }

    private static byte[] text(long time, String text) {
        if (hasUnpairedSurrogate(text)) {
            // chars written one by one: Java's UTF-16 encoder would also replace the unpaired surrogate
            ByteBuffer out = header(HEADER_BYTES + Integer.BYTES + Character.BYTES * text.length(), time, UTF16_VALUE)
                    .putInt(text.length());
            out.asCharBuffer().put(text);
            return out.array();
        }
        byte[] utf8 = text.getBytes(UTF_8);
        return header(HEADER_BYTES + Integer.BYTES + utf8.length, time, VALUE).putInt(utf8.length).put(utf8).array();
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static ByteBuffer header(int size, long time, byte tag) {
        return ByteBuffer.allocate(size).putLong(time).put(tag);
    }

    private <T> T typed(Object rhs, Class<T> type) {
        if (!type.isInstance(rhs)) {
            throw new IllegalArgumentException(typeName() + " holds " + type.getSimpleName() + " values, not "
                    + rhs.getClass().getSimpleName());
        }
        return type.cast(rhs);
    }

    private IllegalArgumentException notMine(Object value) {
        return new IllegalArgumentException(typeName() + " holds SerializablePair objects, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    @Override
    public Object fromBytes(ByteBuffer bytes) {
        ByteBuffer in = bytes.duplicate().order(ByteOrder.BIG_ENDIAN);
        int size = in.remaining();
        if (size < HEADER_BYTES) {
            throw malformed(size);
        }
        long time = in.getLong();
        byte tag = in.get();
        if (tag == NULL) {
            return checked(new SerializablePair(time, null), in, size);
        }
        if (tag != VALUE && !(tag == UTF16_VALUE && kind == Kind.STRING)) {
            throw new IllegalArgumentException(typeName() + " bytes with an unknown value tag " + tag);
        }
        int leastValueBytes = switch (kind) {
            case LONG, DOUBLE -> Long.BYTES;
            case FLOAT -> Float.BYTES;
            case STRING -> Integer.BYTES;
        };
        if (in.remaining() < leastValueBytes) {
            throw malformed(size);
        }
        Object value = switch (kind) {
            case LONG -> in.getLong();
            case DOUBLE -> Double.longBitsToDouble(in.getLong());
            case FLOAT -> Float.intBitsToFloat(in.getInt());
            case STRING -> readText(in, tag, size);
        };
        return checked(new SerializablePair(time, value), in, size);
    }

    private String readText(ByteBuffer in, byte tag, int size) {
        long length = in.getInt() & 0xffffffffL;
        if ((tag == UTF16_VALUE ? Character.BYTES * length : length) != in.remaining()) {
            throw malformed(size);
        }
        if (tag == UTF16_VALUE) {
            char[] chars = new char[(int) length];
            in.asCharBuffer().get(chars);
            in.position(in.limit());
            return new String(chars);
        }
        byte[] utf8 = new byte[(int) length];
        in.get(utf8);
        return new String(utf8, UTF_8);
    }

    /** The pair, if the bytes held nothing after it. */
    private SerializablePair checked(SerializablePair pair, ByteBuffer in, int size) {
        if (in.hasRemaining()) {
            throw malformed(size);
        }
        return pair;
    }

    private IllegalArgumentException malformed(int size) {
        return new IllegalArgumentException("not a " + typeName() + " value: " + size + " bytes");
    }
}
