package dev.tributary.core.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A half-open time range [start, end) in epoch milliseconds, read and written as Druid's ISO-8601
 * interval text: {@code 2013-08-31/2013-09-02}, {@code 2013-08-31T00:00Z/P1D} or {@code PT1H/2013-09-01}.
 */
public record Interval(long start, long end) {
    /** Every instant Druid can represent; what a query without a usable interval covers. */
    public static final Interval ETERNITY = new Interval(-146136543L * 86_400_000L, 146140482L * 86_400_000L);

    public Interval {
        if (end < start) {
            throw new IllegalArgumentException("interval end " + DateTimes.print(end)
                    + " is before its start " + DateTimes.print(start));
        }
    }

    /**
     * Parses an ISO-8601 interval.
     *
     * @throws IllegalArgumentException naming the text when it is not an interval
     */
    @JsonCreator
    public static Interval parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 interval such as 2013-08-31/2013-09-01");
        }
        try {
            boolean startIsPeriod = isPeriod(parts[0]);
            boolean endIsPeriod = isPeriod(parts[1]);
            if (startIsPeriod && endIsPeriod) {
                throw new IllegalArgumentException("'" + text + "' has a period on both sides");
            }
            if (startIsPeriod) {
                long end = DateTimes.parseIso(parts[1]);
                return new Interval(minus(end, parts[0]), end);
            }
            long start = DateTimes.parseIso(parts[0]);
            long end = endIsPeriod ? plus(start, parts[1]) : DateTimes.parseIso(parts[1]);
            return new Interval(start, end);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 interval: " + e.getMessage(), e);
        }
    }

    private static boolean isPeriod(String s) {
        return !s.isEmpty() && (s.charAt(0) == 'P' || s.charAt(0) == 'p');
    }

    private static long plus(long instant, String period) {
        return shift(instant, period, 1);
    }

    private static long minus(long instant, String period) {
        return shift(instant, period, -1);
    }

    private static long shift(long instant, String iso, int sign) {
        int t = iso.toUpperCase(java.util.Locale.ROOT).indexOf('T');
        String datePart = t < 0 ? iso : iso.substring(0, t);
        String timePart = t < 0 ? null : "P" + iso.substring(t);
        var dateTime = java.time.Instant.ofEpochMilli(instant).atOffset(ZoneOffset.UTC);
        if (datePart.length() > 1) {
            Period p = Period.parse(datePart);
            dateTime = sign > 0 ? dateTime.plus(p) : dateTime.minus(p);
        }
        if (timePart != null) {
            Duration d = Duration.parse(timePart);
            dateTime = sign > 0 ? dateTime.plus(d) : dateTime.minus(d);
        }
        return dateTime.toInstant().toEpochMilli();
    }

    public boolean contains(long instant) {
        return instant >= start && instant < end;
    }

    public boolean overlaps(Interval other) {
        return start < other.end && other.start < end;
    }

    @JsonValue
    @Override
    public String toString() {
        return DateTimes.print(start) + "/" + DateTimes.print(end);
    }
}
