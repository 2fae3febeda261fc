package dev.tributary.core.query.filter;

import java.math.BigDecimal;

/**
 * Druid's parsing of filter text into numbers: strict (no surrounding spaces), null when the text is
 * not a number. Parsing happens when a filter is built or once per dictionary value, never per row.
 */
final class Numbers {
    private Numbers() {
    }

    /** An integer with an optional sign, in long range; else null. */
    static Long tryParseLong(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    /** A Java floating-point literal ({@code 1.5}, {@code -2e3}, {@code NaN}, {@code Infinity}); else null. */
    static Double tryParseDouble(String text) {
        if (!mayBeFloatingPoint(text)) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** As {@link #tryParseDouble}, rounded to float. */
    static Float tryParseFloat(String text) {
        if (!mayBeFloatingPoint(text)) {
            return null;
        }
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal number ({@code 1.50}, {@code 1e3}) at full precision; else null. */
    static BigDecimal tryParseDecimal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '+' && first != '-' && first != '.') {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The long a decimal text stands for exactly ({@code "5"}, {@code "5.0"}, {@code "5e0"} are 5), or
     * null when it has a fraction, is out of range or is not a number: how Druid turns a selector or in
     * value into a long.
     */
    static Long exactLong(String text) {
        Long parsed = tryParseLong(text);
        if (parsed != null) {
            return parsed;
        }
        BigDecimal decimal = tryParseDecimal(text);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Cheap pre-check so that words ({@code "apple"}) do not cost an exception each. */
    private static boolean mayBeFloatingPoint(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (first <= ' ' || last <= ' ') {
            return false;
        }
        return (first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.'
                || first == 'N' || first == 'I';
    }
}
