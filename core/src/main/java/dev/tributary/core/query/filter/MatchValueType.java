package dev.tributary.core.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code matchValueType} of the equality and range filters: how the filter's own values are read
 * before they are compared with a column. {@code FLOAT} reads like {@code DOUBLE}, as in Druid, whose
 * expression system has no float. Array and complex types are not supported.
 */
public enum MatchValueType {
    STRING, LONG, FLOAT, DOUBLE;

    @JsonCreator
    public static MatchValueType fromJson(String name) {
        for (MatchValueType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("matchValueType '" + name + "' is not supported; supported types are "
                + Arrays.toString(values()));
    }

    @JsonValue
    public String druidName() {
        return name();
    }

    public boolean isNumeric() {
        return this != STRING;
    }

    /**
     * A JSON value ({@code 5}, {@code 1.5}, {@code "5"}, {@code true}) read as this type: a String, a
     * Long or a Double; null when it is null or cannot be read as this type ({@code "abc"} as LONG).
     * Text becomes a long through a number ({@code "5.7"} is 5), as Druid's expressions cast.
     */
    public Object read(Object value) {
        if (value == null || value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
            return null;
        }
        return switch (this) {
            case STRING -> value instanceof String s ? s : String.valueOf(value);
            case LONG -> {
                Number number = asNumber(value);
                yield number == null ? null : (Object) number.longValue();
            }
            case FLOAT, DOUBLE -> {
                Number number = asNumber(value);
                yield number == null ? null : (Object) number.doubleValue();
            }
        };
    }

    private static Number asNumber(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        if (value instanceof String text) {
            if ("true".equalsIgnoreCase(text)) {
                return 1L;
            }
            if ("false".equalsIgnoreCase(text)) {
                return 0L;
            }
            Long whole = Numbers.tryParseLong(text);
            if (whole != null) {
                return whole;
            }
            return Numbers.tryParseDouble(text);
        }
        return null;
    }

    /** The text of a value {@link #read} as this type: {@code 5} for a long, {@code 5.0} for a double. */
    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
