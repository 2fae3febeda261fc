package dev.tributary.core.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Druid's simple granularities, in UTC: how time is bucketed for segments ({@code segmentGranularity}),
 * for rollup ({@code queryGranularity}) and for query results. Read from a name ({@code "hour"}) or
 * from Druid's object form ({@code {"type": "none"}}).
 */
public enum Granularity {
    ALL(0), NONE(1), SECOND(1_000), MINUTE(60_000), FIVE_MINUTE(300_000), TEN_MINUTE(600_000),
    FIFTEEN_MINUTE(900_000), THIRTY_MINUTE(1_800_000), HOUR(3_600_000), SIX_HOUR(21_600_000),
    EIGHT_HOUR(28_800_000), DAY(86_400_000), WEEK(0), MONTH(0), QUARTER(0), YEAR(0);

    /** Bucket width for the fixed-width granularities; 0 for ALL and the calendar ones. */
    private final long fixedMillis;

    Granularity(long fixedMillis) {
        this.fixedMillis = fixedMillis;
    }

    /** The start of the bucket holding {@code t}; for ALL, the smallest instant there is. */
    public long bucketStart(long t) {
        if (fixedMillis > 0) {
            return Math.floorDiv(t, fixedMillis) * fixedMillis;
        }
        if (this == ALL) {
            return Interval.ETERNITY.start();
        }
        ZonedDateTime at = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime start = switch (this) {
            case WEEK -> at.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> at.withDayOfMonth(1);
            case QUARTER -> at.withDayOfMonth(1).withMonth(((at.getMonthValue() - 1) / 3) * 3 + 1);
            case YEAR -> at.withDayOfYear(1);
            default -> throw new AssertionError(this);
        };
        return start.toInstant().toEpochMilli();
    }

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    public long next(long bucketStart) {
        if (fixedMillis > 0) {
            return bucketStart + fixedMillis;
        }
        if (this == ALL) {
            return Interval.ETERNITY.end();
        }
        ZonedDateTime at = Instant.ofEpochMilli(bucketStart).atZone(ZoneOffset.UTC);
        ZonedDateTime next = switch (this) {
            case WEEK -> at.plusWeeks(1);
            case MONTH -> at.plusMonths(1);
            case QUARTER -> at.plusMonths(3);
            case YEAR -> at.plusYears(1);
            default -> throw new AssertionError(this);
        };
        return next.toInstant().toEpochMilli();
    }

    /** The width of every bucket in milliseconds, or 0 for ALL and the calendar granularities. */
    public long fixedWidthMillis() {
        return fixedMillis;
    }

    /** The bucket holding {@code t}. */
    public Interval bucket(long t) {
        long start = bucketStart(t);
        return new Interval(start, next(start));
    }

    /** Reads a granularity from Druid's string form, case-insensitively. */
    public static Granularity fromName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown granularity '" + name + "'; expected one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }

    @JsonCreator
    static Granularity fromJson(Object json) {
        if (json instanceof String s) {
            return fromName(s);
        }
        if (json instanceof Map<?, ?> map && map.get("type") instanceof String type) {
            if (map.size() == 1) {
                return fromName(type);
            }
            throw new IllegalArgumentException("granularity of type '" + type + "' with "
                    + map.keySet() + " is not supported yet; use a simple granularity name such as \"hour\"");
        }
        throw new IllegalArgumentException("a granularity is a name such as \"hour\" or {\"type\": \"hour\"}, not " + json);
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
