package dev.tributary.core.query.dimension;

import dev.tributary.core.aggregation.Values;
import dev.tributary.core.column.ColumnType;

/** Converts a dimension's value to a dimension spec's output type, as Druid does. */
public final class OutputValues {
    private OutputValues() {
    }

    /**
     * The value as {@code type}: text as Druid prints it for STRING, a Long, Float or Double for the
     * numeric types (text is parsed; what does not parse becomes null).
     */
    public static Object convert(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> Values.toText(value);
            case LONG -> Values.toLong(value);
            case DOUBLE -> Values.toDouble(value);
            case FLOAT -> {
                Double d = Values.toDouble(value);
                yield d == null ? null : Float.valueOf(d.floatValue());
            }
            default -> value;
        };
    }
}
