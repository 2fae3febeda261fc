package dev.tributary.core.aggregation;

import dev.tributary.core.aggregation.FirstLastAggregatorFactory.Kind;
import java.util.Arrays;

/**
 * Query-time first/last: per slot the winning time and value in primitive arrays. First replaces
 * only on a strictly earlier time, last on an equal or later one, as Druid's aggregators do.
 */
final class FirstLastGroupAggregator implements GroupAggregator {
    private final Kind kind;
    private final boolean last;
    private final PairReader reader;
    private final int maxStringBytes;
    private final ValueBits seen = new ValueBits();
    private final ValueBits valueNull = new ValueBits();
    private long[] times = new long[0];
    private long[] bits = new long[0];
    private String[] texts = new String[0];

    FirstLastGroupAggregator(Kind kind, boolean last, PairReader reader, int maxStringBytes) {
        this.kind = kind;
        this.last = last;
        this.reader = reader;
        this.maxStringBytes = maxStringBytes;
    }

    @Override
    public void ensureCapacity(int slots) {
        if (slots > times.length) {
            int size = Math.max(slots, times.length * 2);
            times = Arrays.copyOf(times, size);
            if (kind == Kind.STRING) {
                texts = Arrays.copyOf(texts, size);
            } else {
                bits = Arrays.copyOf(bits, size);
            }
            seen.ensureCapacity(size);
            valueNull.ensureCapacity(size);
        }
    }

    @Override
    public void aggregate(int slot, int row) {
        if (!reader.readTime(row)) {
            return;
        }
        long time = reader.time;
        if (seen.get(slot) && !(last ? time >= times[slot] : time < times[slot])) {
            return;
        }
        reader.readValue(row);
        seen.set(slot);
        times[slot] = time;
        if (reader.valueNull) {
            valueNull.set(slot);
            return;
        }
        valueNull.clear(slot);
        switch (kind) {
            case LONG -> bits[slot] = reader.longValue;
            case STRING -> texts[slot] = Utf8Chop.chop(reader.text, maxStringBytes);
            default -> bits[slot] = Double.doubleToRawLongBits(reader.doubleValue);
        }
    }

    @Override
    public Object get(int slot) {
        if (!seen.get(slot)) {
            return null;
        }
        Object value = null;
        if (!valueNull.get(slot)) {
            value = switch (kind) {
                case LONG -> bits[slot];
                case FLOAT -> (float) Double.longBitsToDouble(bits[slot]);
                case DOUBLE -> Double.longBitsToDouble(bits[slot]);
                case STRING -> texts[slot];
            };
        }
        return new SerializablePair(times[slot], value);
    }
}
