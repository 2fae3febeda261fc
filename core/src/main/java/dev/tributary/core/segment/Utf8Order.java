package dev.tributary.core.segment;

import java.util.Comparator;

/**
 * The order of a segment's string dictionary: null first, then by Unicode code point, which is the
 * order of the values' UTF-8 bytes compared unsigned, so a reader can binary-search the stored bytes
 * without decoding them. (Java's {@code String.compareTo} orders by UTF-16 unit and differs for
 * characters beyond U+FFFF.)
 */
final class Utf8Order {
    static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Utf8Order::compare);

    private Utf8Order() {
    }

    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Compares UTF-8 bytes unsigned: {@code a[aFrom, aTo)} with all of {@code b}. */
    static int compareBytes(java.nio.ByteBuffer a, int aFrom, int aTo, byte[] b) {
        int n = Math.min(aTo - aFrom, b.length);
        for (int i = 0; i < n; i++) {
            int x = a.get(aFrom + i) & 0xff;
            int y = b[i] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return (aTo - aFrom) - b.length;
    }
}
