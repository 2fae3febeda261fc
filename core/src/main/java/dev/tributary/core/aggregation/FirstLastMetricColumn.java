package dev.tributary.core.aggregation;

import dev.tributary.core.aggregation.FirstLastAggregatorFactory.Kind;
import dev.tributary.core.column.Column;
import dev.tributary.core.input.InputRow;
import java.util.Arrays;

/**
 * A live index's storage for a first/last metric: per row the winning event's time and value, kept
 * in primitive arrays (a numeric value as its long or raw double bits). Events are compared by
 * their own timestamp (or {@code timeColumn} field), not by the row's truncated time.
 */
final class FirstLastMetricColumn implements MetricColumn, TimedValueColumn {
    private final Kind kind;
    private final boolean last;
    private final String field;
    private final String timeField;
    private final int maxStringBytes;
    private final ValueBits hasPair = new ValueBits();
    private final ValueBits valueNull = new ValueBits();
    private long[] times = new long[1024];
    private long[] bits;
    private String[] texts;
    private int rows;

    /**
     * @param timeField the event field holding the time, or null for the event's timestamp
     */
    FirstLastMetricColumn(Kind kind, boolean last, String field, String timeField, int maxStringBytes) {
        this.kind = kind;
        this.last = last;
        this.field = field;
        this.timeField = timeField;
        this.maxStringBytes = maxStringBytes;
        if (kind == Kind.STRING) {
            texts = new String[1024];
        } else {
            bits = new long[1024];
        }
    }

    @Override
    public void aggregate(int row, InputRow event) {
        ensureRow(row);
        long time;
        if (timeField == null) {
            time = event.timestamp();
        } else {
            Long t = Values.toLong(event.get(timeField));
            if (t == null) {
                return;
            }
            time = t;
        }
        if (hasPair.get(row) && !(last ? time >= times[row] : time < times[row])) {
            return;
        }
        Object raw = event.get(field);
        if (kind == Kind.STRING) {
            if (raw == null) {
                return; // Druid's string first/last do not aggregate null events at ingest
            }
            texts[row] = Utf8Chop.chop(Values.toText(raw), maxStringBytes);
            valueNull.clear(row);
        } else {
            Object value = kind.convert(raw);
            if (value == null) {
                valueNull.set(row);
            } else {
                valueNull.clear(row);
                bits[row] = kind == Kind.LONG ? (Long) value : Double.doubleToRawLongBits(((Number) value).doubleValue());
            }
        }
        times[row] = time;
        hasPair.set(row);
    }

    @Override
    public void ensureRow(int row) {
        if (row < rows) {
            return;
        }
        if (row == times.length) {
            times = Arrays.copyOf(times, times.length * 2);
            if (texts != null) {
                texts = Arrays.copyOf(texts, times.length);
            } else {
                bits = Arrays.copyOf(bits, times.length);
            }
        }
        hasPair.ensureCapacity(row + 1);
        valueNull.ensureCapacity(row + 1);
        rows = row + 1;
    }

    @Override
    public Column asColumn() {
        return this;
    }

    @Override
    public int bytesPerRow() {
        return kind == Kind.STRING ? 16 + 48 : 16;
    }

    @Override
    public String typeName() {
        return kind.complexTypeName;
    }

    @Override
    public Object getObject(int row) {
        if (!hasPair.get(row)) {
            return null;
        }
        Object value;
        if (valueNull.get(row)) {
            value = null;
        } else {
            value = switch (kind) {
                case LONG -> bits[row];
                case FLOAT -> (float) Double.longBitsToDouble(bits[row]);
                case DOUBLE -> Double.longBitsToDouble(bits[row]);
                case STRING -> texts[row];
            };
        }
        return new SerializablePair(times[row], value);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public boolean hasPair(int row) {
        return hasPair.get(row);
    }

    @Override
    public long time(int row) {
        return times[row];
    }

    @Override
    public boolean isValueNull(int row) {
        return valueNull.get(row);
    }

    @Override
    public long getLong(int row) {
        return kind == Kind.LONG ? bits[row] : (long) Double.longBitsToDouble(bits[row]);
    }

    @Override
    public double getDouble(int row) {
        return kind == Kind.LONG ? bits[row] : Double.longBitsToDouble(bits[row]);
    }

    @Override
    public String getString(int row) {
        return texts[row];
    }
}
