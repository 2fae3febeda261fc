package dev.tributary.core.query.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Druid's string orderings (its "sorting orders"), as the bound filter's {@code ordering} names them,
 * written either {@code "numeric"} or {@code {"type": "numeric"}}. Every ordering puts null first.
 * Druid's {@code version} ordering is not supported.
 */
public enum StringOrdering implements Comparator<String> {
    /** By UTF-8 bytes, which is Unicode code point order (not Java's UTF-16 order). */
    LEXICOGRAPHIC {
        @Override
        public int compare(String a, String b) {
            int nulls = nullsFirst(a, b);
            return nulls != NOT_NULL ? nulls : compareUtf8(a, b);
        }
    },
    /** Runs of digits compare as numbers ({@code file2 < file12}), other runs case-insensitively. */
    ALPHANUMERIC {
        @Override
        public int compare(String a, String b) {
            int nulls = nullsFirst(a, b);
            return nulls != NOT_NULL ? nulls : Alphanumeric.compare(a, b);
        }
    },
    /**
     * As numbers at full decimal precision; text that is not a number sorts after null and before
     * every number, and two such texts compare lexicographically.
     */
    NUMERIC {
        @Override
        public int compare(String a, String b) {
            int nulls = nullsFirst(a, b);
            return nulls != NOT_NULL ? nulls : compareNumeric(a, b);
        }
    },
    /** By length in UTF-16 units, then by {@link String#compareTo}. */
    STRLEN {
        @Override
        public int compare(String a, String b) {
            int nulls = nullsFirst(a, b);
            if (nulls != NOT_NULL) {
                return nulls;
            }
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
    };

    private static final int NOT_NULL = 2;

    /** Reads {@code "numeric"} or {@code {"type": "numeric"}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StringOrdering fromJson(JsonNode node) {
        String name = node.isObject() ? node.path("type").asText(null) : node.isTextual() ? node.asText() : null;
        if (name != null) {
            for (StringOrdering ordering : values()) {
                if (ordering.druidName().equalsIgnoreCase(name)) {
                    return ordering;
                }
            }
        }
        throw new IllegalArgumentException("ordering " + node + " is not supported; supported orderings are "
                + Arrays.stream(values()).map(StringOrdering::druidName).toList());
    }

    /** Druid's name: {@code lexicographic}, {@code alphanumeric}, {@code numeric}, {@code strlen}. */
    @JsonValue
    public String druidName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static int nullsFirst(String a, String b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : NOT_NULL;
    }

    /**
     * UTF-8 byte order without encoding: UTF-16 order agrees with code point order except where a
     * surrogate (a code point above U+FFFF) meets a unit in U+E000..U+FFFF, so the first differing
     * units are shifted to put surrogates last.
     */
    static int compareUtf8(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(codePointRank(x), codePointRank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int codePointRank(char unit) {
        if (unit < Character.MIN_SURROGATE) {
            return unit;
        }
        return unit <= Character.MAX_SURROGATE ? unit + 0x2000 : unit - 0x800;
    }

    private static int compareNumeric(String a, String b) {
        Long longA = Numbers.tryParseLong(a);
        Long longB = Numbers.tryParseLong(b);
        if (longA != null && longB != null) {
            return Long.compare(longA, longB);
        }
        BigDecimal decimalA = longA != null ? BigDecimal.valueOf(longA) : Numbers.tryParseDecimal(a);
        BigDecimal decimalB = longB != null ? BigDecimal.valueOf(longB) : Numbers.tryParseDecimal(b);
        if (decimalA != null && decimalB != null) {
            return decimalA.compareTo(decimalB);
        }
        if (decimalA == null && decimalB == null) {
            return compareUtf8(a, b);
        }
        return decimalA == null ? -1 : 1;
    }
}
