package dev.tributary.core.aggregation;

/** Cuts text to a number of UTF-8 bytes without splitting a character, as Druid's string first/last do. */
final class Utf8Chop {
    private Utf8Chop() {
    }

    static String chop(String s, int maxBytes) {
        if (s == null || s.length() * 3 <= maxBytes) {
            return s; // no UTF-16 char takes more than 3 UTF-8 bytes (a surrogate pair takes 4 for 2)
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int width;
            int chars = 1;
            if (c < 0x80) {
                width = 1;
            } else if (c < 0x800) {
                width = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                width = 4;
                chars = 2;
            } else {
                width = 3;
            }
            if (bytes + width > maxBytes) {
                return s.substring(0, i);
            }
            bytes += width;
            i += chars - 1;
        }
        return s;
    }
}
