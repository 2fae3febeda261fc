package dev.tributary.core.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How time is bucketed for segments ({@code segmentGranularity}), for rollup ({@code queryGranularity})
 * and for query results, in Druid's three forms: a simple name in UTC ({@code "hour"}), a period in a
 * time zone from an origin ({@code {"type": "period", "period": "P1D", "timeZone": "America/Los_Angeles"}})
 * and a duration in milliseconds from an origin ({@code {"type": "duration", "duration": 3600000}}).
 *
 * <p>The simple granularities are singletons, so {@code ==} compares them; every way of reading one
 * (a name, {@code {"type": "hour"}}, or a period in UTC without origin that equals one) returns the
 * constant. Immutable and thread-safe.
 */
public abstract sealed class Granularity permits AllGranularity, NoneGranularity, PeriodGranularity, DurationGranularity {
    public static final Granularity ALL = new AllGranularity();
    public static final Granularity NONE = new NoneGranularity();
    public static final Granularity SECOND = simple("second", new IsoPeriod(0, 0, 0, 0, 0, 0, 1, 0));
    public static final Granularity MINUTE = simple("minute", new IsoPeriod(0, 0, 0, 0, 0, 1, 0, 0));
    public static final Granularity FIVE_MINUTE = simple("five_minute", new IsoPeriod(0, 0, 0, 0, 0, 5, 0, 0));
    public static final Granularity TEN_MINUTE = simple("ten_minute", new IsoPeriod(0, 0, 0, 0, 0, 10, 0, 0));
    public static final Granularity FIFTEEN_MINUTE = simple("fifteen_minute", new IsoPeriod(0, 0, 0, 0, 0, 15, 0, 0));
    public static final Granularity THIRTY_MINUTE = simple("thirty_minute", new IsoPeriod(0, 0, 0, 0, 0, 30, 0, 0));
    public static final Granularity HOUR = simple("hour", new IsoPeriod(0, 0, 0, 0, 1, 0, 0, 0));
    public static final Granularity SIX_HOUR = simple("six_hour", new IsoPeriod(0, 0, 0, 0, 6, 0, 0, 0));
    public static final Granularity EIGHT_HOUR = simple("eight_hour", new IsoPeriod(0, 0, 0, 0, 8, 0, 0, 0));
    public static final Granularity DAY = simple("day", new IsoPeriod(0, 0, 0, 1, 0, 0, 0, 0));
    public static final Granularity WEEK = simple("week", new IsoPeriod(0, 0, 1, 0, 0, 0, 0, 0));
    public static final Granularity MONTH = simple("month", new IsoPeriod(0, 1, 0, 0, 0, 0, 0, 0));
    public static final Granularity QUARTER = simple("quarter", new IsoPeriod(0, 3, 0, 0, 0, 0, 0, 0));
    public static final Granularity YEAR = simple("year", new IsoPeriod(1, 0, 0, 0, 0, 0, 0, 0));

    /** Druid's simple granularities, finest first after all and none. */
    private static final List<Granularity> SIMPLE = List.of(ALL, NONE, SECOND, MINUTE, FIVE_MINUTE, TEN_MINUTE,
            FIFTEEN_MINUTE, THIRTY_MINUTE, HOUR, SIX_HOUR, EIGHT_HOUR, DAY, WEEK, MONTH, QUARTER, YEAR);
    private static final Map<String, Granularity> BY_NAME = byName();

    Granularity() {
    }

    private static Granularity simple(String name, IsoPeriod period) {
        return new PeriodGranularity(name, period, ZoneOffset.UTC, null);
    }

    private static Map<String, Granularity> byName() {
        Map<String, Granularity> byName = new LinkedHashMap<>();
        SIMPLE.forEach(g -> byName.put(g.jsonName(), g));
        return byName;
    }

    /** The start of the bucket holding {@code t}; for ALL, the smallest instant there is. */
    public abstract long bucketStart(long t);

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    public abstract long next(long bucketStart);

    /**
     * The width of every bucket in milliseconds, or 0 when buckets differ in width: ALL, months,
     * quarters, years, and periods of days or weeks in a time zone with daylight saving time.
     */
    public abstract long fixedWidthMillis();

    /** The bucket holding {@code t}. */
    public Interval bucket(long t) {
        long start = bucketStart(t);
        return new Interval(start, next(start));
    }

    /**
     * The zone bucket starts are reckoned in, and the one Druid prints result timestamps in: the
     * period granularity's {@code timeZone}, UTC for every other granularity.
     */
    public ZoneId timeZone() {
        return ZoneOffset.UTC;
    }

    /** True for Druid's simple granularities (the constants of this class). */
    public boolean isSimple() {
        return false;
    }

    /** The simple name ({@code "hour"}); for other granularities, their JSON object as compact text. */
    public abstract String jsonName();

    /** Druid's JSON form: the simple name, or the {@code period} or {@code duration} object. */
    @JsonValue
    public abstract Object toJson();

    @Override
    public String toString() {
        return jsonName();
    }

    /** Reads a simple granularity from its name, case-insensitively. */
    public static Granularity fromName(String name) {
        Granularity granularity = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (granularity == null) {
            throw new IllegalArgumentException("unknown granularity '" + name + "'; expected one of " + BY_NAME.keySet());
        }
        return granularity;
    }

    /**
     * A period granularity; the simple constant when it is one (UTC, no origin, the same period).
     *
     * @param timeZone null for UTC
     * @param origin epoch milliseconds buckets are counted from; null for 1970-01-01T00:00 in {@code timeZone}
     */
    public static Granularity period(IsoPeriod period, ZoneId timeZone, Long origin) {
        ZoneId zone = timeZone == null || timeZone.normalized().equals(ZoneOffset.UTC) ? ZoneOffset.UTC : timeZone;
        if (zone == ZoneOffset.UTC && origin == null) {
            for (Granularity g : SIMPLE) {
                if (g instanceof PeriodGranularity p && p.period().equals(period)) {
                    return g;
                }
            }
        }
        return new PeriodGranularity(null, period, zone, origin);
    }

    /** A duration granularity: buckets of {@code millis} counted from {@code origin} (epoch milliseconds). */
    public static Granularity duration(long millis, long origin) {
        return new DurationGranularity(millis, origin);
    }

    /** Reads any of Druid's JSON forms: a name, or an object with a {@code type}. */
    @JsonCreator
    static Granularity fromJson(Object json) {
        if (json instanceof String s) {
            return fromName(s);
        }
        if (json instanceof Map<?, ?> map) {
            return GranularityJson.fromObject(map);
        }
        throw new IllegalArgumentException("a granularity is a name such as \"hour\" or {\"type\": \"hour\"}, not " + json);
    }
}
