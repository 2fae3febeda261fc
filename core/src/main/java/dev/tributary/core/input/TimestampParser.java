package dev.tributary.core.input;

import dev.tributary.core.spec.TimestampSpec;
import dev.tributary.core.time.DateTimes;
import java.time.format.DateTimeParseException;

/** Reads an event's time as {@link TimestampSpec#format()} says. Stateless and thread-safe. */
final class TimestampParser {
    private final String column;
    private final String format;
    private final Long missingValue;

    TimestampParser(TimestampSpec spec) {
        this.column = spec.column();
        this.format = spec.format();
        this.missingValue = spec.missingValue() == null ? null : DateTimes.parseIso(spec.missingValue());
    }

    String column() {
        return column;
    }

    /** The event time in epoch milliseconds. */
    long parse(Object value) {
        if (value == null) {
            if (missingValue != null) {
                return missingValue;
            }
            throw new UnparseableEventException("event has no timestamp in field '" + column + "'");
        }
        try {
            return switch (format) {
                case "iso" -> iso(text(value));
                case "millis" -> wholeNumber(value);
                case "posix" -> Math.multiplyExact(wholeNumber(value), 1000L);
                case "micro" -> Math.floorDiv(wholeNumber(value), 1000L);
                case "nano" -> Math.floorDiv(wholeNumber(value), 1_000_000L);
                default -> auto(value);
            };
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new UnparseableEventException("timestamp '" + value + "' in field '" + column
                    + "' is not a valid " + format + " time");
        }
    }

    private static long auto(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String s = text(value);
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-') && isAllDigits(s)) {
            return Long.parseLong(s);
        }
        return iso(s);
    }

    private static long iso(String s) {
        long fast = FastIsoTime.parse(s);
        return fast != FastIsoTime.NOT_HANDLED ? fast : DateTimes.parseIso(s);
    }

    private static boolean isAllDigits(String s) {
        for (int i = s.charAt(0) == '-' ? 1 : 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() > (s.charAt(0) == '-' ? 1 : 0);
    }

    private static long wholeNumber(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(text(value).trim());
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new DateTimeParseException("not a string", String.valueOf(value), 0);
    }
}
