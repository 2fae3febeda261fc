package dev.tributary.core.query.filter;

/**
 * Druid's {@code alphanumeric} ordering of two non-null strings (the java-alphanum algorithm): the
 * strings are read as alternating runs of digits and non-digits. A digit run sorts before a
 * non-digit run; two digit runs compare by value (more significant digits is larger, then the first
 * differing digit, then more leading zeros is larger); two non-digit runs compare case-insensitively.
 * When all runs tie, the shorter string is first. The empty string precedes every other.
 *
 * <p>One quirk is kept for exactness: a digit run of zeros that ends the string counts as one
 * significant zero, while a run of zeros followed by text counts as none (so {@code "0a" < "0"}).
 */
final class Alphanumeric {
    private Alphanumeric() {
    }

    static int compare(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? (b.isEmpty() ? 0 : -1) : 1;
        }
        int[] at = {0, 0};
        while (at[0] < a.length() && at[1] < b.length()) {
            boolean digitA = isDigit(a.codePointAt(at[0]));
            boolean digitB = isDigit(b.codePointAt(at[1]));
            int result;
            if (digitA != digitB) {
                result = digitA ? -1 : 1;
            } else if (digitA) {
                result = compareDigitRuns(a, b, at);
            } else {
                result = compareTextRuns(a, b, at);
            }
            if (result != 0) {
                return result;
            }
        }
        return a.length() - b.length();
    }

    /** Compares the digit runs starting at {@code at} and moves {@code at} past them. */
    private static int compareDigitRuns(String a, String b, int[] at) {
        DigitRun x = DigitRun.read(a, at[0]);
        DigitRun y = DigitRun.read(b, at[1]);
        at[0] = x.end;
        at[1] = y.end;
        if (x.weight() != y.weight()) {
            return x.weight() < y.weight() ? -1 : 1;
        }
        for (int i = x.significantStart, j = y.significantStart; i < x.significantEnd; ) {
            int cx = a.codePointAt(i);
            int cy = b.codePointAt(j);
            if (cx != cy) {
                return valueOf(cx) - valueOf(cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return x.zeros - y.zeros;
    }

    /**
     * One run of digits: its leading zeros, then its significant digits. A run of zeros that ends the
     * string keeps its last zero as a significant digit ({@code trailingZero}).
     */
    private record DigitRun(int zeros, int significantStart, int significantEnd, int digits, boolean trailingZero,
                            int end) {
        static DigitRun read(String s, int start) {
            int at = start;
            int zeros = 0;
            while (at < s.length() && isZero(s.codePointAt(at))) {
                zeros++;
                at += Character.charCount(s.codePointAt(at));
            }
            if (at == s.length()) {
                int lastZero = s.offsetByCodePoints(at, -1);
                return new DigitRun(zeros, lastZero, at, 1, true, at);
            }
            int significantStart = at;
            int digits = 0;
            while (at < s.length() && isDigit(s.codePointAt(at))) {
                digits++;
                at += Character.charCount(s.codePointAt(at));
            }
            return new DigitRun(zeros, significantStart, at, digits, false, at);
        }

        /** Orders runs by size the way the original algorithm's digit walk does. */
        int weight() {
            if (trailingZero) {
                return 1;
            }
            return digits == 0 ? 0 : digits + 1;
        }
    }

    /** Compares the non-digit runs starting at {@code at} case-insensitively and moves past them. */
    private static int compareTextRuns(String a, String b, int[] at) {
        int startA = at[0];
        int startB = at[1];
        at[0] = textRunEnd(a, startA);
        at[1] = textRunEnd(b, startB);
        return String.CASE_INSENSITIVE_ORDER.compare(a.substring(startA, at[0]), b.substring(startB, at[1]));
    }

    private static int textRunEnd(String s, int start) {
        int at = start + Character.charCount(s.codePointAt(start));
        while (at < s.length() && !isDigit(s.codePointAt(at))) {
            at += Character.charCount(s.codePointAt(at));
        }
        return at;
    }

    /** ASCII, Arabic-Indic, extended Arabic-Indic, Devanagari and fullwidth digits. */
    private static boolean isDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= '\u0660' && c <= '\u0669') || (c >= '\u06F0' && c <= '\u06F9')
                || (c >= '\u0966' && c <= '\u096F') || (c >= '\uFF10' && c <= '\uFF19');
    }

    private static boolean isZero(int c) {
        return c == '0' || c == '\u0660' || c == '\u06F0' || c == '\u0966' || c == '\uFF10';
    }

    private static int valueOf(int digit) {
        if (digit <= '9') {
            return digit - '0';
        }
        if (digit <= '\u0669') {
            return digit - '\u0660';
        }
        if (digit <= '\u06F9') {
            return digit - '\u06F0';
        }
        if (digit <= '\u096F') {
            return digit - '\u0966';
        }
        return digit - '\uFF10';
    }
}
