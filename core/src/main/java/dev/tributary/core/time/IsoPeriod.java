package dev.tributary.core.time;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 period field by field, as Druid (Joda-Time) reads a period granularity. Unlike
 * {@link java.time.Period} it keeps weeks apart from days and carries a time part: {@code P1W} buckets
 * start on Mondays where {@code P7D} buckets start at the origin, so the two must stay different.
 * Every field is zero or positive, and at least one is positive.
 */
public record IsoPeriod(int years, int months, int weeks, int days, int hours, int minutes, int seconds, int millis) {
    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:[.,](\\d{1,3}))?S)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    public IsoPeriod {
        if (years < 0 || months < 0 || weeks < 0 || days < 0 || hours < 0 || minutes < 0 || seconds < 0 || millis < 0) {
            throw new IllegalArgumentException("a granularity period cannot have a negative field");
        }
        if ((years | months | weeks | days | hours | minutes | seconds | millis) == 0) {
            throw new IllegalArgumentException("a granularity period cannot be zero");
        }
    }

    /**
     * Reads {@code P1D}, {@code PT1H}, {@code P1W}, {@code P1Y2M}, {@code PT1H30M}, {@code PT0.750S}, ...
     *
     * @throws IllegalArgumentException naming the text when it is not such a period
     */
    public static IsoPeriod parse(String text) {
        Matcher m = text == null ? null : ISO.matcher(text.trim());
        String trimmed = text == null ? "" : text.trim();
        if (m == null || !m.matches() || trimmed.length() == 1 || trimmed.toUpperCase(Locale.ROOT).endsWith("T")) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 period such as P1D, PT1H or P1M");
        }
        try {
            String fraction = m.group(8);
            int millis = fraction == null ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
            return new IsoPeriod(field(m, 1), field(m, 2), field(m, 3), field(m, 4), field(m, 5), field(m, 6),
                    field(m, 7), millis);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a field too large for a period", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    private static int field(Matcher m, int group) {
        String digits = m.group(group);
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** True when the period has years or months, whose length in milliseconds varies. */
    public boolean hasCalendarFields() {
        return years != 0 || months != 0;
    }

    /** True when only hours, minutes, seconds and milliseconds are set: a length on the instant time line. */
    public boolean isTimeOnly() {
        return !hasCalendarFields() && weeks == 0 && days == 0;
    }

    /** How many fields are set; Druid calls a period with more than one "compound". */
    int fieldCount() {
        int n = 0;
        for (int f : new int[] {years, months, weeks, days, hours, minutes, seconds, millis}) {
            n += f != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The length in milliseconds counting a week as 7 days of 24 hours, as Joda's
     * {@code toStandardDuration} does; only for periods without years and months.
     */
    public long standardMillis() {
        if (hasCalendarFields()) {
            throw new IllegalStateException(this + " has no fixed length");
        }
        return weeks * 7L * DAY + days * DAY + timeMillis();
    }

    /** The hours, minutes, seconds and milliseconds in milliseconds. */
    long timeMillis() {
        return hours * HOUR + minutes * MINUTE + seconds * SECOND + millis;
    }

    /** The ISO-8601 text, Joda's way: {@code P1W}, {@code PT1H30M}, {@code PT0.750S}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("P");
        append(s, years, "Y");
        append(s, months, "M");
        append(s, weeks, "W");
        append(s, days, "D");
        if (timeMillis() != 0) {
            s.append('T');
            append(s, hours, "H");
            append(s, minutes, "M");
            if (millis != 0) {
                s.append(seconds).append('.').append(String.format(Locale.ROOT, "%03d", millis)).append('S');
            } else {
                append(s, seconds, "S");
            }
        }
        return s.toString();
    }

    private static void append(StringBuilder s, int value, String unit) {
        if (value != 0) {
            s.append(value).append(unit);
        }
    }
}
