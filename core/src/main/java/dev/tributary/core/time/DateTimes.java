package dev.tributary.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** Parsing and printing of instants the way Druid does: UTC, ISO-8601, millisecond precision. */
public final class DateTimes {
    /** Druid prints every timestamp as {@code 2013-08-31T01:02:33.000Z}. */
    private static final DateTimeFormatter PRINTER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Joda's ISO printer: the local time and the offset, or 'Z' for a zero offset. */
    private static final DateTimeFormatter ZONED_PRINTER = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter();

    /**
     * Accepts the ISO forms Druid accepts: a year, a date, a date with hours, minutes, seconds and a
     * fraction, separated by 'T' or a space, with an optional offset ('Z', '+01:00', '+0100').
     */
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4, 9, java.time.format.SignStyle.NORMAL)
            .optionalStart().appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .optionalStart().appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2)
            .optionalStart().optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd().optionalEnd().optionalEnd().optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
            .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
            .toFormatter()
            // SMART would read 2013-02-30 as 2013-02-28: a wrong time, where Druid refuses the text.
            .withResolverStyle(ResolverStyle.STRICT);

    private DateTimes() {
    }

    /** Prints epoch milliseconds as Druid does: {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. */
    public static String print(long epochMillis) {
        return PRINTER.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * Prints epoch milliseconds in a time zone as Druid prints a result timestamp of a period granularity
     * in that zone: {@code 2013-08-31T00:00:00.000-07:00}; {@code Z} where the offset is zero.
     */
    public static String print(long epochMillis, ZoneId zone) {
        return ZONED_PRINTER.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /**
     * Parses an ISO-8601 instant, partial forms included ({@code 2013-08-31}, {@code 2013-08-31T00:00});
     * a missing offset means UTC.
     *
     * @throws DateTimeParseException if the text is not such an instant
     */
    public static long parseIso(CharSequence text) {
        TemporalAccessor parsed = PARSER.parse(text);
        LocalDateTime local = LocalDateTime.of(
                LocalDate.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                        parsed.get(ChronoField.DAY_OF_MONTH)),
                java.time.LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
                        parsed.get(ChronoField.SECOND_OF_MINUTE), parsed.get(ChronoField.NANO_OF_SECOND)));
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                : ZoneOffset.UTC;
        return OffsetDateTime.of(local, offset).toInstant().toEpochMilli();
    }
}
